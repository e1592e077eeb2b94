import Testing

@testable import ScorecastNumerics

@Suite("BFGS")
struct BFGSTests {
    @Test func rosenbrockFromTheClassicStart() {
        var options = BFGS.Options()
        options.gradientStep = 1e-6
        options.maximumIterations = 500
        let result = BFGS(options: options).minimize(start: [-1.2, 1], objective: NelderMeadTests.rosenbrock)
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-4)
        #expect(abs(result.point[1] - 1) < 1e-4)
        #expect(result.value < 1e-8)
    }

    /// R 4.2.2, `optim(c(-1.2, 1), fr, method = "BFGS")` with no gradient function, printed
    /// with 17 digits: par 0.99980443323139745 0.99960838062348123, value 3.8273827561079511e-08,
    /// counts 118 function and 38 gradient evaluations (each gradient 4 evaluations here, so
    /// 118 + 4 · 38 = 270). The same algorithm, so the same iterates to rounding.
    @Test func rosenbrockMatchesR() {
        let result = BFGS().minimize(start: [-1.2, 1], objective: NelderMeadTests.rosenbrock)
        #expect(abs(result.point[0] - 0.99980443323139745) < 1e-9)
        #expect(abs(result.point[1] - 0.99960838062348123) < 1e-9)
        #expect(abs(result.value - 3.8273827561079511e-08) < 1e-12)
        #expect(result.iterations == 38)
        #expect(result.evaluations == 270)
    }

    /// A convex quadratic in 6 dimensions with a known minimiser.
    @Test func quadratic() {
        let centre: [Double] = [1, -2, 3, 0.5, -0.25, 10]
        let result = BFGS().minimize(start: [Double](repeating: 0, count: 6)) { p in
            var sum = 0.0
            for i in 0..<6 { sum += Double(i + 1) * (p[i] - centre[i]) * (p[i] - centre[i]) }
            return sum
        }
        #expect(result.converged)
        for i in 0..<6 { #expect(abs(result.point[i] - centre[i]) < 1e-5) }
    }

    @Test func nonFiniteStartStops() {
        let result = BFGS().minimize(start: [0]) { _ in .nan }
        #expect(!result.converged)
    }
}
