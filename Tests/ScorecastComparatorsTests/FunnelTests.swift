import Testing

@testable import ScorecastComparators

@Suite("Funnel limits")
struct FunnelTests {
    static let table = FixtureTable("funnel-limits")

    /// Spiegelhalter's interpolated exact limits equal the same formula in R (qpois/ppois,
    /// qbinom/pbinom).
    @Test(arguments: FunnelTests.table.rows)
    func exactLimitsMatchR(row: [String]) {
        let t = Self.table
        let model: FunnelLimits.Model = t.text(row, "model") == "poisson" ? .poisson : .binomial
        let limits = FunnelLimits.limits(
            confidence: t.number(row, "confidence"), target: t.number(row, "target"),
            denominator: t.number(row, "denominator"), model: model)
        #expect(isClose(limits.lower, t.number(row, "lower"), relative: 1e-9, floor: 1e-12))
        #expect(isClose(limits.upper, t.number(row, "upper"), relative: 1e-9))
    }

    /// Without overdispersion the estimate is near 1; units drawn with extra variation push
    /// φ̂ above 1, widen the multiplicative limits by √φ̂ and give a positive τ̂².
    @Test func dispersionEstimates() {
        let target = 0.01
        let denominators = (0..<40).map { 2000.0 + 500 * Double($0) }
        // Values exactly on target ± 1 standard error alternately: φ̂ = 1 (no winsorising effect).
        let onTarget = denominators.enumerated().map { index, n in
            target + (index.isMultiple(of: 2) ? 1 : -1) * FunnelLimits.standardError(target: target, denominator: n, model: .poisson)
        }
        let calm = FunnelLimits.dispersion(values: onTarget, denominators: denominators, target: target, model: .poisson)
        #expect(abs(calm.phi - 1) < 1e-12)
        #expect(calm.tauSquared == 0)
        // Three standard errors each way: φ̂ = 9.
        let wild = denominators.enumerated().map { index, n in
            target + (index.isMultiple(of: 2) ? 3 : -3) * FunnelLimits.standardError(target: target, denominator: n, model: .poisson)
        }
        let dispersed = FunnelLimits.dispersion(values: wild, denominators: denominators, target: target, model: .poisson)
        #expect(abs(dispersed.phi - 9) < 1e-9)
        #expect(dispersed.tauSquared > 0)
        let plain = FunnelLimits.limits(
            confidence: 0.95, target: target, denominator: 4000, model: .poisson,
            overdispersion: .multiplicative, dispersion: calm)
        let exact = FunnelLimits.limits(confidence: 0.95, target: target, denominator: 4000, model: .poisson)
        #expect(plain == exact)
        let widened = FunnelLimits.limits(
            confidence: 0.95, target: target, denominator: 4000, model: .poisson,
            overdispersion: .multiplicative, dispersion: dispersed)
        let s = FunnelLimits.standardError(target: target, denominator: 4000, model: .poisson)
        #expect(abs(widened.upper - (target + 1.959963984540054 * 3 * s)) < 1e-15)
        let additive = FunnelLimits.limits(
            confidence: 0.95, target: target, denominator: 4000, model: .poisson,
            overdispersion: .additive, dispersion: dispersed)
        #expect(additive.upper > exact.upper)
    }

    /// Limits narrow as the denominator grows and always contain the target.
    @Test func funnelShape() {
        var previous = (lower: 0.0, upper: Double.infinity)
        for n in [100.0, 1000, 10000, 100000] {
            let limits = FunnelLimits.limits(confidence: 0.998, target: 0.2, denominator: n, model: .binomial)
            #expect(limits.lower <= 0.2 && 0.2 <= limits.upper)
            #expect(limits.lower >= previous.lower && limits.upper <= previous.upper)
            previous = limits
        }
    }
}
