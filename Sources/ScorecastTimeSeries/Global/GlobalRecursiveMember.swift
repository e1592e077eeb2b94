import ScorecastCore

/// The global model's second member (in the default model; `--global-strategy direct` leaves
/// it out): one booster for the next period, applied to its own forecasts step after step (the
/// recursive strategy), averaged with the direct boosters' forecasts at every step.
///
/// The direct boosters (one per step) and the recursive booster err differently: the first
/// learn each step apart from a shallow window, the second compounds its own one-step errors
/// but sees each step's window move. On the validation origins of M3 monthly the mean of a
/// light direct model (100 trees of depth 4 per step) and a recursive booster (300 trees of
/// depth 6) forecast about as well as the deep direct model alone for about a quarter of its
/// training time (`docs/engineering-notes/issue-24.md`, fifth and sixth passes; the sixth made
/// it the default over four seeds). Reference: Taieb, Bontempi, Atiya and Sorjamaa, "A review
/// and comparison of strategies for multi-step ahead time series forecasting based on the NN5
/// forecasting competition", Expert Systems with Applications 39(8), 2012 (direct, recursive,
/// and their combinations).
public struct GlobalRecursiveMember: Sendable, Equatable {
    /// How the recursive booster is grown (its seed is the model's, offset past the direct
    /// boosters').
    public var parameters: GlobalBoostingParameters
    /// Training windows (of step 1) beyond which they are sampled.
    public var maximumRows: Int

    /// The settings the fifth pass measured: 300 trees at learning rate 0.05, depth 6, on at
    /// most 100,000 windows.
    public init(parameters: GlobalBoostingParameters = .recursiveDefault, maximumRows: Int = 100_000) {
        precondition(maximumRows >= 1, "At least one training window")
        self.parameters = parameters
        self.maximumRows = maximumRows
    }
}

extension GlobalBoostingParameters {
    /// The recursive member's default: 300 trees of depth 6 at learning rate 0.05, the rest as
    /// the direct boosters' defaults.
    public static let recursiveDefault = GlobalBoostingParameters(trees: 300, learningRate: 0.05, maximumDepth: 6)
}

/// The multi-step strategy of the global model (`--global-strategy`, a study option).
public enum GlobalStrategy: String, Sendable, CaseIterable {
    /// One booster per step.
    case direct
    /// One booster per step and a recursive booster, averaged (``GlobalRecursiveMember``).
    case directAndRecursive = "direct+recursive"
}

extension GlobalModel {
    /// The recursive booster's forecasts of `steps` periods after each origin, in the series'
    /// units: step 1 from the origin's window, each later step from the window of the history
    /// extended by the earlier forecasts.
    ///
    /// Where an extended history has no window (its last ``GlobalWindowSettings/levelLength``
    /// values all zero, which only forecasts of exactly zero can make), the previous window
    /// stands, so the forecast repeats its last ratio.
    ///
    /// - Complexity: `steps` predictions of one matrix of `origins.count` rows; O(`steps` ×
    ///   (history + lags)) per origin to extend and re-window.
    static func recursiveForecasts(
        of booster: XGBoostBooster, from origins: [(history: [Double], start: Period, window: GlobalWindow)], steps: Int,
        settings: GlobalWindowSettings
    ) throws(XGBoostError) -> [[Double]] {
        var histories = origins.map(\.history)
        var windows = origins.map(\.window)
        var forecasts = [[Double]](repeating: [], count: origins.count)
        for step in 0..<steps {
            let matrix = try XGBoostMatrix(values: windows.flatMap(\.features), rows: windows.count, columns: settings.columns)
            let ratios = try booster.predict(matrix)
            for index in origins.indices {
                let value = Double(ratios[index]) * windows[index].level
                forecasts[index].append(value)
                histories[index].append(value)
                guard step + 1 < steps else { continue }
                if let next = try? GlobalWindow(
                    values: histories[index][...], start: origins[index].start, end: histories[index].count, settings: settings)
                {
                    windows[index] = next
                }
            }
        }
        return forecasts
    }
}
