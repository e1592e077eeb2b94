import ScorecastCore

/// Reads the text layer of a published monthly scorecard: the text a PDF-to-text tool pulls
/// out of it, rotated cells split one or two letters a line.
///
/// Each indicator's block reads, top to bottom: its code in rotated pieces (`M`, `6-`, `Q`,
/// `L `, `(v`, `al`, `)`; the last piece may begin the title's first line), its title, the
/// lead's and the owner's names in rotated pieces (`Ju`, `lia`, `n `, `W`, ...), the outcome
/// statement, the number row (see ``ScorecardNumberRow``; it may share its line with the
/// outcome's last words) and the commentary. Page furniture (`% change`, `from Jul-21`) is
/// skipped wherever it falls.
///
/// The reader anchors on the number rows, then reads each block backwards from its row:
/// outcome (prose), names (short pieces), title (prose), code (short pieces); what precedes
/// the code is the previous indicator's commentary. A line it cannot place is reported with
/// its line number; nothing is dropped silently.
///
/// Complexity: O(characters of the text).
public struct ScorecardText: Sendable {
    /// The indicators in the order printed.
    public var indicators: [ScorecardIndicator]
    /// Lines that could not be placed, one error each (empty for a clean read).
    public var problems: [DataError]

    /// Reads `text`, named `fileName` in messages.
    ///
    /// - Throws: ``DataError`` when the text holds no number row at all (an empty file, or
    ///   not a scorecard). Lines that cannot be placed are collected in ``problems``.
    public init(text: String, fileName: String) throws {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        if let nonText = lines.firstIndex(where: { $0.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" } }) {
            let column =
                lines[nonText].unicodeScalars.firstIndex { $0.value < 0x20 && $0 != "\t" }.map {
                    lines[nonText].unicodeScalars.distance(from: lines[nonText].unicodeScalars.startIndex, to: $0) + 1
                } ?? 1
            throw DataError(
                file: fileName, line: nonText + 1, column: column,
                expected: "expected the text of a scorecard, found a control character (is this a binary file?)")
        }
        var reader = BlockReader(lines: lines, fileName: fileName)
        try reader.read()
        indicators = reader.indicators
        problems = reader.problems
    }
}

/// The classes a line of the text falls into.
private enum LineKind: Equatable {
    case blank, furniture, piece, prose
}

private struct BlockReader {
    let lines: [String]
    let fileName: String
    var indicators: [ScorecardIndicator] = []
    var problems: [DataError] = []

    init(lines: [String], fileName: String) {
        self.lines = lines
        self.fileName = fileName
    }

    static func kind(_ line: String) -> LineKind {
        let trimmed = line.trimmingSpaces
        if trimmed.isEmpty { return .blank }
        if trimmed == "% change" || (trimmed.hasPrefix("from ") && trimmed.count <= 11 && trimmed.contains("-")) { return .furniture }
        return trimmed.count <= 3 ? .piece : .prose
    }

    /// A run of consecutive lines of one kind (blank lines and furniture between them ignored).
    struct Run {
        var kind: LineKind
        var lines: [Int]
    }

    func runs(_ range: Range<Int>) -> [Run] {
        var runs: [Run] = []
        for index in range {
            let kind = BlockReader.kind(lines[index])
            guard kind == .piece || kind == .prose else { continue }
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].lines.append(index)
            } else {
                runs.append(Run(kind: kind, lines: [index]))
            }
        }
        return runs
    }

    func problem(_ line: Int, _ expected: String) -> DataError {
        DataError(file: fileName, line: line + 1, column: 1, expected: expected)
    }

    /// Joins prose lines into one paragraph: a line ending in `-` joins the next without a space.
    static func joinProse(_ parts: [String]) -> String {
        var text = ""
        for part in parts {
            let trimmed = part.trimmingSpaces
            guard !trimmed.isEmpty else { continue }
            if !text.isEmpty && !text.hasSuffix("-") { text += " " }
            text += trimmed
        }
        return collapseSpaces(text)
    }

    static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    mutating func read() throws {
        var rows: [(line: Int, row: ScorecardNumberRow)] = []
        for (index, line) in lines.enumerated() where BlockReader.kind(line) == .prose {
            if let row = ScorecardNumberRow.find(in: line) { rows.append((index, row)) }
        }
        guard !rows.isEmpty else {
            throw DataError(file: fileName, line: 1, column: 1, expected: "expected a scorecard: indicator blocks with a number row each, found none")
        }
        // Each block's lines: from just after the previous row to its own row.
        var blockStart = 0
        var pending: ScorecardIndicator?
        for (rowLine, row) in rows {
            var runs = runs(blockStart..<rowLine)
            var outcomeLines = [String]()
            if !row.prosePrefix.isEmpty {
                if let last = runs.last, last.kind == .prose {
                    outcomeLines = last.lines.map { lines[$0] }
                    runs.removeLast()
                }
                outcomeLines.append(row.prosePrefix)
            } else if let last = runs.last, last.kind == .prose {
                outcomeLines = last.lines.map { lines[$0] }
                runs.removeLast()
            } else {
                problems.append(problem(rowLine, "expected an outcome statement above the number row"))
            }
            let namesRun = runs.last?.kind == .piece ? runs.removeLast() : nil
            let titleRun = runs.last?.kind == .prose ? runs.removeLast() : nil
            let codeRun = runs.last?.kind == .piece ? runs.removeLast() : nil
            // Whatever is left is the previous indicator's commentary.
            let commentaryRuns = runs
            if var previous = pending {
                let commentaryLines = commentaryRuns.flatMap { run -> [Int] in
                    if run.kind == .piece {
                        for line in run.lines {
                            problems.append(
                                problem(
                                    line,
                                    "expected commentary or an indicator code here, found the fragment \(DataError.quote(lines[line].trimmingSpaces))"
                                ))
                        }
                    }
                    return run.lines
                }
                previous.commentary = BlockReader.joinProse(commentaryLines.map { lines[$0] })
                indicators.append(previous)
            } else {
                for run in commentaryRuns {
                    for line in run.lines {
                        problems.append(problem(line, "expected the first indicator's code, found \(DataError.quote(lines[line].trimmingSpaces))"))
                    }
                }
            }
            guard let titleRun, let namesRun else {
                problems.append(
                    problem(
                        codeRun?.lines.first ?? rowLine, "expected an indicator block (code, title, lead and owner, outcome) above this number row"))
                pending = nil
                blockStart = rowLine + 1
                continue
            }
            // The code's last piece may begin the title's first line (`1 Number of contacts`).
            var codePieces = codeRun.map { run in run.lines.map { lines[$0] } } ?? []
            var titleLines = titleRun.lines.map { lines[$0] }
            let firstTitleLine = titleLines[0].trimmingSpaces
            if let space = firstTitleLine.firstIndex(of: " ") {
                let head = firstTitleLine[..<space]
                let rest = String(firstTitleLine[firstTitleLine.index(after: space)...]).trimmingSpaces
                if head.count <= 3, let initial = rest.first, initial.isUppercase {
                    codePieces.append(String(head))
                    titleLines[0] = rest
                }
            }
            let codeLine = codeRun?.lines.first ?? titleRun.lines[0]
            guard !codePieces.isEmpty else {
                problems.append(problem(titleRun.lines[0], "expected an indicator code before the title \(DataError.quote(firstTitleLine))"))
                pending = nil
                blockStart = rowLine + 1
                continue
            }
            let (lead, owner) = BlockReader.names(namesRun.lines.map { lines[$0] })
            let indicator = ScorecardIndicator(
                code: BlockReader.code(codePieces),
                title: BlockReader.joinProse(titleLines),
                lead: lead,
                owner: owner,
                outcome: BlockReader.joinProse(outcomeLines),
                monthly: row.monthly,
                changeFromPreviousMonth: row.changeFromPreviousMonth,
                changeFromLastYear: row.changeFromLastYear,
                icon: row.icon,
                average12Months: row.average12Months,
                high12Months: row.high12Months,
                comparators: row.comparators,
                commentary: "",
                codeLine: codeLine + 1,
                numberRowLine: rowLine + 1,
                numberRowText: row.text)
            if owner.isEmpty {
                problems.append(
                    problem(namesRun.lines[0], "expected two rotated names (lead and owner) for \(indicator.code), found \(DataError.quote(lead))"))
            }
            pending = indicator
            blockStart = rowLine + 1
        }
        if var last = pending {
            let trailing = runs(blockStart..<lines.count)
            for run in trailing where run.kind == .piece {
                for line in run.lines {
                    problems.append(
                        problem(
                            line, "expected commentary after the last indicator, found the fragment \(DataError.quote(lines[line].trimmingSpaces))"))
                }
            }
            last.commentary = BlockReader.joinProse(trailing.flatMap(\.lines).map { lines[$0] })
            indicators.append(last)
        }
    }

    /// Reassembles a code from its pieces: `M`, `6-`, `Q`, `L `, `(v`, `al`, `)` → `M6-QL (val)`.
    /// A lone `%` piece is set off by a space (`EH3a %`), as the code is printed.
    static func code(_ pieces: [String]) -> String {
        var code = ""
        for (index, piece) in pieces.enumerated() {
            var text = index == 0 ? piece.trimmingSpaces : piece
            if text.trimmingSpaces == "%" { text = " %" }
            code += text
        }
        return collapseSpaces(code.trimmingSpaces)
    }

    /// Splits the rotated pieces of two names: `Ju`,`lia`,`n `,`W`,...,`ns`,`Ja`,... →
    /// (`Julian Watkins`, `Jacqui Schofield`): the second name begins where a lower-case letter
    /// runs into a capital after the first name's space.
    static func names(_ pieces: [String]) -> (String, String) {
        let joined = pieces.joined()
        var sawSpace = false
        var previous: Character?
        for index in joined.indices {
            let character = joined[index]
            if character == " " && !(previous == nil) { sawSpace = true }
            if sawSpace, let previous, previous.isLowercase, character.isUppercase {
                return (collapseSpaces(String(joined[..<index]).trimmingSpaces), collapseSpaces(String(joined[index...]).trimmingSpaces))
            }
            previous = character
        }
        return (collapseSpaces(joined.trimmingSpaces), "")
    }
}
