import Foundation
import Testing

@testable import ScorecastNumerics

/// One row of `Fixtures/distributions.csv`, made by `scripts/fixtures/distributions.R`
/// (base R 4.2 `qchisq`, `pchisq`, `qgamma`, `qbeta`, `pbeta`, `qf`, `qpois`, `ppois`,
/// `qbinom`, `pbinom`, and the Garwood and Clopper–Pearson limits written with them).
struct DistributionReference: CustomStringConvertible, Sendable {
    let function: String
    let x: Double
    let a: Double
    let b: Double
    let expected: Double

    var description: String { "\(function)(\(x), \(a), \(b)) = \(expected)" }

    static let all: [DistributionReference] = {
        guard let url = Bundle.module.url(forResource: "distributions", withExtension: "csv", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return DistributionReference(
                function: fields[0], x: Double(fields[1]) ?? .nan, a: Double(fields[2]) ?? .nan,
                b: Double(fields[3]) ?? .nan, expected: Double(fields[4]) ?? .nan)
        }
    }()

    /// The Scorecast value for this row.
    var computed: Double {
        switch function {
        case "qchisq": ChiSquared.quantile(x, degreesOfFreedom: a)
        case "pchisq": ChiSquared.cdf(x, degreesOfFreedom: a)
        case "pchisq_upper": ChiSquared.survival(x, degreesOfFreedom: a)
        case "qgamma": GammaDistribution.quantile(x, shape: a)
        case "qbeta": BetaDistribution.quantile(x, a: a, b: b)
        case "pbeta": BetaDistribution.cdf(x, a: a, b: b)
        case "qf": FDistribution.quantile(x, numeratorDegrees: a, denominatorDegrees: b)
        case "qpois": Poisson.quantile(x, mean: a)
        case "ppois": Poisson.cdf(x, mean: a)
        case "qbinom": Binomial.quantile(x, trials: a, probability: b)
        case "pbinom": Binomial.cdf(x, trials: a, probability: b)
        case "poisson_lower": Poisson.exactInterval(count: x, confidence: a).lower
        case "poisson_upper": Poisson.exactInterval(count: x, confidence: a).upper
        case "clopper_lower": Binomial.exactInterval(successes: x, trials: a, confidence: b).lower
        case "clopper_upper": Binomial.exactInterval(successes: x, trials: a, confidence: b).upper
        default: .nan
        }
    }
}

@Suite("Distributions against R")
struct DistributionsTests {
    @Test func fixtureLoaded() {
        #expect(DistributionReference.all.count > 500)
    }

    /// Every function agrees with R to 1e-12 relative (discrete quantiles exactly).
    @Test(arguments: DistributionReference.all)
    func matchesR(reference: DistributionReference) {
        let value = reference.computed
        let scale = max(abs(reference.expected), 1e-300)
        #expect(abs(value - reference.expected) <= 1e-12 * scale, "got \(value)")
    }

    @Test func quantileInvertsDistributionFunction() {
        for shape in [0.2, 1.0, 7.5, 300.0] {
            for p in [1e-8, 0.01, 0.3, 0.7, 0.99] {
                let x = GammaDistribution.quantile(p, shape: shape)
                #expect(abs(GammaDistribution.cdf(x, shape: shape) - p) <= 1e-13 * max(p, 1e-3))
            }
        }
        for (a, b) in [(0.4, 0.6), (3.0, 3.0), (50.0, 2.0)] {
            for p in [1e-6, 0.2, 0.5, 0.95] {
                let x = BetaDistribution.quantile(p, a: a, b: b)
                #expect(abs(BetaDistribution.cdf(x, a: a, b: b) - p) <= 1e-13)
            }
        }
    }

    @Test func edges() {
        #expect(ChiSquared.quantile(0, degreesOfFreedom: 3) == 0)
        #expect(ChiSquared.quantile(1, degreesOfFreedom: 3) == .infinity)
        #expect(ChiSquared.quantile(0.5, degreesOfFreedom: 0) == 0)
        #expect(ChiSquared.quantile(1.2, degreesOfFreedom: 3).isNaN)
        #expect(GammaDistribution.quantile(0.5, shape: -1).isNaN)
        #expect(BetaDistribution.quantile(0, a: 2, b: 3) == 0)
        #expect(BetaDistribution.quantile(1, a: 2, b: 3) == 1)
        #expect(Poisson.exactInterval(count: 0, confidence: 0.95).lower == 0)
        #expect(Binomial.exactInterval(successes: 7, trials: 7, confidence: 0.95).upper == 1)
        #expect(Poisson.cdf(-1, mean: 2) == 0)
        #expect(Binomial.cdf(12, trials: 10, probability: 0.4) == 1)
    }
}
