import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

/// Summaries of simulated paths: mean and equal-tailed intervals (type 7 sample quantiles)
/// per month and cell, with `all` totals by band, by placement and overall; and costs from
/// weekly unit costs by placement.
public struct LookedAfterProjectionTable: Sendable {
    /// One row: a month, a band (or `all`), a placement (or `all`), mean and (lower, upper) per level.
    public struct Row: Sendable {
        public var period: Period
        public var ageBand: String
        public var placement: String
        public var mean: Double
        public var intervals: [(lower: Double, upper: Double)]
    }

    public let levels: [Double]
    public let rows: [Row]

    /// Stock rows from `counts` (``LookedAfterProjection/simulate(paths:scenario:using:)``).
    public init(projection: LookedAfterProjection, counts: [Int32], paths: Int, levels: [Double]) {
        self.levels = levels
        let bands = LookedAfterAgeBand.allCases.count, places = projection.rates.placements.count
        let horizon = projection.horizon
        var rows: [Row] = []
        for (month, period) in projection.months.enumerated() {
            func row(_ band: String, _ placement: String, _ value: (Int) -> Double) -> Row {
                Self.row(period: period, band: band, placement: placement, values: (0..<paths).map(value), levels: levels)
            }
            func cell(_ path: Int, _ band: Int, _ place: Int) -> Double {
                Double(counts[((path * horizon + month) * bands + band) * places + place])
            }
            for band in 0..<bands {
                for place in 0..<places {
                    rows.append(row(LookedAfterAgeBand(rawValue: band)!.description, projection.rates.placements[place]) { cell($0, band, place) })
                }
            }
            for band in 0..<bands {
                rows.append(
                    row(LookedAfterAgeBand(rawValue: band)!.description, "all") { path in (0..<places).reduce(0) { $0 + cell(path, band, $1) } })
            }
            for place in 0..<places {
                rows.append(row("all", projection.rates.placements[place]) { path in (0..<bands).reduce(0) { $0 + cell(path, $1, place) } })
            }
            rows.append(row("all", "all") { path in (0..<bands).reduce(0) { sum, band in (0..<places).reduce(sum) { $0 + cell(path, band, $1) } } })
        }
        self.rows = rows
    }

    /// Cost rows (`age_band` is `all`): each path's month cost is Σ children × weekly cost ×
    /// days in the month / 7, by placement and in total.
    public init(costsOf projection: LookedAfterProjection, counts: [Int32], paths: Int, levels: [Double], weeklyCost: [String: Double]) {
        self.levels = levels
        let bands = LookedAfterAgeBand.allCases.count, places = projection.rates.placements.count
        let horizon = projection.horizon
        var rows: [Row] = []
        for (month, period) in projection.months.enumerated() {
            let weeks = Double(period.lastDay.day) / 7
            func cost(_ path: Int, _ place: Int) -> Double {
                let unit = weeklyCost[projection.rates.placements[place]] ?? 0
                return (0..<bands).reduce(0) { $0 + Double(counts[((path * horizon + month) * bands + $1) * places + place]) } * unit * weeks
            }
            for place in 0..<places {
                rows.append(
                    Self.row(
                        period: period, band: "all", placement: projection.rates.placements[place], values: (0..<paths).map { cost($0, place) },
                        levels: levels))
            }
            rows.append(
                Self.row(
                    period: period, band: "all", placement: "all", values: (0..<paths).map { path in (0..<places).reduce(0) { $0 + cost(path, $1) } },
                    levels: levels))
        }
        self.rows = rows
    }

    static func row(period: Period, band: String, placement: String, values: [Double], levels: [Double]) -> Row {
        let sorted = values.sorted()
        let mean = values.reduce(0, +) / Double(max(1, values.count))
        let intervals = levels.map { level -> (lower: Double, upper: Double) in
            let tail = (1 - level / 100) / 2
            return (SampleQuantile.type7(sorted: sorted, probability: tail), SampleQuantile.type7(sorted: sorted, probability: 1 - tail))
        }
        return Row(period: period, ageBand: band, placement: placement, mean: mean, intervals: intervals)
    }

    /// `period,age_band,placement,mean,lo_80,hi_80,lo_95,hi_95` (one pair per level).
    public func csv() -> CSVWriter {
        var csv = CSVWriter()
        csv.writeRecord(header)
        writeRows(to: &csv, prefix: [])
        return csv
    }

    /// `scenario,period,age_band,placement,mean,…`: the tables one after another, in the order
    /// given (the baseline first, by convention). All must have the same levels.
    public static func csv(scenarios: [(name: String, table: LookedAfterProjectionTable)]) -> CSVWriter {
        precondition(Set(scenarios.map { $0.table.levels }).count <= 1, "the scenarios' tables must have the same levels")
        var csv = CSVWriter()
        csv.writeRecord(["scenario"] + (scenarios.first?.table.header ?? ["period", "age_band", "placement", "mean"]))
        for (name, table) in scenarios { table.writeRows(to: &csv, prefix: [name]) }
        return csv
    }

    var header: [String] {
        ["period", "age_band", "placement", "mean"] + levels.map { CSVNumber.format($0) }.flatMap { ["lo_\($0)", "hi_\($0)"] }
    }

    func writeRows(to csv: inout CSVWriter, prefix: [String]) {
        func rounded(_ value: Double) -> String { CSVNumber.format((value * 100).rounded() / 100) }
        for row in rows {
            csv.writeRecord(
                prefix + [row.period.description, row.ageBand, row.placement, rounded(row.mean)]
                    + row.intervals.flatMap { [rounded($0.lower), rounded($0.upper)] })
        }
    }

    /// Reads weekly unit costs `placement,weekly_cost` (a number ≥ 0 per placement category).
    public static func readWeeklyCosts(path: String) throws -> [String: Double] {
        let csv = try CSVReader(path: path)
        guard try csv.nextRecord(), csv.record.strings == ["placement", "weekly_cost"] else {
            throw DataError(file: csv.fileName, line: 1, column: 1, expected: "expected the header placement,weekly_cost")
        }
        csv.expectedFieldCount = 2
        var costs: [String: Double] = [:]
        while try csv.nextRecord() {
            let record = csv.record
            let text = record.string(at: 1)
            guard let value = CSVNumber.parse(text), value.isFinite, value >= 0 else {
                throw DataError(
                    file: csv.fileName, line: record.line, column: record.column(of: 1),
                    expected: "expected a weekly cost ≥ 0, found \(DataError.quote(text))")
            }
            costs[record.string(at: 0)] = value
        }
        return costs
    }
}
