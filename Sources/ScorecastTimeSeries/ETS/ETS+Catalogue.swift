extension ETS {
    /// The spec `--model ets[:OPTIONS]` names; OPTIONS is a comma-separated list.
    ///
    /// - `ets`: every form R's `ets()` would consider, forecasts combined by Akaike weight
    ///   (Kolassa 2011): more accurate and better calibrated on M3 monthly than R-style
    ///   selection (`docs/benchmarks.md`, `docs/engineering-notes/issue-5.md`).
    /// - `ets:select`: the one form with the smallest AICc, as R's `ets()` chooses.
    /// - `ets:MAdM` (any form code): that form only.
    /// - `like-r`: R's estimator (``Estimator/likeR``) instead of the fast one. `ets:like-r`
    ///   alone is R's `ets()` (selection, R's estimator), as the R fixtures check;
    ///   `ets:weighted,like-r` weights the forms; `ets:MAdM,like-r` fits one form as R would.
    ///
    /// - Throws: ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for anything else.
    public init(options: String?) throws {
        guard let options else {
            self.init(combination: .akaikeWeighted)
            return
        }
        var form: Form?
        var combination: Combination?
        var estimator = Estimator.fast
        for option in options.split(separator: ",", omittingEmptySubsequences: false) {
            switch option.lowercased() {
            case "select" where combination == nil && form == nil:
                combination = .selected
            case "weighted" where combination == nil && form == nil:
                combination = .akaikeWeighted
            case Estimator.likeR.rawValue where estimator == .fast:
                estimator = .likeR
            default:
                guard combination == nil, form == nil, let named = Form(code: option) else {
                    throw ModelCatalogueError.invalidOptions(
                        model: "ets", options: options,
                        expected: "'select', 'weighted', 'like-r' or a form such as ANN, AAdN, MAM, MAdM, comma-separated")
                }
                form = named
            }
        }
        // R's ets() selects; the fast estimator's default is the weighted combination.
        let defaultCombination: Combination = estimator == .likeR ? .selected : .akaikeWeighted
        self.init(form: form, combination: form == nil ? combination ?? defaultCombination : .selected, estimator: estimator)
    }
}
