import ScorecastCore
import Testing

@testable import ScorecastTimeSeries

@Suite("ARIMA lag polynomials")
struct ARIMAPolynomialTests {
    struct Case: Sendable, CustomStringConvertible {
        let d: Int, seasonalD: Int, period: Int, expected: [Double]
        var description: String { "d=\(d) D=\(seasonalD) m=\(period)" }
    }

    /// (1 − B)ᵈ(1 − Bᵐ)ᴰ = 1 − Σ δ_k Bᵏ, by hand.
    @Test(arguments: [
        Case(d: 0, seasonalD: 0, period: 12, expected: []),
        Case(d: 1, seasonalD: 0, period: 12, expected: [1]),
        Case(d: 2, seasonalD: 0, period: 12, expected: [2, -1]),
        Case(d: 0, seasonalD: 1, period: 4, expected: [0, 0, 0, 1]),
        Case(d: 1, seasonalD: 1, period: 4, expected: [1, 0, 0, 1, -1]),
    ])
    func differencingOperator(_ c: Case) {
        #expect(ARIMAPolynomials.differencing(d: c.d, seasonalD: c.seasonalD, period: c.period) == c.expected)
    }

    /// (1 − 0.5B)(1 − 0.3B⁴) = 1 − 0.5B − 0.3B⁴ + 0.15B⁵ and (1 + 0.4B)(1 − 0.6B⁴) =
    /// 1 + 0.4B − 0.6B⁴ − 0.24B⁵.
    @Test func seasonalPartsMultiplyOut() {
        let ar = ARIMAPolynomials.autoregressive([0.5], seasonal: [0.3], period: 4)
        #expect(zip(ar, [0.5, 0, 0, 0.3, -0.15]).allSatisfy { abs($0 - $1) < 1e-15 })
        let ma = ARIMAPolynomials.movingAverage([0.4], seasonal: [-0.6], period: 4)
        #expect(zip(ma, [0.4, 0, 0, -0.6, -0.24]).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    /// ψ-weights of ARIMA(1,1,0), φ = 0.5: ψ_j = (1 − 0.5^{j+1}) / 0.5 = 1, 1.5, 1.75, 1.875.
    @Test func psiWeightsOfAnIntegratedAR1() {
        let a = ARIMAPolynomials.multiplyAutoregressive([0.5], [1])
        let psi = ARIMAPolynomials.psiWeights(autoregressive: a, movingAverage: [], count: 4)
        #expect(zip(psi, [1, 1.5, 1.75, 1.875]).allSatisfy { abs($0 - $1) < 1e-14 })
    }

    /// 1 − 0.5z has its root at 2; 1 + 1.25z at 0.8; no coefficient left means no root.
    @Test func smallestRootModulus() {
        #expect(abs(ARIMAPolynomials.smallestRootModulus([0.5], sign: -1) - 2) < 1e-12)
        #expect(abs(ARIMAPolynomials.smallestRootModulus([1.25], sign: 1) - 0.8) < 1e-12)
        #expect(ARIMAPolynomials.smallestRootModulus([0, 1e-9], sign: 1) == .infinity)
    }
}
