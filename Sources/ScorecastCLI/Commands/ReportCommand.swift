import ArgumentParser
import Foundation
import ScorecastCore
import ScorecastData
import ScorecastReport
import ScorecastTimeSeries

/// `scorecast report DIR --month M --out REPORT_DIR`: the monthly report as one HTML page and
/// the CSVs behind it.
struct ReportCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the month's report: one self-contained HTML page and the CSVs behind it.",
        discussion: """
            Reads an imported scorecard directory (indicators.csv, observations.csv and, when \
            present, comparators.csv, printed.csv, commentary.csv) and writes into REPORT_DIR: \
            report.html (no external resources), scorecard.csv, spc.csv, spc-seasonal.csv, \
            explain.csv, forecast.csv and summary.csv. Each file is written whole or not at all. \
            With --comparators DIR --la CODE (DfE data as compare reads it), the page also compares \
            the authority with its statistical neighbours, England and its region for --year, with \
            95% intervals, significance and funnel plots, and comparators.csv holds compare's table. \
            With --looked-after DIR (a folder import-903 wrote, or SSDA903 returns), the page shows \
            the latest month-end children looked after by age band and placement and project-903's \
            24-month projection (2,000 paths, seed 1), and looked-after.csv holds both.
            """
    )

    @Argument(help: ArgumentHelp("The imported scorecard directory (from import-scorecard).", valueName: "dir"))
    var directory: String

    @Option(help: ArgumentHelp("The report's month (YYYY-MM).", valueName: "period"))
    var month: String

    @Option(help: ArgumentHelp("The directory to write the report into (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Whose scorecard it is, for the title.", valueName: "name"))
    var place = "The local authority"

    @OptionGroup var dfe: ReportComparatorOptions

    @Option(
        help: ArgumentHelp(
            "A folder import-903 wrote, or SSDA903 returns: adds the section on children looked after by age and placement, and looked-after.csv.",
            valueName: "dir"))
    var lookedAfter: String?

    @Option(
        help: ArgumentHelp(
            "Earlier months of the indicators (tidy series,period,value; or an imported folder's observations.csv): merged with the scorecard's, conflicts reported.",
            valueName: "file-or-dir"))
    var history: String?

    @OptionGroup var seasonality: SeasonalityOptions

    func validate() throws {
        guard let period = Period(parsing: month), period.frequency == .monthly else {
            throw ValidationError("--month expects YYYY-MM; found '\(month)'.")
        }
    }

    func execute() throws {
        let period = Period(parsing: month)!
        var files = try ScorecardFiles(directory: directory, month: period)
        var conflicts: [ScorecardHistory.Conflict] = []
        if let history {
            let (file, series) = try HistoryInput.read(history)
            conflicts = ScorecardHistory.merge(series, into: &files)
            HistoryInput.report(conflicts, file: file, against: "the scorecard")
        }
        let comparators = try dfe.load()
        let lookedAfter = try self.lookedAfter.map { LookedAfterReport(data: try LookedAfterData.load($0)) }
        let referencesUsed = try seasonality.load(useBundledDefault: true)
        var report = MonthlyReport(
            files: files, month: period, place: place, pipeline: try IndicatorAnalysis.defaultPipeline(), references: referencesUsed)
        report.historyConflicts = conflicts
        let codes = ScorecardProjection.Codes.scorecard
        if [codes.stock, codes.starts, codes.ends].allSatisfy({ code in files.indicators.contains { $0.code == code } }) {
            report.projection = ScorecardProjection(files: files, month: period, codes: codes)
        }
        var csvs: [(String, [UInt8])] = [
            ("scorecard.csv", ScorecardReport.csv(report.analyses.map(\.line))),
            ("spc.csv", report.spcCSV(seasonal: false)),
            ("spc-seasonal.csv", report.spcCSV(seasonal: true)),
            ("explain.csv", report.explainCSV()),
            ("forecast.csv", report.forecastCSV()),
            ("summary.csv", report.summaryCSV()),
        ]
        if let projection = report.projection { csvs.append(("projection.csv", projection.csv())) }
        if let comparators { csvs.append(("comparators.csv", comparators.csv())) }
        if let lookedAfter { csvs.append(("looked-after.csv", lookedAfter.csv())) }
        let html = report.page(files: csvs.map(\.0), comparators: comparators, lookedAfter: lookedAfter).html()
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: out, operation: .write, reason: "cannot create the report directory: \(error)")
        }
        for (name, bytes) in csvs + [("report.html", Array(html.utf8))] {
            try OutputFile.write(bytes, to: out + "/" + name)
        }
    }
}
