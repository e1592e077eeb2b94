import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// The measure columns shared by `accuracy` and `backtest`:
/// `mae,rmse,mape,smape,mase`, then `coverage_L,winkler_L,msis_L` per interval level.
enum AccuracyTable {
    static func measureColumns(levels: [Double]) -> [String] {
        ["mae", "rmse", "mape", "smape", "mase"]
            + levels.flatMap { level in ["coverage", "winkler", "msis"].map { "\($0)_\(CSVNumber.format(level))" } }
    }

    /// Writes empty measure fields, for a series that could not be scored.
    static func writeEmptyMeasures(levels: [Double], to writer: inout CSVWriter) {
        for _ in measureColumns(levels: levels) { writer.writeField("") }
    }

    /// Writes the measure fields of one row (the caller writes the leading fields and ends the record).
    static func writeMeasures(_ measures: some AccuracyMeasures, to writer: inout CSVWriter) {
        for value in [
            measures.meanAbsoluteError, measures.rootMeanSquaredError, measures.meanAbsolutePercentageError,
            measures.symmetricMeanAbsolutePercentageError, measures.meanAbsoluteScaledError,
        ] {
            writer.writeField(value)
        }
        for interval in measures.intervals {
            writer.writeField(interval.coverage)
            writer.writeField(interval.winklerScore)
            writer.writeField(interval.scaledIntervalScore)
        }
    }
}
