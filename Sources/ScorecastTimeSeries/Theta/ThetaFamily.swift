/// The names `--model theta[:OPTION]` accepts, and the automatic choice within the family.
///
/// - `theta`: per series, the one of STM, DSTM and DOTM with the smallest mean absolute error
///   on the last season held out (``AutomaticModel``), refitted to the whole series. OTM is not
///   a candidate: its static trend line is fitted to the whole sample, so its in-sample and
///   held-out losses flatter a large θ (on M3 monthly OTM alone is far less accurate than
///   DOTM: `docs/engineering-notes/issue-6.md`); the dynamic models were introduced to avoid
///   exactly that look-ahead.
/// - `theta:thetaf`: R `forecast::thetaf` (``StandardTheta``).
/// - `theta:stm`, `theta:otm`, `theta:dstm`, `theta:dotm`: one model (``ThetaModel``).
public enum ThetaFamily {
    /// The candidates of the automatic choice.
    public static let automaticCandidates: [ThetaVariant] = [.standard, .dynamicStandard, .dynamicOptimised]

    /// The option words after `theta:`.
    public static let options = ["thetaf"] + ThetaVariant.allCases.map(\.rawValue)

    /// The spec for `theta` with `option` (`nil` for the automatic choice).
    ///
    /// - Throws: ``ModelCatalogueError/invalidOptions(model:options:expected:)`` for an unknown option.
    public static func spec(option: String?) throws -> AnyForecastModelSpec {
        guard let option else { return automatic }
        let word = option.lowercased()
        if word == "thetaf" { return AnyForecastModelSpec(StandardTheta()) }
        if let variant = ThetaVariant(rawValue: word) { return AnyForecastModelSpec(ThetaModel(variant)) }
        throw ModelCatalogueError.invalidOptions(model: "theta", options: option, expected: options.joined(separator: ", "))
    }

    /// `theta`: the automatic choice among ``automaticCandidates``.
    public static var automatic: AnyForecastModelSpec {
        let choice = AutomaticModel(candidates: automaticCandidates.map { AnyForecastModelSpec(ThetaModel($0)) })
        return AnyForecastModelSpec(name: "theta") { try choice.fit($0) }
    }
}
