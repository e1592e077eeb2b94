extension Ensemble {
    /// The default members: ETS chosen by AICc, the Dynamic Optimised Theta Model and R's
    /// standard theta method: three different views of level, trend and season.
    public static let defaultMemberNames = ["ets", "theta:dotm", "theta:thetaf"]

    /// The spec for `ensemble[:COMBINATION[:MEMBER+MEMBER+...]]`, members named as `--model`
    /// names them (`ensemble:mean:ets+theta:dotm+naive2`).
    ///
    /// - Throws: ``ModelCatalogueError`` for an unknown combination or member.
    public static func spec(options: String?, catalogue: ModelCatalogue) throws -> Ensemble {
        let parts = options.map { $0.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init) } ?? []
        var combination = Combination.median
        if let word = parts.first {
            guard let parsed = Combination(rawValue: word.lowercased()) else {
                throw ModelCatalogueError.invalidOptions(model: "ensemble", options: options!, expected: "median or mean, then optionally :MODEL+MODEL+...")
            }
            combination = parsed
        }
        let names = parts.count > 1 ? parts[1].split(separator: "+").map(String.init) : defaultMemberNames
        guard !names.isEmpty, !names.contains(where: { $0.lowercased().hasPrefix("ensemble") || $0.lowercased() == "auto" }) else {
            throw ModelCatalogueError.invalidOptions(model: "ensemble", options: options ?? "", expected: "at least one member, none of them auto or ensemble")
        }
        return Ensemble(members: try names.map { try catalogue.spec(named: $0) }, combination: combination)
    }
}
