import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastSPC
import ScorecastTimeSeries

/// Everything the report says about one indicator, computed from its series.
public struct IndicatorAnalysis: Sendable {
    /// Observed points needed before a seasonal pattern can be learnt: two years.
    public static let seasonalMinimumPoints = 24
    /// The forecast horizon, in periods.
    public static let forecastHorizon = 12
    /// The report's forecasts: `auto:local` (each indicator alone: a scorecard's indicators
    /// are unlike quantities, counts beside rates and percentages, not the batch of like
    /// series the global model learns across) with `scorecast forecast`'s default intervals,
    /// 12 months ahead at 80% and 95%, so the page and
    /// `scorecast forecast DIR --horizon 12 --model auto:local` agree.
    public static func defaultPipeline() throws -> ForecastPipeline {
        try ForecastPipeline(.automaticLocal, horizon: forecastHorizon, levels: [80, 95])
    }

    public var indicator: Indicator
    public var line: ScorecardLine
    /// The indicator's series (empty of values when the scorecard has none).
    public var series: TimeSeries
    public var plain: XmRAnalysis
    /// Seasonal SPC, or why there is none.
    public var seasonal: Result<SeasonalXmRAnalysis, AnalysisGap>
    /// The "as expected?" verdict of the calendar GLM, or why there is none.
    public var explanation: Result<MonthExplanation, AnalysisGap>
    /// The forecast through the report's pipeline (see ``defaultPipeline()``), or why there is none.
    public var forecast: Result<Forecast, AnalysisGap>
    /// The seasonal profile the indicator may borrow (from the seasonality map), if any.
    public var profile: SeasonalProfile?

    /// A reason an analysis could not be made, in words.
    public struct AnalysisGap: Error, Sendable {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
    }

    /// The polarity as an SPC improvement direction.
    public static func direction(_ polarity: Polarity) -> ImprovementDirection {
        switch polarity {
        case .higherIsBetter: .increase
        case .lowerIsBetter: .decrease
        case .neutral: .neutral
        }
    }

    /// Analyses one indicator of the scorecard for `month`.
    ///
    /// The series runs up to `month` (later values are left out). Every step that cannot be
    /// made (too little history, a model that cannot be fitted) is recorded as an
    /// ``AnalysisGap`` with its reason, never invented.
    ///
    /// With a `profile`, an indicator with under two years of history before the month is
    /// judged and forecast against that borrowed seasonal profile (``ProfileLevelModel``);
    /// with two years or more, or without one, it uses only its own months.
    public init(
        indicator: Indicator, line: ScorecardLine, series observed: TimeSeries?, month: Period, pipeline: ForecastPipeline,
        profile: SeasonalProfile? = nil
    ) {
        self.indicator = indicator
        self.line = line
        self.profile = profile
        var series = observed ?? TimeSeries(name: indicator.code, start: month, values: [.nan])
        if series.frequency == month.frequency, series.end > month {
            series = series.prefix(max(1, series.start.distance(to: month) + 1))
        }
        self.series = series
        let spec = XmR(improvement: Self.direction(indicator.polarity))
        // `analyse` throws only for rebase periods, and this spec has none.
        plain = try! spec.analyse(series)

        let observedCount = series.observedCount
        if observedCount < Self.seasonalMinimumPoints {
            seasonal = .failure(
                AnalysisGap("\(observedCount) observed months; learning the seasonal pattern needs at least \(Self.seasonalMinimumPoints)."))
        } else {
            do {
                let model = try CalendarGLM().fit(series)
                seasonal = .success(try SeasonalXmR(spec).analyse(series, pattern: SeasonalPattern(calendarModel: model)))
            } catch {
                seasonal = .failure(AnalysisGap("the calendar model could not be fitted: \(error)"))
            }
        }

        if series.frequency != month.frequency || series[month].map({ $0.isNaN }) ?? true {
            explanation = .failure(AnalysisGap("no value for \(month)."))
        } else {
            var generator = Xoshiro256StarStar(seed: Forecast.defaultSeed)
            let before = series.prefix(max(0, min(series.count, series.start.distance(to: month)))).observedCount
            do {
                if let profile, before < Self.seasonalMinimumPoints {
                    explanation = .success(try ProfileLevelModel(profile: profile).explain(series, period: month, using: &generator))
                } else {
                    explanation = .success(
                        try CalendarGLM().explain(series, percentages: indicator.unit == .percent, period: month, using: &generator))
                }
            } catch {
                explanation = .failure(AnalysisGap("\(error)."))
            }
        }

        do {
            forecast = .success(try pipeline.forecast(series, bounds: indicator.unit.valueBounds, profile: profile).forecast)
        } catch {
            forecast = .failure(AnalysisGap("\(error)."))
        }
    }
}
