extension Ensemble {
    /// The default members: ETS (Akaike-weighted), the theta family's per-series choice, the
    /// Standard Theta Model, the Dynamic Optimised Theta Model and automatic ARIMA, combined by
    /// the mean.
    ///
    /// Chosen on a validation split, not on the test data: the 1,428 M3 monthly series with
    /// the last 18 training months held out. The four exponential-smoothing and theta members
    /// had the lowest validation error among all means of 2–5 of ETS, the theta models and
    /// Naive2; ARIMA, a different model family added later, joined them because it lowered
    /// that validation error; combining across families is the M3/M4 lesson (Petropoulos and
    /// Svetunkov 2020, IJF 36(1)). The mean, not the median. Scores: `docs/benchmarks.md` and
    /// `docs/engineering-notes/issue-6.md`.
    public static let defaultMembers: [ModelSpecification] = [
        ModelSpecification(.ets), ModelSpecification(.theta), ModelSpecification(.theta, uncheckedOptions: "stm"),
        ModelSpecification(.theta, uncheckedOptions: "dotm"), ModelSpecification(.arima),
    ]

    /// The spec for `ensemble[:COMBINATION[:MEMBER+MEMBER+...]]`, members named as `--model`
    /// names them (`ensemble:mean:ets+theta:dotm+naive2`).
    ///
    /// - Throws: ``ModelCatalogueError`` for an unknown combination or member.
    public static func spec(options: String?, catalogue: ModelCatalogue) throws -> Ensemble {
        let parts = options.map { $0.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init) } ?? []
        var combination = Combination.mean
        if let word = parts.first {
            guard let parsed = Combination(rawValue: word.lowercased()) else {
                throw ModelCatalogueError.invalidOptions(
                    model: "ensemble", options: options!, expected: "median or mean, then optionally :MODEL+MODEL+...")
            }
            combination = parsed
        }
        let members = parts.count > 1 ? try parts[1].split(separator: "+").map { try ModelSpecification(parsing: String($0)) } : defaultMembers
        guard !members.isEmpty, !members.contains(where: { [.ensemble, .automatic].contains($0.family) }) else {
            throw ModelCatalogueError.invalidOptions(
                model: "ensemble", options: options ?? "", expected: "at least one member, none of them auto or ensemble")
        }
        return Ensemble(members: try members.map { try catalogue.spec(for: $0) }, combination: combination)
    }
}

extension Ensemble {
    /// `--model auto`: the default ensemble (``defaultMemberNames``, mean). Members too short
    /// for a series are left out (and where all are, their naive stand-ins make the forecast,
    /// saying so); `fallback` (the held-out choice among the catalogue's automatic candidates)
    /// is the last resort, when the ensemble throws.
    ///
    /// Combining beats choosing on M3 monthly (h = 18): the ensemble is more accurate than the
    /// held-out choice among the theta models, ETS or ARIMA alone (`docs/benchmarks.md`).
    public static func automatic(catalogue: ModelCatalogue, fallback: AutomaticModel) -> AnyForecastModelSpec {
        let ensemble = try? spec(options: nil, catalogue: catalogue)
        return AnyForecastModelSpec(name: ModelFamily.automatic.rawValue) { series in
            if let ensemble {
                do {
                    return try ensemble.fit(series)
                } catch {
                    return FallbackFittedModel(base: try fallback.fit(series), reason: .noMemberFitted(String(describing: error)))
                }
            }
            return try fallback.fit(series)
        }
    }
}
