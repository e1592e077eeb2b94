import Foundation
import ScorecastCore
import ScorecastNumerics
import Testing

@testable import ScorecastTimeSeries

@Suite("ETS admissibility")
struct ETSAdmissibilityTests {
    /// The Schur–Cohn test decides "every root within 1 + 1e-10" as the companion-matrix
    /// eigenvalues (R's polyroot check) do, over random seasonal parameter sets.
    @Test(arguments: [4, 12])
    func schurCohnAgreesWithEigenvalues(m: Int) {
        var generator = Xoshiro256StarStar(seed: 5)
        var decided = 0, inside = 0
        for _ in 0..<4000 {
            let alpha = Double.random(in: 0...1.2, using: &generator)
            let beta = Double.random(in: -0.2...0.8, using: &generator)
            let gamma = Double.random(in: -0.2...1.2, using: &generator)
            let phi = Double.random(in: 0.7...1, using: &generator)
            // Characteristic polynomial in increasing order (R's `polyroot` argument).
            var increasing = [phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1]
            increasing += [Double](repeating: alpha + beta - alpha * phi, count: m - 2)
            increasing += [alpha + beta - phi, 1]
            let roots = PolynomialRoots.roots(increasingCoefficients: increasing)
            let largest = roots.map(\.modulus).max()!
            if abs(largest - 1) < 1e-6 { continue }  // too close to call for either method
            var decreasing = Array(increasing.reversed())
            let schurCohn = decreasing.withUnsafeMutableBufferPointer { ETS.rootsWithinRadius($0, radius: 1 + 1e-10) }
            #expect(schurCohn == (largest <= 1 + 1e-10), "α \(alpha) β \(beta) γ \(gamma) φ \(phi): largest root \(largest)")
            decided += 1
            if schurCohn { inside += 1 }
        }
        #expect(decided > 3900)
        #expect(inside > 100 && inside < decided - 100)
    }

    @Test func nonSeasonalConditions() {
        let ann = ETS.Form(error: .additive, trend: .none, season: .none)
        #expect(ETS.isAdmissible(ETS.Parameters(alpha: 1.9), form: ann, m: 1))
        #expect(!ETS.isAdmissible(ETS.Parameters(alpha: 2.1), form: ann, m: 1))
        let aadn = ETS.Form(error: .additive, trend: .additive, damped: true, season: .none)
        #expect(ETS.isAdmissible(ETS.Parameters(alpha: 0.5, beta: 0.1, phi: 0.9), form: aadn, m: 1))
        #expect(!ETS.isAdmissible(ETS.Parameters(alpha: 0.5, beta: -0.1, phi: 0.9), form: aadn, m: 1))
    }

    @Test func usualBoundsKeepBetaBelowAlphaAndGammaBelowOneMinusAlpha() {
        let form = ETS.Form(error: .additive, trend: .additive, season: .additive)
        let limits = ETS.ParameterLimits()
        #expect(ETS.satisfiesBounds(ETS.Parameters(alpha: 0.3, beta: 0.1, gamma: 0.2), form: form, m: 12, limits: limits, bounds: .usual))
        #expect(!ETS.satisfiesBounds(ETS.Parameters(alpha: 0.3, beta: 0.4, gamma: 0.2), form: form, m: 12, limits: limits, bounds: .usual))
        #expect(!ETS.satisfiesBounds(ETS.Parameters(alpha: 0.3, beta: 0.1, gamma: 0.8), form: form, m: 12, limits: limits, bounds: .usual))
    }
}
