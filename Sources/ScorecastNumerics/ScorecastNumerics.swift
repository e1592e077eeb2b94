/// Numerical foundations for Scorecast.
///
/// Everything here works on `Double` and follows IEEE semantics: kernels do not throw on
/// bad data (a NaN in gives a NaN out), and programmer mistakes such as mismatched shapes
/// stop with a precondition. The heavy lifting is done by the system LAPACK and BLAS
/// (OpenBLAS on Debian) through the `CLapack` shim.
///
/// - ``Matrix``: a dense, column-major matrix value type.
/// - Optimisers: bounded Nelder–Mead, BFGS with numerical gradients, Brent's 1-D minimiser.
/// - Distributions: the quantile and distribution functions the models and intervals need.
/// - ``Xoshiro256StarStar``: a small, fast, seedable generator so results reproduce.
public enum ScorecastNumerics {
    /// The library version, shared by every module and printed by `scorecast --version`.
    public static let version = "0.1.0"
}
