import ArgumentParser
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
    @Option(name: .long, help: ArgumentHelp("Number of periods to forecast (at least 1).", valueName: "h"))
    var horizon: Int

    @Option(name: [.short, .long], help: ArgumentHelp("Model name (\(ModelCatalogue.standard.names.joined(separator: ", "))); repeat in backtest to compare.", valueName: "name"))
    var model: [String] = ["auto"]

    @Option(name: .long, help: ArgumentHelp("Prediction interval level in percent, in (0, 100); repeat for several.", valueName: "percent"))
    var level: [Double] = [80, 95]

    @Option(name: [.short, .long], help: ArgumentHelp("Series to fit at once (default: the number of processors).", valueName: "n"))
    var jobs: Int = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    @Option(help: ArgumentHelp("Prediction intervals: model (the model's own), conformal (calibrated on the series' own rolling-origin errors), or default (conformal for auto, theta, arima and ensemble, whose own intervals under-cover on M3 monthly; the model's own otherwise).", valueName: "method"))
    var intervals: IntervalMethod = .default

    @OptionGroup var calendar: CalendarOptions

    /// The levels, in the order given.
    var levels: [Double] { level }

    func validate() throws {
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1, found \(horizon)") }
        for value in level where !(value > 0 && value < 100) {
            throw ValidationError("--level must be a percentage in (0, 100), found \(CSVNumber.format(value))")
        }
        guard Set(level).count == level.count else { throw ValidationError("--level values must differ") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, found \(jobs)") }
        try calendar.validate()
        for name in model {
            do { _ = try ModelCatalogue.standard.spec(named: name) } catch { throw ValidationError("--model: \(error)") }
        }
    }

    /// The catalogue with `glm` bound to the calendar (england unless `--calendar none`, with
    /// `--term-dates`) and `--events`, and `auto` considering the GLM when a calendar was given.
    ///
    /// - Throws: ``DataError`` for a malformed term-dates or events file.
    func catalogue() throws -> ModelCatalogue {
        ModelCatalogue.standard(calendar: ModelCatalogue.CalendarContext(
            calendar: try calendar.englandCalendar(default: .england), events: try calendar.interventionEvents(),
            isCalendarGiven: calendar.isCalendarGiven))
    }

    /// The calendar GLM to fit to series with numerator and denominator columns
    /// (quasi-binomial), when the first model is `glm` and its own intervals are reported; bound
    /// to the same calendar and events as `catalogue`'s `glm` (the files are read once).
    func binomialModel(in catalogue: ModelCatalogue) throws -> CalendarGLM? {
        let name = model[0]
        guard name.lowercased() == "glm" || name.lowercased().hasPrefix("glm:"), !intervals.isConformal(for: name) else { return nil }
        let options = name.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init)
        return try CalendarGLM(options: options, calendar: catalogue.calendarContext.calendar, events: catalogue.calendarContext.events)
    }

    /// Every model's spec, in order, from `catalogue`, with conformal intervals where
    /// `--intervals` asks for them.
    func specs(in catalogue: ModelCatalogue) throws -> [AnyForecastModelSpec] {
        try model.map { name in
            let spec = try catalogue.spec(named: name)
            guard intervals.isConformal(for: spec.name) else { return spec }
            return AnyForecastModelSpec(ConformalIntervals(base: spec, calibrationHorizon: horizon))
        }
    }
}

/// `--intervals`: whose prediction intervals are reported.
enum IntervalMethod: String, ExpressibleByArgument, CaseIterable {
    /// The model's own intervals.
    case model
    /// Conformal intervals from the series' rolling-origin errors (``ConformalIntervals``).
    case conformal
    /// Conformal where the model's own intervals under-cover on M3 monthly (auto, the theta
    /// family, ARIMA and ensembles: 73–77% and 88–92% for nominal 80% and 95%); the model's own
    /// otherwise (ETS covers 79.6% and 93.8%, the baselines' intervals are R's).
    case `default`

    /// Whether the intervals of the model named `name` are calibrated conformally.
    func isConformal(for name: String) -> Bool {
        switch self {
        case .model: false
        case .conformal: true
        case .default: ["auto", "theta", "arima", "ensemble"].contains { name == $0 || name.hasPrefix($0 + ":") }
        }
    }
}
