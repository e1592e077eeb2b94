import ArgumentParser
import ScorecastComparators
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastProjection
import ScorecastTimeSeries

/// `scorecast project-population`: an annual DfE rate per 10,000, forecast and multiplied by a
/// projected population aged 0–17.
struct ProjectPopulation: ScorecastCommand {
    static let configuration = CommandConfiguration(
        commandName: "project-population",
        abstract: "Project an annual rate per 10,000 onto a population projection: numbers of children.",
        discussion: """
            Forecasts the local authority's published rate (e.g. cla_31mar_rate_per_10k) with \
            automatic ETS on its annual history, then multiplies by the projected population aged \
            0-17 for each year in the population file. The population is taken as given, so the \
            number's interval is the rate's, scaled. Writes la_code,la_name,measure,period, \
            population,rate,rate_lo_80,rate_hi_80,...,number,number_lo_80,number_hi_80,...
            Exit status: \(ExitStatus.summary)
            """
    )

    @Option(help: ArgumentHelp("Local authority: ONS code or name.", valueName: "code-or-name"))
    var la: String

    @Option(help: ArgumentHelp("A rate per 10,000 measure, e.g. cla_31mar_rate_per_10k.", valueName: "measure"))
    var measure: String

    @Option(
        help: ArgumentHelp(
            "Projected population aged 0-17: observations CSV (series,period,value) with years as periods (the DfE year, ending 31 March).",
            valueName: "file"))
    var population: String

    @Option(name: .customLong("level"), help: "Interval coverage in percent; repeat for several (default 80 and 95).")
    var levels: [Double] = []

    @Option(help: ArgumentHelp("Folder with the DfE files (la_childrens_social_care_indicators.csv and friends).", valueName: "dir"))
    var data = BundledData.path("dfe")

    @OptionGroup var output: OutputOptions

    func validate() throws {
        for level in levels where !(level > 0 && level < 100) {
            throw ValidationError("--level must lie strictly between 0 and 100, got \(level)")
        }
    }

    func execute() throws {
        let levels = self.levels.isEmpty ? [80, 95] : self.levels
        let folder = data.hasSuffix("/") ? String(data.dropLast()) : data
        let areas = try ComparatorDataOptions.load(folder: folder)
        guard let found = areas.catalogue.named(measure), found.kind == .rate else {
            let rates = areas.catalogue.measures.filter { $0.kind == .rate }.map(\.name).joined(separator: ", ")
            throw ValidationError("--measure must be a rate per 10,000: one of \(rates)")
        }
        let area = try ComparatorDataOptions.authority(matching: la, in: areas)
        let years = areas.years
        guard let firstYear = years.first(where: { !areas.value(area: area, year: $0, measure: measure).isNaN }),
            let lastYear = years.last(where: { !areas.value(area: area, year: $0, measure: measure).isNaN })
        else {
            throw DataError(
                file: folder + "/la_childrens_social_care_indicators.csv", line: 1, column: 1,
                expected: "expected values of \(measure) for \(areas.areas[area].name), found none")
        }
        let history = TimeSeries(
            name: measure, start: Period(year: firstYear),
            values: (firstYear...lastYear).map { areas.value(area: area, year: $0, measure: measure) })

        var projected: [Period: Double] = [:]
        let observed = try ObservationReader(path: population).readAll()
        guard observed.count == 1, let populationSeries = observed.first?.series, populationSeries.frequency == .annual else {
            throw DataError(
                file: population, line: 2, column: 1, expected: "expected one series of annual periods (YYYY), found \(observed.count) series")
        }
        for (offset, value) in populationSeries.values.enumerated() where !value.isNaN {
            projected[populationSeries.start.advanced(by: offset)] = value
        }
        let futureYears = projected.keys.filter { $0 > history.end }.sorted()
        guard let lastFuture = futureYears.last else {
            throw DataError(
                file: population, line: 2, column: 1,
                expected: "expected population for years after \(history.end), the last year with a published rate")
        }
        let horizon = history.end.distance(to: lastFuture)
        let projectedRate = try ForecastPipeline(.automaticETS, horizon: horizon, levels: levels).forecast(history, bounds: .unbounded)
        let fitted = projectedRate.fitted
        let forecast = projectedRate.forecast
        let rows: [PopulationProjection.Row]
        do {
            rows = try PopulationProjection.project(rateForecast: forecast, population: projected)
        } catch let error as ProjectionError {
            throw DataError(
                file: population, line: 2, column: 1, expected: "expected a population for every year to \(lastFuture): \(error.description)")
        }
        var writer = CSVWriter()
        let intervalColumns = { (prefix: String) in
            levels.flatMap { ["\(prefix)_lo_\(CSVNumber.format($0))", "\(prefix)_hi_\(CSVNumber.format($0))"] }
        }
        writer.writeRecord(
            ["la_code", "la_name", "measure", "period", "population", "rate"] + intervalColumns("rate") + ["number"] + intervalColumns("number"))
        for row in rows {
            writer.writeRecord(
                [
                    areas.areas[area].code, areas.areas[area].name, measure, row.period.description,
                    CSVNumber.format(row.population), CSVNumber.format(row.rate),
                ]
                    + row.rateIntervals.flatMap { [CSVNumber.format($0.lower[0]), CSVNumber.format($0.upper[0])] }
                    + [CSVNumber.format(row.number)]
                    + row.numberIntervals.flatMap { [CSVNumber.format($0.lower[0]), CSVNumber.format($0.upper[0])] })
        }
        try output.write(writer)
        printError("note: the rate was forecast with \(fitted.description) on \(history.count) years to \(history.end)")
    }
}
