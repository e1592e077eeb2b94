import Testing

@testable import ScorecastNumerics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reference values from R 4.2.2 `optimize`, printed with 17 significant digits:
/// `optimize(function(x) cos(x), c(3, 4))`, `optimize(function(x) (x - 1/3)^2, c(0, 1))`,
/// `optimize(function(x) exp(x) - 3 * x, c(-2, 5), tol = 1e-10)`. Both implement Brent's
/// `localmin`, so the iterates agree and the points match far below the tolerance.
@Suite("Brent's minimiser")
struct BrentTests {
    @Test func cosineMatchesR() {
        let result = Brent.minimize(in: 3...4) { cos($0) }
        #expect(result.converged)
        #expect(abs(result.point - 3.14159480185140616) < 1e-12)
        #expect(abs(result.value - -0.99999999999769251) < 1e-15)
    }

    @Test func quadraticMatchesR() {
        let result = Brent.minimize(in: 0...1) { ($0 - 1.0 / 3) * ($0 - 1.0 / 3) }
        #expect(abs(result.point - 0.33333333333333331) < 1e-12)
    }

    @Test func tightToleranceMatchesRAndTheTrueMinimum() {
        let result = Brent.minimize(in: -2...5, tolerance: 1e-10) { exp($0) - 3 * $0 }
        #expect(abs(result.point - 1.09861229616923972) < 1e-12)
        // Near a minimum f is flat, so x is only determined to about √ε·|x| ≈ 1.6e-8.
        #expect(abs(result.point - log(3.0)) < 2e-8)
    }

    @Test(arguments: [(2.0, 5.0, 2.0), (-3.0, -1.0, -1.0)])
    func minimumOnAnEndOfTheInterval(lower: Double, upper: Double, expected: Double) {
        let result = Brent.minimize(in: lower...upper, tolerance: 1e-8) { $0 * $0 }
        #expect(abs(result.point - expected) < 1e-7)
    }

    @Test func iterationCap() {
        let result = Brent.minimize(in: 0...10, tolerance: 1e-12, maximumIterations: 3) { ($0 - 7) * ($0 - 7) }
        #expect(!result.converged)
        #expect(result.iterations == 3)
    }
}
