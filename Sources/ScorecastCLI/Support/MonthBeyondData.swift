import ScorecastCore
import ScorecastData

/// Says when a month asked about (`explain --month`, `report --month`) lies after the last
/// observed value: the "expected" value there is a forecast from the end of the data, not an
/// explanation of an observed month, and the further past the data the less it says.
enum MonthBeyondData {
    /// The last period of `observed` with a value; `nil` when none has one.
    static func lastObserved(_ observed: ObservedSeries) -> Period? {
        guard let index = observed.series.values.lastIndex(where: { !$0.isNaN }) else { return nil }
        return observed.series.start.advanced(by: index)
    }

    /// The note for `month` in `observed`, `nil` when the month is within the data (or of
    /// another frequency, reported elsewhere): `--month 2030-01 is 101 periods after the last
    /// observed value (2021-08): expected is a forecast, not an explanation`.
    static func note(month: Period, observed: ObservedSeries) -> String? {
        guard month.frequency == observed.series.frequency, let last = lastObserved(observed), month > last else { return nil }
        let steps = last.distance(to: month)
        return "--month \(month) is \(steps) \(steps == 1 ? "period" : "periods") after the last observed value (\(last)): "
            + "expected is a forecast from the end of the data, not an explanation of an observed month"
    }

    /// The warning for standard error: the note located at the series' first row in `file`.
    static func warning(file: String, month: Period, observed: ObservedSeries) -> String? {
        note(month: month, observed: observed).map {
            "warning: " + DataError(file: file, series: observed, expected: "series \(DataError.quote(observed.name)): " + $0).description
        }
    }

    /// For a whole scorecard: the warning when `month` is after the last observed value of
    /// every series (one line, not one per series).
    static func warning(directory: String, month: Period, observations: [ObservedSeries]) -> String? {
        let lasts = observations.compactMap(lastObserved).filter { $0.frequency == month.frequency }
        guard let latest = lasts.max(), month > latest else { return nil }
        let steps = latest.distance(to: month)
        return "warning: \(directory): --month \(month) is \(steps) \(steps == 1 ? "month" : "months") after the latest observed value (\(latest)): "
            + "the report's expected values for it are forecasts, not explanations of observed months"
    }
}
