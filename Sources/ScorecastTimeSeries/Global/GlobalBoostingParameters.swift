/// How each of the global model's boosters is grown: XGBoost's parameters.
///
/// The defaults are the sketch, checked on the validation split of M3 monthly (the
/// second pass in `docs/engineering-notes/issue-24.md`): 300 trees of depth 6 at learning rate
/// 0.05 (500 trees were no better, 100 at 0.15 were worse), the pseudo-Huber loss with slope
/// 0.1 on the normalised targets (robust to the outlying windows that squared error chases:
/// 14.87 against 14.28 sMAPE on validation; XGBoost 1.7's `reg:absoluteerror` gave 19.6 and
/// cost three times as much), rows and columns subsampled at 0.8, histogram tree method with
/// 64 bins per feature (as accurate as XGBoost's default 256 on validation, and about 30% less
/// training time). `seed` fixes the subsampling and
/// `threads` XGBoost's threads, so the same data give the same trees (one thread by default:
/// `--jobs` trains several boosters at once instead, which keeps every booster's arithmetic
/// independent of the number of jobs).
///
/// Reference: XGBoost 1.7 parameter documentation ("Learning Task Parameters",
/// `reg:pseudohubererror`, `huber_slope`; "Parameters for Tree Booster").
public struct GlobalBoostingParameters: Sendable, Equatable {
    /// Boosting rounds (trees); 300 by default (``init(trees:learningRate:maximumDepth:)``).
    public var trees: Int
    /// Shrinkage (`eta`); 0.05 by default.
    public var learningRate: Double
    /// Maximum tree depth; 6 by default.
    public var maximumDepth: Int
    /// Pseudo-Huber slope δ (`huber_slope`); `nil` for squared error (`reg:squarederror`).
    public var huberSlope: Double? = 0.1
    /// Row subsampling per tree.
    public var rowSample: Double = 0.8
    /// Column subsampling per tree.
    public var columnSample: Double = 0.8
    /// XGBoost's seed.
    public var seed: UInt64 = 2021
    /// XGBoost's threads per booster.
    public var threads: Int = 1
    /// Histogram bins per feature (`max_bin`): the split candidates of the `hist` method.
    /// Fewer bins are cheaper histograms to build and scan; on the validation split of M3
    /// monthly 64 bins lost nothing against XGBoost's default 256 (14.27 against 14.28 sMAPE)
    /// and 32 lost a little (14.31) without being faster. Reference: XGBoost 1.7 parameter
    /// documentation, "Additional parameters for hist tree method" (`max_bin`).
    public var maximumBins: Int = 64

    /// The defaults, with the three settings the validation passes varied given.
    public init(trees: Int = 300, learningRate: Double = 0.05, maximumDepth: Int = 6) {
        self.trees = trees
        self.learningRate = learningRate
        self.maximumDepth = maximumDepth
    }

    /// The parameters of the calibration pass (``GlobalModel/train(on:settings:parameters:maximumRowsPerStep:recursive:jobs:using:)``):
    /// a third of the trees at three times the learning rate (capped at 1), the rest unchanged.
    ///
    /// The calibration boosters only score held-out errors, and a slightly weaker model gives
    /// slightly larger scores, so intervals stay honest (on the validation split of M3 monthly:
    /// 78.0% / 93.6% coverage at 80% / 95% against 77.8% / 93.3% with the full 300 trees) for
    /// 40% of the pass's time. The final boosters, which forecast, keep ``trees`` and
    /// ``learningRate``.
    public var calibration: GlobalBoostingParameters {
        var calibration = self
        calibration.trees = max(1, trees / 3)
        calibration.learningRate = min(1, learningRate * 3)
        return calibration
    }

    /// The direct boosters of the default global model (``GlobalTrainingOptions``): 100 trees
    /// of depth 4 at learning rate 0.15, the rest as the defaults. Alone they forecast worse
    /// than the deep default (validation V1 14.73 against 14.39 sMAPE in the fifth pass's
    /// sketch); averaged with the recursive booster they forecast about as well.
    public static let lightDirect = GlobalBoostingParameters(trees: 100, learningRate: 0.15, maximumDepth: 4)

    /// The parameters as XGBoost names them, in the order they are set.
    var xgboostParameters: [(String, String)] {
        var parameters: [(String, String)] = [
            ("booster", "gbtree"), ("tree_method", "hist"), ("nthread", String(threads)), ("seed", String(seed)),
            ("eta", String(learningRate)), ("max_depth", String(maximumDepth)), ("subsample", String(rowSample)),
            ("colsample_bytree", String(columnSample)), ("max_bin", String(maximumBins)), ("base_score", "1"), ("verbosity", "0"),
        ]
        if let huberSlope {
            parameters += [("objective", "reg:pseudohubererror"), ("huber_slope", String(huberSlope))]
        } else {
            parameters.append(("objective", "reg:squarederror"))
        }
        return parameters
    }
}
