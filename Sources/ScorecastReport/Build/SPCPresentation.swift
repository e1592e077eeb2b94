import ScorecastCharts
import ScorecastCore
import ScorecastSPC
import ScorecastTimeSeries

/// Turns SPC analyses into words (verdicts) and pictures (charts).
public enum SPCPresentation {
    /// The rule of `cause` in words, e.g. "above the upper process limit".
    public static func phrase(_ cause: SpecialCause) -> String {
        let high = cause.side == .high
        switch cause.rule {
        case .outsideLimits: return high ? "above the upper process limit" : "below the lower process limit"
        case .trend: return high ? "part of 7 or more points rising in a row" : "part of 7 or more points falling in a row"
        case .twoInThree: return high ? "2 of 3 points near the upper limit" : "2 of 3 points near the lower limit"
        case .run: return high ? "part of a run of 7 or more points above the mean" : "part of a run of 7 or more points below the mean"
        }
    }

    static func tone(_ type: PointType?) -> Tone {
        switch type {
        case .none: .unknown
        case .commonCause: .neutral
        case .improvement: .good
        case .concern: .bad
        case .neutralHigh, .neutralLow: .notable
        }
    }

    /// The verdict on the latest point of `analysis`, with limits described on the data's
    /// scale by `limits` (mean, lower, upper at an index).
    public static func verdict(
        source: String, analysis: XmRAnalysis, limits: (Int) -> (Double, Double, Double),
        format: (Double) -> String
    ) -> Verdict {
        let segment = analysis.latestSegment
        guard segment.limits != nil, let latestIndex = analysis.points.lastIndex(where: { !$0.value.isNaN }) else {
            let observed = segment.observedCount
            return Verdict(
                source: source, label: "too few points",
                explanation:
                    "\(observed) observed point\(observed == 1 ? "" : "s") since \(segment.start); Making Data Count needs at least \(analysis.spec.minimumPoints) before process limits mean anything, so none are drawn.",
                tone: .unknown)
        }
        let point = analysis.points[latestIndex]
        let (mean, lower, upper) = limits(latestIndex)
        let where_ =
            "\(point.period): \(format(analysis.series.values[latestIndex])) against a mean of \(format(mean)) and process limits \(format(lower)) to \(format(upper))."
        guard let cause = point.specialCause else {
            let earlier = analysis.points[segment.indices].filter { $0.specialCause != nil }.count
            let note = earlier > 0 ? " \(earlier) earlier point\(earlier == 1 ? " is" : "s are") special cause." : ""
            return Verdict(source: source, label: "common cause", explanation: where_ + " Ordinary variation." + note, tone: .neutral)
        }
        let label: String =
            switch point.type {
            case .improvement: "improvement"
            case .concern: "concern"
            default: cause.side == .high ? "unusually high" : "unusually low"
            }
        return Verdict(source: source, label: label, explanation: where_ + " The latest point is " + phrase(cause) + ".", tone: tone(point.type))
    }

    /// The verdict of a plain XmR analysis.
    public static func verdict(_ analysis: XmRAnalysis, format: (Double) -> String) -> Verdict {
        verdict(
            source: "SPC", analysis: analysis,
            limits: { index in
                let limits = analysis.limits(at: index)!
                return (limits.mean, limits.lower, limits.upper)
            }, format: format)
    }

    /// The verdict of a seasonal XmR analysis, limits given for the latest month.
    public static func verdict(_ analysis: SeasonalXmRAnalysis, format: (Double) -> String) -> Verdict {
        verdict(
            source: "Seasonal SPC", analysis: analysis.adjusted,
            limits: { index in
                (analysis.mean(at: index), analysis.lower(at: index), analysis.upper(at: index))
            }, format: format)
    }

    /// Chart points of an analysis, with mean and limits at each index from `limits`.
    static func points(_ analysis: XmRAnalysis, values: [Double], limits: (Int) -> (Double, Double, Double)?) -> [SPCChart.Point] {
        analysis.points.enumerated().map { index, point in
            let (mean, lower, upper) = limits(index) ?? (.nan, .nan, .nan)
            let style: SPCChart.PointStyle =
                switch point.type {
                case .improvement: .improvement
                case .concern: .concern
                case .neutralHigh, .neutralLow: .neutral
                default: .commonCause
                }
            return SPCChart.Point(
                label: point.period.description, value: values[index], mean: mean, lower: lower, upper: upper,
                style: style, segment: point.segment, note: point.specialCause.map(phrase))
        }
    }

    /// An SPC chart of a plain analysis.
    public static func chart(_ analysis: XmRAnalysis, title: String, valueLabel: String, verdict: Verdict) -> SPCChart {
        SPCChart(
            title: title, subtitle: "\(verdict.source): \(verdict.label)", valueLabel: valueLabel,
            points: points(
                analysis, values: analysis.series.values,
                limits: { index in
                    analysis.limits(at: index).map { ($0.mean, $0.lower, $0.upper) }
                }), target: analysis.spec.target, summary: verdict.explanation)
    }

    /// An SPC chart of a seasonal analysis: original values, limits following the season.
    public static func chart(_ analysis: SeasonalXmRAnalysis, title: String, valueLabel: String, verdict: Verdict) -> SPCChart {
        SPCChart(
            title: title, subtitle: "\(verdict.source): \(verdict.label)", valueLabel: valueLabel,
            points: points(
                analysis.adjusted, values: analysis.series.values,
                limits: { index in
                    analysis.adjusted.limits(at: index) == nil
                        ? nil : (analysis.mean(at: index), analysis.lower(at: index), analysis.upper(at: index))
                }), summary: verdict.explanation)
    }
}
