import ScorecastCharts
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastProjection

/// The report's section on children looked after from SSDA903 returns: the latest month-end
/// stock by age band × placement with totals, and the 24-month projection of
/// `scorecast project-903` (its default reference window of the last 24 months, 2,000 paths,
/// seed 1, so the page is reproducible) as mean and 80%/95% intervals of the total and of each
/// placement.
///
/// The stock is ``LookedAfterSummary``'s (the same numbers as `import-903`'s
/// `children-looked-after.csv`), the projection ``LookedAfterProjection`` and
/// ``LookedAfterProjectionTable``, so `looked-after.csv` repeats what those commands write.
///
/// Complexity: the projection's, O(paths × horizon × children).
public struct LookedAfterReport: Sendable {
    public static let horizon = 24
    public static let paths = 2000
    public static let seed: UInt64 = 1
    public static let levels = [80.0, 95.0]

    public let data: LookedAfterData
    /// The last month of the data and its month-end stock, `stock[band][placement]`.
    public let month: Period
    public let stock: [[Int]]
    public let window: ClosedRange<Period>
    public let projection: LookedAfterProjectionTable

    /// Computes the stock table and the projection.
    ///
    /// - Precondition: the data span at least one month.
    public init(data: LookedAfterData) {
        precondition(!data.summary.months.isEmpty, "the data must span at least one month")
        self.data = data
        month = data.summary.months.last!
        stock = data.summary.stock.last!
        let end = data.spanEnd.monthPeriod
        window = max(end.advanced(by: -23), data.spanStart.monthPeriod)...end
        let model = LookedAfterProjection(
            episodes: data.episodes, placements: data.placements, lastDay: data.spanEnd, window: window, horizon: Self.horizon)
        var generator = Xoshiro256StarStar(seed: Self.seed)
        let counts = model.simulate(paths: Self.paths, using: &generator)
        projection = LookedAfterProjectionTable(projection: model, counts: counts, paths: Self.paths, levels: Self.levels)
    }

    public var placements: [String] { data.placements.categories }

    /// The section's heading.
    public static let heading = "Children looked after by age and placement (SSDA903 returns)"

    /// The stock table: one row per age band and an `All ages` row; a column per placement
    /// and an `All placements` column.
    public var table: ReportTable {
        var rows: [[String]] = []
        for band in LookedAfterAgeBand.allCases {
            let cells = stock[band.rawValue]
            rows.append([band.description] + cells.map { NumberText.format(Double($0)) } + [NumberText.format(Double(cells.reduce(0, +)))])
        }
        let columnTotals = placements.indices.map { place in stock.reduce(0) { $0 + $1[place] } }
        rows.append(
            ["All ages"] + columnTotals.map { NumberText.format(Double($0)) } + [NumberText.format(Double(columnTotals.reduce(0, +)))])
        return ReportTable(
            caption: "Children looked after on \(month.lastDay) by age band and placement",
            headers: ["Age band"] + placements + ["All placements"], rows: rows)
    }

    /// The projection's rows at the horizon for the total and each placement.
    var horizonRows: [LookedAfterProjectionTable.Row] {
        let last = projection.rows.last!.period
        return projection.rows.filter { $0.period == last && $0.ageBand == "all" }
            .sorted { ($0.placement == "all" ? 0 : 1) < ($1.placement == "all" ? 0 : 1) }
    }

    /// The page section.
    public func section() -> IndicatorSection {
        let total = stock.joined().reduce(0, +)
        let meta =
            "\(NumberText.format(Double(data.episodes.count))) cleaned episodes, \(data.spanStart) to \(data.spanEnd); age in completed years on the day, placement categories \(placements.joined(separator: ", ")). Projection as scorecast project-903 --horizon \(Self.horizon) --paths \(Self.paths) --seed \(Self.seed): rates by age band and placement from \(window.lowerBound) to \(window.upperBound), drawn afresh for each path, so the intervals carry the rates' uncertainty as well as chance."
        let verdicts = horizonRows.map { row -> Verdict in
            let name = row.placement == "all" ? "all placements" : row.placement
            let now =
                row.placement == "all"
                ? total : placements.firstIndex(of: row.placement).map { place in stock.reduce(0) { $0 + $1[place] } } ?? 0
            let intervals = zip(Self.levels, row.intervals).map { level, pair in
                "\(NumberText.format(level))% interval \(NumberText.format(pair.lower)) to \(NumberText.format(pair.upper))"
            }
            return Verdict(
                source: "Projection to \(row.period.lastDay), \(name)", label: "mean \(NumberText.format(row.mean))",
                explanation: "\(intervals.joined(separator: "; ")); \(NumberText.format(Double(now))) on \(month.lastDay).", tone: .neutral)
        }
        return IndicatorSection(
            code: "", title: Self.heading, meta: meta, facts: [], verdicts: verdicts, charts: [], table: table, anchorName: "looked-after")
    }

    /// `looked-after.csv`: `period,age_band,placement,source,value,lo_80,hi_80,lo_95,hi_95`;
    /// `observed` rows for the latest month's stock (cells, band and placement totals, the
    /// total; no intervals), then `projected` rows (mean and intervals) as `project-903` writes.
    public func csv() -> [UInt8] {
        var csv = CSVWriter()
        let levelNames = Self.levels.map { CSVNumber.format($0) }
        csv.writeRecord(["period", "age_band", "placement", "source", "value"] + levelNames.flatMap { ["lo_\($0)", "hi_\($0)"] })
        let blanks = Array(repeating: "", count: 2 * Self.levels.count)
        func observed(_ band: String, _ placement: String, _ value: Int) {
            csv.writeRecord([month.description, band, placement, "observed", String(value)] + blanks)
        }
        for band in LookedAfterAgeBand.allCases {
            for (place, name) in placements.enumerated() { observed(band.description, name, stock[band.rawValue][place]) }
        }
        for band in LookedAfterAgeBand.allCases { observed(band.description, "all", stock[band.rawValue].reduce(0, +)) }
        for (place, name) in placements.enumerated() { observed("all", name, stock.reduce(0) { $0 + $1[place] }) }
        observed("all", "all", stock.joined().reduce(0, +))
        func rounded(_ value: Double) -> String { CSVNumber.format((value * 100).rounded() / 100) }
        for row in projection.rows {
            csv.writeRecord(
                [row.period.description, row.ageBand, row.placement, "projected", rounded(row.mean)]
                    + row.intervals.flatMap { [rounded($0.lower), rounded($0.upper)] })
        }
        return csv.bytes
    }
}
