import ScorecastCharts
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastProjection

/// The looked-after projection from the scorecard's own rows: children looked after at the
/// month's end (stock), new episodes (starts) and ceasing episodes (ends), projected 12 months
/// with `scorecast project`'s stock-flow model.
///
/// The scorecard's rows are short (seven months, more with `report --history`); the model
/// takes what they carry (the stock-flow fit: Poisson or negative binomial starts, binomial
/// exits, a trend only where the data support it) and its 2,000 paths carry the coefficients'
/// uncertainty, so few months give wide intervals rather than a confident line.
public struct ScorecardProjection: Sendable {
    /// The indicator codes of the stock, starts and ends.
    public struct Codes: Sendable, Equatable {
        public var stock: String
        public var starts: String
        public var ends: String
        public init(stock: String, starts: String, ends: String) {
            self.stock = stock
            self.starts = starts
            self.ends = ends
        }
        /// The bundled scorecard's: LAC1, LAC2, LAC3.
        public static let scorecard = Codes(stock: "LAC1", starts: "LAC2", ends: "LAC3")
    }

    public static let horizon = 12
    public static let paths = 2000
    public static let seed: UInt64 = 1
    public static let levels: [Double] = [80, 95]

    public var codes: Codes
    /// The projection's stock rows, one per month, or why there is none.
    public var stock: Result<[ProjectionRow], IndicatorAnalysis.AnalysisGap>
    /// The months the model was fitted to.
    public var history: StockFlowHistory?

    /// Fits and simulates from `files`' rows `codes`, up to `month`.
    public init(files: ScorecardFiles, month: Period, codes: Codes = .scorecard) {
        self.codes = codes
        func series(_ code: String) throws -> TimeSeries {
            guard let observed = files.observations[code]?.series, observed.frequency == month.frequency else {
                throw IndicatorAnalysis.AnalysisGap("the scorecard has no monthly row \(code).")
            }
            let count = observed.start.distance(to: month) + 1
            guard count > 0 else { throw IndicatorAnalysis.AnalysisGap("\(code) starts after \(month).") }
            return observed.prefix(min(count, observed.count))
        }
        do {
            let history = try StockFlowHistory(
                name: codes.stock, stock: series(codes.stock), starts: series(codes.starts), ends: series(codes.ends))
            self.history = history
            let model = try StockFlowModel.fit(history, options: StockFlowModel.FitOptions(horizon: Self.horizon))
            var generator = Xoshiro256StarStar(seed: Self.seed)
            let paths = model.simulate(scenarios: [.baseline], pathCount: Self.paths, using: &generator)[0]
            stock = .success(paths.summary(levels: Self.levels).filter { $0.quantity == "stock" })
        } catch let gap as IndicatorAnalysis.AnalysisGap {
            history = nil
            stock = .failure(gap)
        } catch {
            history = nil
            stock = .failure(IndicatorAnalysis.AnalysisGap("the stock-flow model could not be fitted: \(error)."))
        }
    }

    /// The page section: the stock at the horizon with its intervals, and a fan chart.
    public func section() -> IndicatorSection {
        let title = "Children looked after: 12-month projection from the scorecard's starts and ends"
        switch stock {
        case .failure(let gap):
            return IndicatorSection(
                code: "", title: title, meta: "\(codes.stock), \(codes.starts), \(codes.ends)",
                facts: [], verdicts: [Verdict(source: "Projection", label: "none", explanation: "No projection: " + gap.reason, tone: .unknown)],
                charts: [], anchorName: "scorecard-projection")
        case .success(let rows):
            let last = rows.last!
            let intervals = zip(Self.levels, last.intervals).map { level, pair in
                "\(NumberText.format(level))% interval \(NumberText.format(pair.lower)) to \(NumberText.format(pair.upper))"
            }
            let months = history?.count ?? 0
            let verdict = Verdict(
                source: "Projection to \(ScorecardReport.label(last.period))", label: "mean \(NumberText.format(last.mean))",
                explanation:
                    "\(intervals.joined(separator: "; ")). Fitted to \(months) months of \(codes.stock) (children looked after at the month's end), \(codes.starts) (new episodes) and \(codes.ends) (ceasing episodes), as scorecast project --horizon \(Self.horizon) --paths \(Self.paths) --seed \(Self.seed) does; with so few months the intervals are wide.",
                tone: .neutral)
            var charts: [String] = []
            if let history {
                let fan = FanChart(
                    title: "\(codes.stock): projected children looked after", subtitle: "stock-flow model, \(Self.paths) paths",
                    valueLabel: "Number",
                    historyLabels: (0..<history.count).map { history.start.advanced(by: $0).description }, history: history.stock,
                    forecastLabels: rows.map(\.period.description), forecast: rows.map(\.mean),
                    bands: Self.levels.indices.map { index in
                        FanChart.Band(
                            level: Self.levels[index], lower: rows.map { $0.intervals[index].lower }, upper: rows.map { $0.intervals[index].upper })
                    })
                charts.append(fan.svg(id: "scorecard-projection-fan"))
            }
            return IndicatorSection(
                code: "", title: title, meta: "\(codes.stock), \(codes.starts), \(codes.ends) of the scorecard", facts: [], verdicts: [verdict],
                charts: charts, anchorName: "scorecard-projection")
        }
    }

    /// `projection.csv`: `series,period,quantity,mean,lo_80,hi_80,lo_95,hi_95` for the stock.
    public func csv() -> [UInt8] {
        var writer = CSVWriter()
        writer.writeRecord(["series", "period", "quantity", "mean", "lo_80", "hi_80", "lo_95", "hi_95"])
        if case .success(let rows) = stock {
            for row in rows {
                writer.writeRecord(
                    [codes.stock, row.period.description, row.quantity, CSVNumber.rounded(row.mean, places: 1)]
                        + row.intervals.flatMap { [CSVNumber.rounded($0.lower, places: 1), CSVNumber.rounded($0.upper, places: 1)] })
            }
        }
        return writer.bytes
    }
}
