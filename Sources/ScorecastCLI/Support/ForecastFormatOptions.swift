import ArgumentParser
import ScorecastData
import ScorecastReport

/// `--output-format scorecast|statsforecast|fable` and `--period-format period|iso`: the
/// column conventions of a forecast file (``ForecastTable/Layout``), shared by `forecast` and
/// `backtest`.
struct ForecastFormatOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Columns: scorecast (series,period,model,model_detail,mean,lo_80,hi_80,...), statsforecast (unique_id,ds,MODEL,MODEL-lo-95,MODEL-lo-80,MODEL-hi-80,MODEL-hi-95 with ISO dates) or fable (KEY,INDEX,.model,.mean,80%_lower,80%_upper,...).",
            valueName: "format"))
    var outputFormat: ForecastOutputFormat = .scorecast

    @Option(
        help: ArgumentHelp(
            "Periods as period (2021-01, 2021-Q1, 2021) or iso (the first day of the period, 2021-01-01); statsforecast output is always iso.",
            valueName: "format"))
    var periodFormat: PeriodFormat = .period

    /// The layout for forecasts of the model `requested` at `levels`, keyed by the input's
    /// column names.
    func layout(levels: [Double], requested: String, input: ObservationInputOptions) -> ForecastTable.Layout {
        ForecastTable.Layout(
            format: outputFormat, periodFormat: periodFormat, levels: levels, requested: requested, keyColumn: input.seriesColumn,
            indexColumn: input.periodColumn)
    }
}

extension ForecastOutputFormat: ExpressibleByArgument {}
extension PeriodFormat: ExpressibleByArgument {}
