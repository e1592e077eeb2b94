import ArgumentParser
import ScorecastData

/// `scorecast import-cin FILE_OR_DIR... --out DIR [--population FILE]`: children in need
/// census returns into every children-in-need and child-protection measure, month by month.
struct ImportCINCommand: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-cin",
        abstract: "Import children in need census returns (XML) into monthly CIN and child-protection measures.",
        discussion: """
            Reads CIN census returns, recognised by their content (folders are searched recursively; \
            files there that are not XML are skipped), validates each episode, merges episodes \
            across returns (the latest ReferenceDate wins) and counts each measure for every month \
            of the returns' years. Writes episodes.csv, validation.csv, observations.csv and \
            indicators.csv into DIR, all four or none, in the layout of an imported scorecard \
            folder. Invalid episodes are listed in validation.csv, left out and counted on standard \
            error. A file that is not a whole CIN census return exits 65 naming it and the line \
            where reading failed, and nothing is written. --looked-after adds the looked-after \
            measures (month-end stock, starts, ceases, adoptions, special guardianship orders) \
            from SSDA903 returns. --codes FILE also writes scorecard-history.csv, the measures \
            under a scorecard's codes, for report --history.
            Exit status: \(ExitStatus.summary)
            """
    )

    @Argument(help: ArgumentHelp("CIN census XML files or folders holding them.", valueName: "file-or-dir"))
    var inputs: [String]

    @Option(help: ArgumentHelp("Directory for the output files (created if missing).", valueName: "dir"))
    var out: String

    @Option(
        help: ArgumentHelp(
            "Children aged 0-17 (tidy series,period,value; yearly or monthly) for rates per 10,000.", valueName: "file"))
    var population: String?

    @Option(
        help: ArgumentHelp(
            "SSDA903 returns (files or folders, as import-903 takes them) for the looked-after measures alongside.", valueName: "file-or-dir"))
    var lookedAfter: [String] = []

    @Option(
        help: ArgumentHelp(
            "A map measure,code (notebooks-data/scorecard/measure-codes.csv for the bundled scorecard): also writes scorecard-history.csv, the mapped series under the scorecard's codes, for report --history.",
            valueName: "file"))
    var codes: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one CIN census file or folder") }
    }

    func execute() throws {
        let children = try population.map { try CINCensusImport.population(from: $0) } ?? [:]
        let lookedAfterImport = try lookedAfter.isEmpty ? nil : SSDA903Import(paths: lookedAfter)
        let result = try CINCensusImport(paths: inputs, population: children, lookedAfter: lookedAfterImport.map(LookedAfterMonthlyMeasures.init))
        var files = result.files().map { ($0.name, Array($0.text.utf8)) }
        if let codes {
            let map = try MeasureCodeMap.read(path: codes)
            let series = try ObservationReader(text: result.observationsCSV(), name: out + "/observations.csv").readAll()
            files.append(("scorecard-history.csv", Self.observationsCSV(map.renamed(series))))
        }
        try writeAll(files, into: out)
        for file in result.skipped { printError("\(file): skipped: not XML") }
        let months = result.measures.months
        let invalid = result.merged.issues.count
        printError(
            "\(result.returns.count) return\(result.returns.count == 1 ? "" : "s"), \(result.merged.episodes.count) episodes of \(Set(result.merged.episodes.map(\.child)).count) children, \(months.first!)..\(months.last!); \(invalid) invalid episode\(invalid == 1 ? "" : "s") listed in \(out)/validation.csv and left out (\(result.merged.leftOut) of them the latest record of their episode)"
        )
        if let lookedAfterImport {
            let problems = lookedAfterImport.issues.count
            printError(
                "903: \(lookedAfterImport.episodes.count) looked-after episodes, \(lookedAfterImport.summary.months.first!)..\(lookedAfterImport.summary.months.last!); \(problems) row problem\(problems == 1 ? "" : "s") (import-903 lists them)"
            )
        }
        if !result.monthsWithoutPopulation.isEmpty {
            printError(
                "\(population!): no population for \(result.monthsWithoutPopulation.count) months (\(result.monthsWithoutPopulation.first!)...); their rates are not written"
            )
        }
    }

    /// `series` as `series,period,value,numerator,denominator` rows (empty for missing).
    static func observationsCSV(_ series: [ObservedSeries]) -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRecord(["series", "period", "value", "numerator", "denominator"])
        for item in series {
            for (index, period) in item.series.periods.enumerated() {
                csv.writeRecord([
                    item.name, period.description, CSVNumber.format(item.series.values[index]), CSVNumber.format(item.numerators[index]),
                    CSVNumber.format(item.denominators[index]),
                ])
            }
        }
        return csv.bytes
    }
}
