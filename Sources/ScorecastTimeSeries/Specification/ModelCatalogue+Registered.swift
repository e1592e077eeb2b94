import ScorecastCore

extension ModelCatalogue {
    /// Every model family `--model` can name, one registration each, in the order `--help`
    /// lists them. To add a family, add its case to ``ModelFamily`` and one line here:
    ///
    ///     Entry(.ets, "exponential smoothing ...", automaticCandidate: false) { options, _ in try ETS(options: options) },
    ///
    /// (or `Entry(.name, "summary", Spec())` for a model without options). `automaticCandidate`
    /// puts it among `auto`'s last-resort choices; `conformalByDefault` calibrates its intervals
    /// conformally under `--intervals default`. The checklist is in `docs/adding-a-model.md`.
    static let registered: [Entry] = [
        Entry(.automatic, automaticSummary, conformalByDefault: true) { options, catalogue in
            switch try AutomaticVariant(options: options) {
            case .plain:
                // Trained on a batch (the forecast and backtest commands): with the global
                // model, or alone saying why it was left out; otherwise (one series at a
                // time: the report, check-borrowing) the per-series ensemble.
                return ModelSpecification.automatic.forecastsWithBatchModel(in: catalogue)
                    ? catalogue.automaticWithGlobalSpec() : catalogue.automaticSpec()
            case .global: return catalogue.automaticWithGlobalSpec()
            case .local: return catalogue.automaticSpec()
            }
        },
        Entry(.naive, "the last observed value", automaticCandidate: true, Naive()),
        Entry(.seasonalNaive, "the value one season earlier", automaticCandidate: true, SeasonalNaive()),
        Entry(.drift, "the last value plus the average change per period", automaticCandidate: true, Drift()),
        Entry(.mean, "the mean of the observed values", MeanForecast()),
        Entry(.naive2, "naive on the seasonally adjusted series (the M3/M4 benchmark)", automaticCandidate: true, Naive2()),
        Entry(
            .ets,
            "exponential smoothing: every form R considers, smoothing by a short likelihood search from R's initial states, combined by Akaike weight (ets:select for the AICc choice, ets:MAdM for one form, ets:like-r for R's ets() step for step); naive where the series is too short"
        ) { options, _ in
            AnyForecastModelSpec.fallingBackToNaive(try ETS(options: options))
        },
        Entry(
            .theta, "theta family: STM, DSTM or DOTM chosen per series by held-out error; theta:thetaf|stm|otm|dstm|dotm for one",
            conformalByDefault: true
        ) { options, _ in
            try ThetaFamily.catalogueSpec(option: options)
        },
        Entry(
            .arima,
            "seasonal ARIMA chosen by a stepwise AICc search after KPSS and seasonal-strength tests (R's auto.arima, CSS estimates); arima:nonseasonal, arima:p,d,q or arima:p,d,q,P,D,Q[,noconstant] for fixed orders",
            conformalByDefault: true
        ) { options, _ in
            try AutoARIMA.catalogueSpec(options: options)
        },
        Entry(
            .ensemble,
            "step-by-step mean of ets, theta, theta:stm, theta:dotm and arima (what auto fits); ensemble:median, ensemble:mean:MODEL+MODEL",
            conformalByDefault: true
        ) { options, catalogue in
            try Ensemble.spec(options: options, catalogue: catalogue)
        },
        Entry(
            .glm,
            "calendar-aware GLM: trend, seasonal terms by AICc, school holidays, working days and --events; Poisson or negative binomial counts, quasi-binomial numerator/denominator series (glm:negbin|poisson|gaussian, glm:fourier1..6|dummies|noseason, glm:notrend, glm:nocalendar; comma-separated)"
        ) { options, catalogue in
            try CalendarGLM.catalogueSpec(options: options, calendar: catalogue.calendarContext.calendar, events: catalogue.calendarContext.events)
        },
        Entry(
            .global,
            "global gradient-boosted trees (XGBoost) trained across every series of the batch on windows of 24 normalised lags, one light booster per step averaged with a recursive booster, intervals conformal on held-out windows; naive where a series is shorter than 12 periods or its recent values are all zero"
        ) { options, catalogue in
            if let options { throw ModelCatalogueError.invalidOptions(model: ModelFamily.global.rawValue, options: options, expected: "no options") }
            return GlobalForecastSpec(trained: catalogue.trainedGlobalModel?.result)
        },
    ]

    /// One line on what `auto` does, for `--help` and `scorecast models`.
    public static let automaticSummary =
        "the mean of ets, theta, theta:stm, theta:dotm and arima (a member too short for its model is left out; where every member is, naive, saying so); with --calendar england, per series whichever of that ensemble and the calendar GLM (glm) has the lower error on the last season held out; on a batch of at least \(GlobalCombination.minimumBatchForAutomatic) series also, with weight 0.4, the global model trained on the batch (auto:global on any batch, auto:local never)"
}
