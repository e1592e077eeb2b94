import ScorecastCore

/// Automatic choice among the theta models (`--model theta`): every candidate is fitted and
/// the one with the smallest mean squared one-step error over the common scored window
/// (`t ≥ 3`, where all four models have started) is kept, as statsforecast's `AutoTheta`
/// chooses by in-sample loss.
///
/// Reference: J. A. Fiorucci et al., IJF 32(4), 2016 (the four models); statsforecast
/// `AutoTheta` (selection by in-sample mean squared error).
public struct AutoTheta: ForecastModelSpec {
    /// The models to choose among.
    public var candidates: [ThetaVariant]

    public init(candidates: [ThetaVariant] = ThetaVariant.allCases) {
        precondition(!candidates.isEmpty, "AutoTheta needs at least one candidate")
        self.candidates = candidates
    }

    public var name: String { "theta" }

    public func fit(_ series: TimeSeries) throws -> FittedThetaModel {
        var best: (fit: FittedThetaModel, loss: Double)?
        for variant in candidates {
            let fit = try ThetaModel(variant).fit(series)
            let loss = Self.commonWindowLoss(fit)
            if best == nil || loss < best!.loss { best = (fit, loss) }
        }
        return best!.fit
    }

    /// Mean squared one-step error on the adjusted scale from `t = 3` on.
    static func commonWindowLoss(_ fit: FittedThetaModel) -> Double {
        let (fitted, _) = ThetaStateSpace.filter(fit.adjustment.adjusted, variant: fit.variant, parameters: fit.parameters)
        var sum = 0.0, count = 0
        for (value, mean) in zip(fit.adjustment.adjusted, fitted).dropFirst(2) {
            sum += (value - mean) * (value - mean)
            count += 1
        }
        return count > 0 ? sum / Double(count) : .infinity
    }
}
