import ArgumentParser
import ScorecastCore
import ScorecastData
import ScorecastTimeSeries

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The forecasting options shared by `forecast` and `backtest`: model, horizon, levels, jobs,
/// intervals, and the calendar for `glm` and `auto`.
///
/// `--calendar` defaults to england for `glm` and to none otherwise: `auto` considers the
/// calendar GLM only when `--calendar england` (or `--term-dates`) is given, and the other
/// models never use a calendar.
struct ModelOptions: ParsableArguments {
    // Long name only: `-h` is help everywhere, and a command that took `-h` as the horizon would
    // answer a later validation error with the help text and exit 0.
    // `.unconditional` so `--horizon -3` reaches validate() as a number (and is refused as one)
    // instead of being taken for an option and reported as a missing value.
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Number of periods to forecast, 1 to \(ModelOptions.maximumHorizon).", valueName: "h"))
    var horizon: Int

    /// The longest forecast asked for: 100 years of months. Longer horizons are no forecast at
    /// all, only the model's long-run mean, and would write periods past the year 9999 that
    /// Scorecast (and ISO 8601's four-digit years) cannot read back.
    static let maximumHorizon = 1200

    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Model name (\(ModelCatalogue.standard.names.joined(separator: ", "))); repeat in backtest to compare.", valueName: "name")
    )
    var model: [String] = ["auto"]

    @Option(
        name: .long, parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Prediction interval level in percent, in (0, 100); repeat for several.", valueName: "percent"))
    var level: [Double] = [80, 95]

    @Option(name: [.short, .long], help: ArgumentHelp("Series to fit at once (default: the number of processors).", valueName: "n"))
    var jobs: Int = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    @Option(
        help: ArgumentHelp(
            "Prediction intervals: model (the model's own), conformal (calibrated on the series' own rolling-origin errors), or default (conformal for auto, theta, arima and ensemble, whose own intervals under-cover on M3 monthly; the model's own otherwise).",
            valueName: "method"))
    var intervals: IntervalMethod = .default

    @Option(
        help: ArgumentHelp(
            "Progress on standard error: auto (on a terminal: done/total, rate, time left), always (also a line every 10 s when standard error is a log), never.",
            valueName: "when"))
    var progress: ProgressMode = .auto

    @Option(help: ArgumentHelp("Seconds between progress lines in a log (--progress always).", visibility: .hidden))
    var progressInterval: Double = 10

    @OptionGroup var calendar: CalendarOptions

    /// A progress reporter for `label`, over `total` series when known.
    func progressReporter(_ label: String, total: Int?) -> ProgressReporter {
        ProgressReporter(label: label, mode: progress, total: total, logInterval: progressInterval)
    }

    /// The levels, in the order given.
    var levels: [Double] { level }

    func validate() throws {
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1 (the number of periods to forecast), found \(horizon)") }
        guard horizon <= Self.maximumHorizon else {
            throw ValidationError("--horizon must be at most \(Self.maximumHorizon) periods (100 years of months), found \(horizon)")
        }
        for value in level where !(value > 0 && value < 100) {
            throw ValidationError("--level must be a percentage in (0, 100), found \(CSVNumber.format(value))")
        }
        guard Set(level).count == level.count else { throw ValidationError("--level values must differ") }
        guard progressInterval >= 0 else { throw ValidationError("--progress-interval must be at least 0") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
        try calendar.validate()
        _ = try specifications()
    }

    /// The models asked for, parsed (the one parse of `--model`).
    ///
    /// - Throws: `ValidationError` naming the known models for an unknown name or bad options.
    func specifications() throws -> [ModelSpecification] {
        try model.map { name in
            do { return try ModelSpecification(parsing: name) } catch { throw ValidationError("--model: \(error)") }
        }
    }

    /// The catalogue with `glm` bound to the calendar (england unless `--calendar none`, with
    /// `--term-dates`) and `--events`, and `auto` considering the GLM when a calendar was given.
    ///
    /// - Throws: ``DataError`` for a malformed term-dates or events file.
    func catalogue() throws -> ModelCatalogue {
        ModelCatalogue.standard(
            calendar: ModelCatalogue.CalendarContext(
                calendar: try calendar.englandCalendar(default: .england), events: try calendar.interventionEvents(),
                isCalendarGiven: calendar.isCalendarGiven))
    }

    /// One forecasting pipeline per `--model`, in order, sharing the calendar files (read once).
    func pipelines() throws -> [ForecastPipeline] {
        let catalogue = try catalogue()
        return try specifications().map {
            try ForecastPipeline($0, horizon: horizon, levels: levels, intervals: intervals, catalogue: catalogue)
        }
    }
}

extension IntervalMethod: ExpressibleByArgument {}
