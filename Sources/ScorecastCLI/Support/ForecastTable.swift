import ScorecastData
import ScorecastTimeSeries

/// The forecast CSV layout: `series,period,model,mean,lo_L,hi_L...`.
enum ForecastTable {
    /// `lo_80,hi_80,lo_95,hi_95` for levels 80 and 95, in the order given.
    static func intervalColumns(_ levels: [Double]) -> [String] {
        levels.flatMap { ["lo_\(CSVNumber.format($0))", "hi_\(CSVNumber.format($0))"] }
    }

    /// Appends one row per forecast period.
    static func write(_ forecast: Forecast, series: String, to writer: inout CSVWriter) {
        var period = forecast.start
        for step in 0..<forecast.horizon {
            writer.writeField(series)
            writer.writeField(period.description)
            writer.writeField(forecast.model)
            writer.writeField(forecast.mean[step])
            for interval in forecast.intervals {
                writer.writeField(interval.lower[step])
                writer.writeField(interval.upper[step])
            }
            writer.endRecord()
            period = period.advanced(by: 1)
        }
    }
}
