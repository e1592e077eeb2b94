extension ModelCatalogue {
    /// Every model `--model` can name. Register a model family with one line here:
    ///
    ///     Entry("ets", "exponential smoothing, chosen by AICc", automaticCandidate: true) { options in try ETS(options: options) },
    ///
    /// (or `Entry("name", "summary", Spec())` for a model without options). `auto` chooses among the
    /// entries marked `automaticCandidate: true` when its ensemble cannot be fitted.
    ///
    /// Calendar-aware entries (`glm`) take the calendar and events from `context`.
    static func registered(_ context: CalendarContext) -> [Entry] { [
        Entry("naive", "the last observed value", automaticCandidate: true, Naive()),
        Entry("snaive", "the value one season earlier", automaticCandidate: true, SeasonalNaive()),
        Entry("drift", "the last value plus the average change per period", automaticCandidate: true, Drift()),
        Entry("mean", "the mean of the observed values", MeanForecast()),
        Entry("naive2", "naive on the seasonally adjusted series (the M3/M4 benchmark)", automaticCandidate: true, Naive2()),
        Entry("ets", "exponential smoothing: every form as R fits them, combined by Akaike weight (ets:select for R's choice, ets:MAdM for one form); naive where the series is too short") { options in
            AnyForecastModelSpec.fallingBackToNaive(try ETS(options: options))
        },
        Entry("theta", "theta family: STM, DSTM or DOTM chosen per series by held-out error; theta:thetaf|stm|otm|dstm|dotm for one") { try ThetaFamily.catalogueSpec(option: $0) },
        Entry("arima", "seasonal ARIMA chosen by a stepwise AICc search after KPSS and seasonal-strength tests (R's auto.arima, CSS estimates); arima:nonseasonal, arima:p,d,q or arima:p,d,q,P,D,Q[,noconstant] for fixed orders") {
            try AutoARIMA.catalogueSpec(options: $0)
        },
        Entry("ensemble", "step-by-step mean of ets, theta, theta:stm, theta:dotm and arima (what auto fits); ensemble:median, ensemble:mean:MODEL+MODEL") {
            try Ensemble.spec(options: $0, catalogue: .standard(calendar: context))
        },
        Entry("glm", "calendar-aware GLM: trend, seasonal terms by AICc, school holidays, working days and --events; Poisson or negative binomial counts, quasi-binomial numerator/denominator series (glm:negbin|poisson|gaussian, glm:fourier1..6|dummies|noseason, glm:notrend, glm:nocalendar; comma-separated)") {
            try CalendarGLM.catalogueSpec(options: $0, calendar: context.calendar, events: context.events)
        },
    ] }
}
