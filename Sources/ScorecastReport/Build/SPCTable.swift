import ScorecastCore
import ScorecastData
import ScorecastSPC
import ScorecastTimeSeries

/// The CSV of `scorecast spc` (and the report's `spc.csv`): one row per period of every series.
///
/// Columns `series,period,value,mean,lpl,upl,special_cause,rule,variation,assurance`:
/// - `mean`, `lpl`, `upl`: the centre line and process limits in force at the period (for
///   seasonal SPC, the expected value and limits for that month); empty when the segment has
///   too few points for limits.
/// - `special_cause`: `common_cause`, `special_cause_improvement`, `special_cause_concern`,
///   `special_cause_neutral_high` or `special_cause_neutral_low` (NHSRplotthedots' point
///   types); empty for a missing value or without limits.
/// - `rule`: the rule that fired, e.g. `outside_limits_high`, `trend_low`,
///   `two_in_three_high`, `run_low`; empty for common cause.
/// - `variation`: the segment's variation icon (from its latest point), or `too_few_points`.
/// - `assurance`: `consistent_pass`, `consistent_fail` or `hit_and_miss` on the rows of the
///   latest segment when a target is set and the indicator has a better direction.
public enum SPCTable {
    public static let header = ["series", "period", "value", "mean", "lpl", "upl", "special_cause", "rule", "variation", "assurance"]

    /// Writes the rows of one analysis; `centre` gives (mean, lower, upper) at an index.
    public static func writeRows(_ analysis: XmRAnalysis, values: [Double], centre: (Int) -> (Double, Double, Double), to writer: inout CSVWriter) {
        let lastSegment = analysis.segments.count - 1
        for (index, point) in analysis.points.enumerated() {
            let (mean, lower, upper) = centre(index)
            writer.writeField(analysis.series.name)
            writer.writeField(point.period.description)
            writer.writeField(values[index])
            writer.writeField(mean)
            writer.writeField(lower)
            writer.writeField(upper)
            writer.writeField(point.type?.rawValue ?? "")
            writer.writeField(point.specialCause?.code ?? "")
            writer.writeField(analysis.segments[point.segment].variation.rawValue)
            writer.writeField(point.segment == lastSegment ? analysis.assurance?.rawValue ?? "" : "")
            writer.endRecord()
        }
    }

    /// Rows of a plain XmR analysis.
    public static func writeRows(_ analysis: XmRAnalysis, to writer: inout CSVWriter) {
        writeRows(
            analysis, values: analysis.series.values,
            centre: { index in
                guard let limits = analysis.limits(at: index) else { return (.nan, .nan, .nan) }
                return (limits.mean, limits.lower, limits.upper)
            }, to: &writer)
    }

    /// Rows of a seasonal XmR analysis: original values, limits on the data's scale.
    public static func writeRows(_ analysis: SeasonalXmRAnalysis, to writer: inout CSVWriter) {
        writeRows(
            analysis.adjusted, values: analysis.series.values,
            centre: { index in
                (analysis.mean(at: index), analysis.lower(at: index), analysis.upper(at: index))
            }, to: &writer)
    }
}
