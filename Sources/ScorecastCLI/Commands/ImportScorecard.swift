import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// `scorecast import-scorecard FILE --month YYYY-MM --out DIR`: the text of a published
/// scorecard into the tidy files.
struct ImportScorecard: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-scorecard",
        abstract: "Import the text of a published monthly scorecard into tidy CSV files.",
        discussion: """
            Reads the text a PDF-to-text tool extracts from a scorecard (rotated cells split one or \
            two letters a line) and writes observations.csv, indicators.csv, comparators.csv, \
            commentary.csv and printed.csv into DIR (all five or none). Every line that cannot be \
            placed is reported on standard error by line number; then nothing is written and the \
            exit status is 65, unless --lenient is given.
            Exit status: \(ExitStatus.summary)
            """
    )

    @Argument(help: ArgumentHelp("The scorecard's text.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The scorecard's month, the last of its monthly values (YYYY-MM).", valueName: "YYYY-MM"))
    var month: String

    @Option(help: ArgumentHelp("Directory for the tidy files (created if missing).", valueName: "dir"))
    var out: String

    @Option(
        help: ArgumentHelp("Indicator catalogue (code,unit,polarity[,frequency]) deciding each indicator's unit and polarity.", valueName: "file"))
    var catalogue: String?

    @Flag(help: "Write the files even when some lines could not be placed (they are still reported).")
    var lenient = false

    func validate() throws {
        guard let period = Period(parsing: month), period.frequency == .monthly else {
            throw ValidationError("--month must be a month, YYYY-MM (got '\(month)')")
        }
    }

    func execute() throws {
        let month = Period(parsing: month)!
        let text = try ScorecardText(text: try readText(file), fileName: file)
        let decisions = try catalogue.map { try Indicator.read(path: $0) } ?? []
        let imported = ScorecardImport(text: text, month: month, catalogue: decisions)
        for problem in text.problems { printError(problem.description) }
        if !text.problems.isEmpty && !lenient {
            throw ExitCode(65)
        }
        if catalogue != nil {
            for code in imported.uncatalogued {
                printError("\(file): warning: \(code) is not in the catalogue \(catalogue!); unit inferred, polarity neutral")
            }
        }
        try writeAll(imported.files(), into: out)
        printError(
            "\(file): \(imported.indicators.count) indicators, \(imported.scorecard.reduce(0) { $0 + $1.monthly.count }) monthly values -> \(out)")
    }
}

/// Reads a UTF-8 text file whole (`-` for standard input).
///
/// - Throws: ``DataError`` at the first byte that is not UTF-8.
func readText(_ path: String) throws -> String {
    let bytes = try ByteSource(path: path).readAll()
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    // Find where the text stops being UTF-8, for the message.
    var line = 1
    var lineStart = 0
    var index = 0
    while index < bytes.count {
        let length: Int
        switch bytes[index] {
        case 0..<0x80: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: length = 0
        }
        if length == 0 || index + length > bytes.count || String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
            let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
            throw DataError(
                file: path, line: line, column: column,
                expected: "expected UTF-8 text, found the byte 0x\(String(bytes[index], radix: 16, uppercase: true)) (is this a binary file?)")
        }
        if bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        index += length
    }
    return String(decoding: bytes, as: UTF8.self)
}
