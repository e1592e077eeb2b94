import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// The forecast CSV layout, the same from `scorecast forecast` and the report's
/// `forecast.csv`: `series,period,model,mean,lo_L,hi_L...`, one row per series and forecast
/// period, interval columns in the order of the levels.
public enum ForecastTable {
    /// The header for `levels`.
    public static func header(levels: [Double]) -> [String] {
        ["series", "period", "model", "mean"] + intervalColumns(levels)
    }

    /// `lo_80,hi_80,lo_95,hi_95` for levels 80 and 95, in the order given.
    public static func intervalColumns(_ levels: [Double]) -> [String] {
        levels.flatMap { ["lo_\(CSVNumber.format($0))", "hi_\(CSVNumber.format($0))"] }
    }

    /// Appends one row per forecast period, numbers written by `number` (full precision
    /// unless the caller rounds, as the report does to six significant digits).
    public static func write(
        _ forecast: Forecast, series: String, to writer: inout CSVWriter, number: (Double) -> String = CSVNumber.format
    ) {
        var period = forecast.start
        for step in 0..<forecast.horizon {
            writer.writeField(series)
            writer.writeField(period.description)
            writer.writeField(forecast.model)
            writer.writeField(number(forecast.mean[step]))
            for interval in forecast.intervals {
                writer.writeField(number(interval.lower[step]))
                writer.writeField(number(interval.upper[step]))
            }
            writer.endRecord()
            period = period.advanced(by: 1)
        }
    }
}
