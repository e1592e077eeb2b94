import ScorecastCore

/// Exponential smoothing state-space models (ETS): the specification before it sees data.
///
/// An ETS model is named by its error, trend and seasonal components: `ETS(M,Ad,M)` has
/// multiplicative errors, an additive damped trend and multiplicative seasonality. A spec either
/// names one form (``form`` set: `ets:MAdM`) or leaves it to automatic selection (`ets`), which
/// fits every allowed form (by likelihood, see ``Estimator``) and keeps the one with the smallest
/// information criterion (AICc by default), as R's `forecast::ets()` does.
///
/// Parameters are estimated by ``Estimator/fast`` (a short likelihood search over the smoothing
/// parameters, initial states at R's heuristic values) unless ``Estimator/likeR`` is asked for, which
/// repeats R's joint search step for step. Other defaults follow R `forecast` 8.20: smoothing parameters in [1e-4, 0.9999] with
/// β ≤ α and γ ≤ 1 − α, φ in [0.8, 0.98], parameters also inside the admissible
/// (forecastable) region (`bounds = .both`), multiplicative trends excluded unless asked for,
/// and the "restricted" combinations (additive errors with a multiplicative component,
/// ETS(M,M,A)) never considered.
///
/// Reference: R. J. Hyndman, A. B. Koehler, J. K. Ord and R. D. Snyder, *Forecasting with
/// Exponential Smoothing: The State Space Approach*, Springer 2008; R. J. Hyndman and
/// Y. Khandakar, "Automatic time series forecasting: the forecast package for R",
/// *Journal of Statistical Software* 27(3), 2008.
public struct ETS: ForecastModelSpec, Hashable {
    /// How the error enters the observation equation.
    public enum ErrorType: Sendable, Hashable, CaseIterable {
        case additive, multiplicative
    }

    /// The trend component (damping is a separate flag of ``Form``).
    public enum TrendType: Sendable, Hashable, CaseIterable {
        case none, additive, multiplicative
    }

    /// The seasonal component.
    public enum SeasonType: Sendable, Hashable, CaseIterable {
        case none, additive, multiplicative
    }

    /// One member of the ETS family: error, trend (possibly damped) and season.
    public struct Form: Sendable, Hashable, CustomStringConvertible {
        public var error: ErrorType
        public var trend: TrendType
        /// Whether the trend is damped by φ (only with a trend).
        public var damped: Bool
        public var season: SeasonType

        public init(error: ErrorType, trend: TrendType, damped: Bool = false, season: SeasonType) {
            precondition(!damped || trend != .none, "A damped form needs a trend")
            self.error = error
            self.trend = trend
            self.damped = damped
            self.season = season
        }

        /// Parses the compact name R and the command line use: `ANN`, `AAdA`, `MAdM`, `MMdN` ...
        public init?(code: some StringProtocol) {
            var letters = Array(code.uppercased())
            guard letters.count == 3 || letters.count == 4 else { return nil }
            var damped = false
            if letters.count == 4 {
                guard letters[2] == "D" else { return nil }
                damped = true
                letters.remove(at: 2)
            }
            func component(_ letter: Character) -> Int? {
                switch letter {
                case "N": 0
                case "A": 1
                case "M": 2
                default: nil
                }
            }
            guard letters[0] == "A" || letters[0] == "M",
                let trend = component(letters[1]), let season = component(letters[2])
            else { return nil }
            if damped && trend == 0 { return nil }
            self.init(
                error: letters[0] == "A" ? .additive : .multiplicative,
                trend: [TrendType.none, .additive, .multiplicative][trend],
                damped: damped,
                season: [SeasonType.none, .additive, .multiplicative][season])
        }

        /// The compact name: `MAdM`.
        public var code: String {
            func letter(_ multiplicative: Bool, _ none: Bool) -> String { none ? "N" : (multiplicative ? "M" : "A") }
            return letter(error == .multiplicative, false)
                + letter(trend == .multiplicative, trend == .none) + (damped ? "d" : "")
                + letter(season == .multiplicative, season == .none)
        }

        /// R's printed name: `ETS(M,Ad,M)`.
        public var description: String {
            let characters = Array(code)
            let trend = damped ? String(characters[1...2]) : String(characters[1])
            return "ETS(\(characters[0]),\(trend),\(characters[characters.count - 1]))"
        }

        /// Whether any component is multiplicative.
        public var hasMultiplicativeComponent: Bool {
            error == .multiplicative || trend == .multiplicative || season == .multiplicative
        }

        /// The forms R's `restrict = TRUE` forbids: additive errors with a multiplicative trend
        /// or season (numerically unstable), and ETS(M,M,A).
        public var isRestricted: Bool {
            (error == .additive && (trend == .multiplicative || season == .multiplicative))
                || (error == .multiplicative && trend == .multiplicative && season == .additive)
        }
    }

    /// Where the smoothing parameters may lie while the likelihood is maximised.
    public enum Bounds: String, Sendable, Hashable, CaseIterable {
        /// The usual region: 0 < β ≤ α < 1, 0 < γ ≤ 1 − α, φ in its range.
        case usual
        /// The admissible region: the model is forecastable (characteristic roots inside
        /// the unit circle), Hyndman et al. (2008), ch. 10.
        case admissible
        /// Both at once (R's default).
        case both
    }

    /// The information criterion automatic selection minimises.
    public enum InformationCriterion: String, Sendable, Hashable, CaseIterable {
        case aic, aicc, bic
    }

    /// Lower and upper limits for α, β, γ, φ (R's `lower`, `upper`).
    public struct ParameterLimits: Sendable, Hashable {
        public var alpha: ClosedRange<Double>
        public var beta: ClosedRange<Double>
        public var gamma: ClosedRange<Double>
        public var phi: ClosedRange<Double>

        public init(
            alpha: ClosedRange<Double> = 1e-4...0.9999, beta: ClosedRange<Double> = 1e-4...0.9999,
            gamma: ClosedRange<Double> = 1e-4...0.9999, phi: ClosedRange<Double> = 0.8...0.98
        ) {
            self.alpha = alpha
            self.beta = beta
            self.gamma = gamma
            self.phi = phi
        }
    }

    /// How automatic selection turns the candidate fits into forecasts.
    public enum Combination: String, Sendable, Hashable, CaseIterable {
        /// The form with the smallest criterion forecasts alone (R's `ets()`).
        case selected
        /// Every candidate forecasts, weighted by its Akaike weight
        /// w ∝ exp(−Δ/2), Δ the criterion's distance from the best (Burnham and Anderson 2002;
        /// S. Kolassa, "Combining exponential smoothing forecasts using Akaike weights",
        /// *International Journal of Forecasting* 27(2), 2011). The fitted model is still the
        /// selected one; intervals are the weighted mixture's quantiles.
        case akaikeWeighted
    }

    /// How each form's parameters are estimated.
    public enum Estimator: String, Sendable, Hashable, CaseIterable {
        /// The default: a short likelihood search (bounded Nelder–Mead from R's starting
        /// values) over the smoothing parameters (α, β, γ, φ, at most four), the initial
        /// states held at R's heuristic values (`initstate()`: a classical decomposition and a
        /// line through the first seasons). About six times faster than ``likeR`` and, chosen
        /// on a validation split of the M3 monthly training data, more accurate
        /// (`ETS.fitFormFast`, `docs/engineering-notes/issue-17.md`).
        case fast
        /// R `forecast::ets()` step for step: the smoothing parameters and all initial states
        /// jointly (up to 17 coordinates) with R `optim`'s own Nelder–Mead from R's starting
        /// values, at most 2,000 evaluations. Reproduces R's fits and selections
        /// (`ets:like-r`).
        case likeR = "like-r"

        /// The cap on likelihood evaluations per form: 300 for ``fast`` (its search rarely
        /// needs more in four dimensions), R's 2,000 for ``likeR``.
        public var defaultMaximumEvaluations: Int {
            switch self {
            case .fast: 300
            case .likeR: 2000
            }
        }
    }

    /// The one form to fit, or `nil` to select automatically.
    public var form: Form?
    /// Consider multiplicative trends during automatic selection (off by default, as in R).
    public var allowsMultiplicativeTrend: Bool
    /// Skip the forms R's `restrict` forbids (see ``Form/isRestricted``).
    public var restrict: Bool
    /// Consider additive forms only.
    public var additiveOnly: Bool
    /// The parameter region searched.
    public var bounds: Bounds
    /// The criterion automatic selection minimises.
    public var criterion: InformationCriterion
    /// Limits on the smoothing parameters.
    public var limits: ParameterLimits
    /// Iteration cap of the Nelder–Mead search (function evaluations, as R's `maxit`).
    public var maximumEvaluations: Int
    /// Horizons averaged in the fitted model's `amse` (R's `nmse`, 1...30).
    public var nmse: Int
    /// Paths drawn for the simulated intervals of forms without analytic ones.
    public var simulationPaths: Int
    /// Selected model or Akaike-weighted candidates (automatic selection only).
    public var combination: Combination
    /// How each form's parameters are estimated.
    public var estimator: Estimator

    /// A spec; the defaults are R `forecast` 8.20's except the estimator (``Estimator/fast``;
    /// ``Estimator/likeR`` is R's own).
    public init(
        form: Form? = nil, allowsMultiplicativeTrend: Bool = false, restrict: Bool = true,
        additiveOnly: Bool = false, bounds: Bounds = .both, criterion: InformationCriterion = .aicc,
        limits: ParameterLimits = ParameterLimits(), maximumEvaluations: Int? = nil, nmse: Int = 3,
        simulationPaths: Int = 5000, combination: Combination = .selected, estimator: Estimator = .fast
    ) {
        precondition((1...30).contains(nmse), "nmse must be in 1...30")
        self.form = form
        self.allowsMultiplicativeTrend = allowsMultiplicativeTrend || form?.trend == .multiplicative
        self.restrict = restrict
        self.additiveOnly = additiveOnly
        self.bounds = bounds
        self.criterion = criterion
        self.limits = limits
        self.maximumEvaluations = maximumEvaluations ?? estimator.defaultMaximumEvaluations
        self.nmse = nmse
        self.simulationPaths = simulationPaths
        self.combination = combination
        self.estimator = estimator
    }

    /// A spec for the form named by `code` (`MAdM`), `nil` when the name is not a form.
    public init?(code: some StringProtocol) {
        guard let form = Form(code: code) else { return nil }
        self.init(form: form)
    }

    /// The command line's name: `ets`, `ets:select`, `ets:MAdM`, with `like-r` added for R's
    /// estimator (`ets:like-r` alone is R's `ets()`: selection with R's estimator).
    public var name: String {
        var options: [String] = []
        if let form {
            options.append(form.code)
        } else if combination == .selected && estimator != .likeR {
            options.append("select")
        }
        if estimator == .likeR {
            if form == nil && combination == .akaikeWeighted { options.append("weighted") }
            options.append(Estimator.likeR.rawValue)
        }
        return options.isEmpty ? "ets" : "ets:" + options.joined(separator: ",")
    }

    /// The largest seasonal period the models accept (R's limit).
    public static let maximumSeasonalPeriod = 24
}
