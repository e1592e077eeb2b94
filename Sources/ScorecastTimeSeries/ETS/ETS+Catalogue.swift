extension ETS {
    /// The spec `--model ets[:OPTIONS]` names.
    ///
    /// - `ets`: every form R's `ets()` would consider, fitted as R fits them, forecasts
    ///   combined by Akaike weight (Kolassa 2011): more accurate and better calibrated on M3
    ///   monthly than R-style selection (`docs/benchmarks.md`, `docs/engineering-notes/issue-5.md`).
    /// - `ets:select`: R's behaviour, the one form with the smallest AICc.
    /// - `ets:MAdM` (any form code): that form only.
    ///
    /// - Throws: ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for anything else.
    public init(options: String?) throws {
        guard let options else {
            self.init(combination: .akaikeWeighted)
            return
        }
        if options.lowercased() == "select" {
            self.init(combination: .selected)
            return
        }
        guard let form = Form(code: options) else {
            throw ModelCatalogueError.invalidOptions(
                model: "ets", options: options, expected: "'select' or a form such as ANN, AAdN, MAM, MAdM")
        }
        self.init(form: form)
    }
}
