/// One cell of a worksheet as stored: text (shared or inline string), a number, a date or time
/// (a number whose cell format is a date format: the Excel serial day, 1900 date system), a
/// boolean, or an error value (`#N/A`).
public enum XLSXValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case date(serial: Double)
    case boolean(Bool)
    case error(String)

    /// The value as CSV-like text: numbers and serials as ``CSVNumber/format(_:)`` spells them,
    /// booleans `TRUE`/`FALSE`.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let number): CSVNumber.format(number)
        case .date(let serial): CSVNumber.format(serial)
        case .boolean(let value): value ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }
}

/// A cell with its place: row and column from 1 (`B3` is row 3, column 2).
public struct XLSXCell: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var value: XLSXValue

    public init(row: Int, column: Int, value: XLSXValue) {
        self.row = row
        self.column = column
        self.value = value
    }

    /// The column letters for `column` (1 → `A`, 27 → `AA`).
    public static func letters(_ column: Int) -> String {
        precondition(column >= 1, "columns count from 1")
        var number = column, letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// Row and column of a reference like `AB12`, or nil when it is not one.
    public static func position(of reference: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, sawDigit = false
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 65...90 where !sawDigit: column = column * 26 + Int(scalar.value - 64)
            case 48...57:
                sawDigit = true
                row = row * 10 + Int(scalar.value - 48)
            default: return nil
            }
            guard column <= 16_384, row <= 1_048_576 else { return nil }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }
}

/// One worksheet: its name and its non-empty cells in row order.
public struct XLSXSheet: Sendable {
    public var name: String
    public var cells: [XLSXCell]

    /// The sheet as rows of text, from row 1 to the last row with a cell, each as wide as its
    /// last cell (empty strings for empty cells), with the row numbers (which are line numbers
    /// for error messages).
    public var rows: [(number: Int, fields: [String])] {
        guard let last = cells.map(\.row).max() else { return [] }
        var rows = (1...last).map { (number: $0, fields: [String]()) }
        for cell in cells {
            let index = cell.row - 1
            if rows[index].fields.count < cell.column {
                rows[index].fields += Array(repeating: "", count: cell.column - rows[index].fields.count)
            }
            rows[index].fields[cell.column - 1] = cell.value.text
        }
        return rows
    }
}
