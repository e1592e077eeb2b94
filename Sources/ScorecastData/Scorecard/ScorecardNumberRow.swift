/// The number row of one scorecard indicator: how a line of cells is read.
///
/// A row reads: up to seven monthly values, the % change from the previous month, the %
/// change from the same month last year, an optional icon character, the 12-month average
/// and high, then up to three comparators. Missing cells print as `-`, `tbc`, `- n/a` (one
/// cell) or `Local`; thousands may carry commas (`1,190`).
///
/// The changes and the 12-month figures are told apart by the row's layout: the icon, when
/// printed, stands between them; otherwise a wider gap (two spaces) does; a row with neither
/// is read as a full row of seven months.
struct ScorecardNumberRow {
    var monthly: [ScorecardCell]
    var changeFromPreviousMonth: ScorecardCell
    var changeFromLastYear: ScorecardCell
    var icon: String?
    var average12Months: ScorecardCell
    var high12Months: ScorecardCell
    var comparators: [ScorecardCell]
    /// The characters of the line before the row (prose sharing its line), trimmed.
    var prosePrefix: String
    /// The row's own text.
    var text: String

    /// The icon font's private-use characters (U+F070 up, U+F071 down, and their neighbours).
    static func isIcon(_ token: Substring) -> Bool {
        token.unicodeScalars.count == 1 && (0xF000...0xF0FF).contains(token.unicodeScalars.first!.value)
    }

    /// The number a printed cell shows: `1,190` → 1190, `-15%` → -15; `nil` for anything else.
    static func number(_ token: Substring) -> Double? {
        var text = token
        if text.hasSuffix("%") { text = text.dropLast() }
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        guard let first = text.first, first.isASCII, first.isNumber else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        if parts.count == 2 { guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil } }
        guard let value = Double(groups.joined() + (parts.count == 2 ? "." + parts[1] : "")) else { return nil }
        return negative ? -value : value
    }

    static func isRowToken(_ token: Substring) -> Bool {
        token == "-" || token == "n/a" || token.lowercased() == "tbc" || token == "Local" || isIcon(token) || number(token) != nil
    }

    private struct Token {
        var text: Substring
        var afterGap: Bool
    }

    /// Finds the number row at the end of `line`, if it has one (at least five cells).
    static func find(in line: String) -> ScorecardNumberRow? {
        var tokens: [Token] = []
        var spaces = 0
        var start: String.Index?
        var index = line.startIndex
        while index <= line.endIndex {
            let isSpace = index == line.endIndex || line[index] == " " || line[index] == "\t"
            if isSpace {
                if let tokenStart = start {
                    tokens.append(Token(text: line[tokenStart..<index], afterGap: spaces >= 2))
                    start = nil
                    spaces = 0
                }
                spaces += 1
            } else if start == nil {
                start = index
            }
            if index == line.endIndex { break }
            index = line.index(after: index)
        }
        var first = tokens.count
        while first > 0, isRowToken(tokens[first - 1].text) { first -= 1 }
        // Take back leading cells a shared line's prose might have lent the row.
        while tokens.count - first >= 5 {
            if let row = parse(Array(tokens[first...]), line: line) { return row }
            first += 1
        }
        return nil
    }

    private static func parse(_ tokens: [Token], line: String) -> ScorecardNumberRow? {
        var cells: [(cell: ScorecardCell, afterGap: Bool)] = []
        var icon: String?
        var iconPosition: Int?
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if isIcon(token.text) {
                guard icon == nil else { return nil }
                icon = String(token.text)
                iconPosition = cells.count
            } else if token.text == "-", index + 1 < tokens.count, tokens[index + 1].text == "n/a" {
                cells.append((ScorecardCell(text: "- n/a", value: nil), token.afterGap))
                index += 1
            } else if token.text == "n/a" {
                return nil
            } else {
                cells.append((ScorecardCell(text: String(token.text), value: number(token.text)), token.afterGap))
            }
            index += 1
        }
        func isChange(_ cell: ScorecardCell) -> Bool { cell.text == "- n/a" || cell.text == "-" || (cell.value != nil && cell.text.hasSuffix("%")) }
        var split: Int?
        if let iconPosition {
            split = iconPosition
        } else if let gap = cells.indices.last(where: { cells[$0].afterGap }), gap >= 2, cells[gap].cell.text != "- n/a" {
            split = gap
        }
        let twelveMonthStart = split ?? min(7, cells.count - 4) + 2
        guard twelveMonthStart >= 2, twelveMonthStart - 2 <= 7, cells.count - twelveMonthStart >= 2, cells.count - twelveMonthStart <= 5 else {
            return nil
        }
        let changes = (cells[twelveMonthStart - 2].cell, cells[twelveMonthStart - 1].cell)
        guard isChange(changes.0), isChange(changes.1) else { return nil }
        let monthly = cells[..<(twelveMonthStart - 2)].map(\.cell)
        guard monthly.allSatisfy({ $0.value != nil || $0.text == "-" || $0.text.lowercased() == "tbc" }) else { return nil }
        let prefixEnd = tokens[0].text.startIndex
        return ScorecardNumberRow(
            monthly: monthly,
            changeFromPreviousMonth: changes.0,
            changeFromLastYear: changes.1,
            icon: icon,
            average12Months: cells[twelveMonthStart].cell,
            high12Months: cells[twelveMonthStart + 1].cell,
            comparators: cells[(twelveMonthStart + 2)...].map(\.cell),
            prosePrefix: String(line[..<prefixEnd]).trimmingSpaces,
            text: String(line[prefixEnd...]).trimmingSpaces)
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
