import ScorecastCore
import ScorecastNumerics

/// Does borrowing a seasonal profile help a short series? Measured on a long series cut to a
/// short window at many origins, with no look-ahead.
///
/// At every origin the window is the `window` consecutive observed months ending there; the
/// profile is estimated on the reference's months **before the window starts** (at least two
/// years of them), so nothing after the window informs it, even when the reference is the
/// series itself. Two questions are asked of both methods, borrowed profile and level only
/// (the calendar GLM and the pipeline's model as the series' own months allow):
/// - the verdict: fitted on the window's first `window − 1` months, is its last month inside
///   the 80% and 95% predictive intervals, and how far is the expectation from it;
/// - the forecast: fitted on the whole window, how far are the next `horizon` months from the
///   forecast, and how many fall inside the intervals.
///
/// - Complexity: per origin, two verdicts (10,000 draws each) and two forecasts.
public struct BorrowingStudy: Sendable {
    /// Months in each window (the scorecard carries 7).
    public var window: Int
    /// Forecast horizon, months.
    public var horizon: Int
    /// Fewest observed reference months before a window for a profile.
    public var minimumReferenceMonths: Int

    public init(window: Int = 7, horizon: Int = 12, minimumReferenceMonths: Int = 24) {
        precondition(window >= MonthExplanation.minimumHistory + 1, "a verdict needs \(MonthExplanation.minimumHistory) earlier months")
        self.window = window
        self.horizon = horizon
        self.minimumReferenceMonths = minimumReferenceMonths
    }

    /// What one method scored on one task.
    public struct Score: Sendable, Equatable {
        /// `borrowed` or `level_only`.
        public var method: String
        /// `verdict` or `forecast`.
        public var task: String
        /// Windows scored.
        public var origins: Int
        /// Outcomes scored (one per verdict; up to `horizon` per forecast).
        public var outcomes: Int
        /// Mean absolute percentage error of the expectation, percent.
        public var meanAbsolutePercentageError: Double
        /// Share of outcomes inside the 80% and 95% intervals, percent.
        public var coverage80: Double
        public var coverage95: Double
    }

    /// Scores both methods on `series`, borrowing from `reference`.
    ///
    /// - Parameter pipeline: the forecasts' pipeline (the report's, so the comparison is of
    ///   what users see); its horizon must be at least `horizon`.
    public func run(series: TimeSeries, reference: TimeSeries, pipeline: ForecastPipeline) -> [Score] {
        var tallies: [String: (origins: Int, outcomes: Int, ape: Double, inside80: Int, inside95: Int)] = [:]
        func record(_ key: String, actual: Double, expected: Double, lower80: Double, upper80: Double, lower95: Double, upper95: Double) {
            var tally = tallies[key] ?? (0, 0, 0, 0, 0)
            tally.outcomes += 1
            tally.ape += actual != 0 ? abs(actual - expected) / abs(actual) * 100 : (expected == 0 ? 0 : 100)
            if actual >= lower80 && actual <= upper80 { tally.inside80 += 1 }
            if actual >= lower95 && actual <= upper95 { tally.inside95 += 1 }
            tallies[key] = tally
        }
        func countOrigin(_ key: String) {
            var tally = tallies[key] ?? (0, 0, 0, 0, 0)
            tally.origins += 1
            tallies[key] = tally
        }
        let values = series.values
        for end in (window - 1)..<values.count {
            let startIndex = end - window + 1
            guard (startIndex...end).allSatisfy({ !values[$0].isNaN }) else { continue }
            let windowStart = series.start.advanced(by: startIndex)
            let cutReference = reference.prefix(max(0, min(reference.count, reference.start.distance(to: windowStart))))
            guard cutReference.observedCount >= minimumReferenceMonths, let profile = try? SeasonalProfile.estimate(from: cutReference) else {
                continue
            }
            let windowSeries = TimeSeries(name: series.name, start: windowStart, values: Array(values[startIndex...end]))
            let last = windowSeries.end
            let borrowed = ProfileLevelModel(profile: profile)
            var generator = Xoshiro256StarStar(seed: Forecast.defaultSeed)
            let verdicts: [(String, MonthExplanation?)] = [
                ("borrowed", try? borrowed.explain(windowSeries, period: last, using: &generator)),
                ("level_only", try? CalendarGLM().explain(windowSeries, period: last, using: &generator)),
            ]
            guard verdicts.allSatisfy({ $0.1 != nil }) else { continue }
            for (method, explanation) in verdicts {
                let explanation = explanation!
                let key = method + "|verdict"
                countOrigin(key)
                let i80 = explanation.intervals.first { $0.level == 80 }!, i95 = explanation.intervals.first { $0.level == 95 }!
                record(
                    key, actual: explanation.observed, expected: explanation.expected, lower80: i80.lower, upper80: i80.upper, lower95: i95.lower,
                    upper95: i95.upper)
            }
            let forecasts: [(String, Forecast?)] = [
                ("borrowed", try? pipeline.forecast(windowSeries, profile: profile).forecast),
                ("level_only", try? pipeline.forecast(windowSeries).forecast),
            ]
            guard forecasts.allSatisfy({ $0.1 != nil }) else { continue }
            for (method, forecast) in forecasts {
                let forecast = forecast!
                let key = method + "|forecast"
                guard let i80 = forecast.interval(level: 80), let i95 = forecast.interval(level: 95) else { continue }
                var scored = false
                for step in 0..<min(horizon, forecast.horizon) {
                    guard let actual = series[forecast.start.advanced(by: step)], !actual.isNaN else { continue }
                    scored = true
                    record(
                        key, actual: actual, expected: forecast.mean[step], lower80: i80.lower[step], upper80: i80.upper[step],
                        lower95: i95.lower[step], upper95: i95.upper[step])
                }
                if scored { countOrigin(key) }
            }
        }
        return ["verdict", "forecast"].flatMap { task in
            ["borrowed", "level_only"].compactMap { method -> Score? in
                guard let tally = tallies[method + "|" + task], tally.outcomes > 0 else { return nil }
                let n = Double(tally.outcomes)
                return Score(
                    method: method, task: task, origins: tally.origins, outcomes: tally.outcomes, meanAbsolutePercentageError: tally.ape / n,
                    coverage80: Double(tally.inside80) / n * 100, coverage95: Double(tally.inside95) / n * 100)
            }
        }
    }
}
