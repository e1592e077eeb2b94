import ArgumentParser
import ScorecastData

/// `--format csv|xlsx`: a table command's output as CSV (default) or as an Excel workbook of
/// one sheet (``XLSXWriter``: frozen bold header, numbers with number formats) holding exactly
/// the CSV's table.
struct TableFormatOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xlsx
    }

    @Option(help: ArgumentHelp("csv, or xlsx (one sheet, frozen header row; give --output FILE.xlsx).", valueName: "format"))
    var format: Format = .csv

    /// Writes the table `writer` holds to `output` in the chosen format; `sheetName` names the sheet.
    func write(_ writer: CSVWriter, to output: OutputOptions, sheetName: String) throws {
        switch format {
        case .csv:
            try output.write(writer)
        case .xlsx:
            let records = try CSVReader(source: ByteSource(bytes: writer.bytes, name: "<table>")).readAllRecords()
            let workbook = try XLSXWriter.workbook(header: records.first ?? [], rows: Array(records.dropFirst()), sheetName: sheetName)
            try output.write(workbook)
        }
    }
}
