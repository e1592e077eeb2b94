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
    /// a combination); numbers written by `number` (full precision unless the caller rounds,
    /// as the report does to six significant digits).
    public static func write(
        _ forecast: Forecast, series: String, requested: String = "auto", to writer: inout CSVWriter,
        number: (Double) -> String = CSVNumber.format
    ) {
        Layout(levels: forecast.intervals.map(\.level), requested: requested).write(forecast, series: series, to: &writer, number: number)
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
        /// - statsforecast: `unique_id,ds,MODEL,MODEL-lo-95,MODEL-lo-80,MODEL-hi-80,MODEL-hi-95`
        ///   as `StatsForecast.forecast(level=[80, 95])` names and orders them (lower bounds
        ///   widest first, then upper bounds narrowest first: statsforecast's `_add_fitted_pi`
        ///   and utilsforecast's `_models_from_levels` in Nixtla's repositories), `MODEL` the
        ///   model asked for;
        /// - fable: `KEY,INDEX,.model,.mean,80%_lower,80%_upper,...` as fabletools'
        ///   `hilo()` then `unpack_hilo()` name them, `KEY` and `INDEX` the input's column names.
        public var header: [String] {
            switch format {
            case .scorecast:
                return ["series", "period", "model", "model_detail", "mean"] + ForecastTable.intervalColumns(levels)
            case .statsforecast:
                return ["unique_id", "ds", requested]
                    + intervalOrder.map { "\(requested)-\($0.isUpper ? "hi" : "lo")-\(CSVNumber.format(levels[$0.index]))" }
            case .fable:
                return [keyColumn, indexColumn, ".model", ".mean"]
                    + levels.flatMap { ["\(CSVNumber.format($0))%_lower", "\(CSVNumber.format($0))%_upper"] }
            }
        }

        /// The interval bounds in column order, as positions in ``levels`` (and in a forecast's
        /// intervals): each level's lower then upper bound, levels as given; statsforecast's
        /// lower bounds from the widest level down, then upper bounds from the narrowest up.
        var intervalOrder: [(index: Int, isUpper: Bool)] {
            guard format == .statsforecast else { return levels.indices.flatMap { [($0, false), ($0, true)] } }
            let ascending = levels.indices.sorted { levels[$0] < levels[$1] }
            return ascending.reversed().map { ($0, false) } + ascending.map { ($0, true) }
        }

        /// Appends one row per forecast period of `forecast`, the forecast of `series`, numbers
        /// written by `number`.
        public func write(_ forecast: Forecast, series: String, to writer: inout CSVWriter, number: (Double) -> String = CSVNumber.format) {
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
                writer.writeField(number(forecast.mean[step]))
                for (index, isUpper) in intervalOrder {
                    let interval = forecast.intervals[index]
                    writer.writeField(number(isUpper ? interval.upper[step] : interval.lower[step]))
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
