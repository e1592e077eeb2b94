import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

/// The forecast CSV layout, the same from `scorecast forecast` and the report's
/// `forecast.csv`: `series,period,model,model_detail,mean,lo_L,hi_L...`, one row per series
/// and forecast period, interval columns in the order of the levels. `model` is the short
/// label (``ModelLabel``: `auto`, `ETS(M,N,M)`, `DOTM`, `naive`) to group by; `model_detail`
/// is the fitted model's full description with its estimates.
///
/// ``Layout`` writes the same forecasts in the column conventions of other tools
/// (``ForecastOutputFormat``).
public enum ForecastTable {
    /// The header for `levels`.
    public static func header(levels: [Double]) -> [String] {
        Layout(levels: levels).header
    }

    /// `lo_80,hi_80,lo_95,hi_95` for levels 80 and 95, in the order given.
    public static func intervalColumns(_ levels: [Double]) -> [String] {
        levels.flatMap { ["lo_\(CSVNumber.format($0))", "hi_\(CSVNumber.format($0))"] }
    }

    /// Appends one row per forecast period; `requested` is the model asked for (the label of
    /// a combination).
    public static func write(_ forecast: Forecast, series: String, requested: String = "auto", to writer: inout CSVWriter) {
        Layout(levels: forecast.intervals.map(\.level), requested: requested).write(forecast, series: series, to: &writer)
    }

    /// The columns of one forecast file: which tool's conventions, how periods are written,
    /// the levels, and the names the input gave its key and index.
    public struct Layout: Sendable {
        public var format: ForecastOutputFormat
        public var periodFormat: PeriodFormat
        /// Interval levels in percent, in column order.
        public var levels: [Double]
        /// The model asked for (`auto`, `ets:MAdM`): statsforecast's column prefix and the
        /// label of a combination.
        public var requested: String
        /// The series column's name in the input (fable's key).
        public var keyColumn: String
        /// The period column's name in the input (fable's index).
        public var indexColumn: String

        /// A layout; statsforecast's always writes ISO dates, whatever `periodFormat` says.
        public init(
            format: ForecastOutputFormat = .scorecast, periodFormat: PeriodFormat = .period, levels: [Double], requested: String = "auto",
            keyColumn: String = "series", indexColumn: String = "period"
        ) {
            self.format = format
            self.periodFormat = format == .statsforecast ? .iso : periodFormat
            self.levels = levels
            self.requested = requested
            self.keyColumn = keyColumn
            self.indexColumn = indexColumn
        }

        /// The header row.
        ///
        /// - scorecast: `series,period,model,model_detail,mean,lo_80,hi_80,...`;
        /// - statsforecast: `unique_id,ds,MODEL,MODEL-lo-80,MODEL-hi-80,...` as
        ///   `StatsForecast.forecast(level=[80, ...])` names them (each level's lower and
        ///   upper bound together, levels in the order given), `MODEL` the model asked for;
        /// - fable: `KEY,INDEX,.model,.mean,80%_lower,80%_upper,...` as fabletools'
        ///   `hilo()` then `unpack_hilo()` name them, `KEY` and `INDEX` the input's column names.
        public var header: [String] {
            switch format {
            case .scorecast:
                return ["series", "period", "model", "model_detail", "mean"] + ForecastTable.intervalColumns(levels)
            case .statsforecast:
                return ["unique_id", "ds", requested]
                    + levels.flatMap { ["\(requested)-lo-\(CSVNumber.format($0))", "\(requested)-hi-\(CSVNumber.format($0))"] }
            case .fable:
                return [keyColumn, indexColumn, ".model", ".mean"]
                    + levels.flatMap { ["\(CSVNumber.format($0))%_lower", "\(CSVNumber.format($0))%_upper"] }
            }
        }

        /// Appends one row per forecast period of `forecast`, the forecast of `series`.
        public func write(_ forecast: Forecast, series: String, to writer: inout CSVWriter) {
            let label = ModelLabel.short(detail: forecast.model, requested: requested)
            var period = forecast.start
            for step in 0..<forecast.horizon {
                writer.writeField(series)
                writer.writeField(periodFormat.format(period))
                switch format {
                case .scorecast:
                    writer.writeField(label)
                    writer.writeField(forecast.model)
                case .statsforecast:
                    break
                case .fable:
                    writer.writeField(label)
                }
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
}

/// Whose column conventions a forecast file follows (`--output-format`).
public enum ForecastOutputFormat: String, Sendable, CaseIterable {
    /// Scorecast's own: `series,period,model,model_detail,mean,lo_L,hi_L`.
    case scorecast
    /// Nixtla statsforecast's `forecast()` frame: `unique_id,ds,MODEL,MODEL-lo-L,MODEL-hi-L`.
    case statsforecast
    /// fable's forecast table, intervals unpacked: `KEY,INDEX,.model,.mean,L%_lower,L%_upper`.
    case fable
}
