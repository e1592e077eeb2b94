import Testing

@testable import ScorecastNumerics

/// Standard test functions with known minima (Moré, Garbow and Hillstrom, "Testing
/// unconstrained optimization software", ACM TOMS 7 (1981) 17–41).
@Suite("Nelder–Mead")
struct NelderMeadTests {
    static func rosenbrock(_ p: [Double]) -> Double {
        let a = 1 - p[0]
        let b = p[1] - p[0] * p[0]
        return a * a + 100 * b * b
    }

    @Test func rosenbrockFromTheClassicStart() {
        var options = NelderMead.Options()
        options.maximumEvaluations = 5_000
        options.relativeTolerance = 1e-14
        let result = NelderMead(options: options).minimize(start: [-1.2, 1], objective: Self.rosenbrock)
        #expect(result.converged)
        #expect(abs(result.point[0] - 1) < 1e-5)
        #expect(abs(result.point[1] - 1) < 1e-5)
        #expect(result.value < 1e-10)
    }

    @Test func rosenbrockWithRsInitialSimplexAndAdaptiveCoefficients() {
        var options = NelderMead.Options()
        options.maximumEvaluations = 5_000
        options.relativeTolerance = 1e-14
        options.initialSimplex = .uniform(fraction: 0.1)
        options.adaptive = true
        let result = NelderMead(options: options).minimize(start: [-1.2, 1], objective: Self.rosenbrock)
        #expect(abs(result.point[0] - 1) < 1e-5 && abs(result.point[1] - 1) < 1e-5)
    }

    /// `(x − 2)² + (y + 1)² + (z − 0.5)²` on `[0, 1]³`: the optimum `(1, 0, 0.5)` has two
    /// coordinates on a bound and one inside.
    @Test func optimumOnTheBounds() {
        var options = NelderMead.Options()
        options.relativeTolerance = 1e-12
        options.maximumEvaluations = 2_000
        var outside = false
        let result = NelderMead(options: options).minimize(start: [0.5, 0.5, 0.5], lower: [0, 0, 0], upper: [1, 1, 1]) { p in
            if p.enumerated().contains(where: { $0.element < 0 || $0.element > 1 }) { outside = true }
            return (p[0] - 2) * (p[0] - 2) + (p[1] + 1) * (p[1] + 1) + (p[2] - 0.5) * (p[2] - 0.5)
        }
        #expect(!outside, "the objective must only be evaluated inside the box")
        #expect(abs(result.point[0] - 1) < 1e-6)
        #expect(abs(result.point[1] - 0) < 1e-6)
        #expect(abs(result.point[2] - 0.5) < 1e-4)
        #expect(abs(result.value - 2) < 1e-7)
    }

    /// Rosenbrock restricted to `x ≤ 0.5`: the constrained minimum is at `x = 0.5, y = 0.25`.
    @Test func rosenbrockWithAnActiveUpperBound() {
        var options = NelderMead.Options()
        options.maximumEvaluations = 5_000
        options.relativeTolerance = 1e-14
        let result = NelderMead(options: options).minimize(
            start: [-1.2, 1], lower: [-2, -2], upper: [0.5, 2], objective: Self.rosenbrock
        )
        #expect(abs(result.point[0] - 0.5) < 1e-6)
        #expect(abs(result.point[1] - 0.25) < 1e-5)
        #expect(abs(result.value - 0.25) < 1e-9)
    }

    @Test func startOutsideTheBoxIsClampedAndStartOnABoundStillSpansTheSpace() {
        // A start on the upper bound: the proportional step would leave the box, so the
        // first simplex steps inward instead of collapsing.
        let result = NelderMead().minimize(start: [5, 1], lower: [0, 0], upper: [1, 1]) { p in
            (p[0] - 0.3) * (p[0] - 0.3) + (p[1] - 0.6) * (p[1] - 0.6)
        }
        #expect(abs(result.point[0] - 0.3) < 1e-3)
        #expect(abs(result.point[1] - 0.6) < 1e-3)
    }

    @Test func evaluationCapStopsWithoutConvergence() {
        var options = NelderMead.Options()
        options.maximumEvaluations = 20
        let result = NelderMead(options: options).minimize(start: [-1.2, 1], objective: Self.rosenbrock)
        #expect(!result.converged)
        #expect(result.evaluations <= 20 + 3)
        #expect(result.value <= Self.rosenbrock([-1.2, 1]))
    }

    @Test func standardDeviationToleranceAsStatsforecast() {
        var options = NelderMead.Options()
        options.relativeTolerance = 0
        options.standardDeviationTolerance = 1e-10
        options.maximumEvaluations = .max
        let result = NelderMead(options: options).minimize(start: [3, -2]) { p in
            p[0] * p[0] + 4 * p[1] * p[1] + 1
        }
        #expect(result.converged)
        #expect(abs(result.value - 1) < 1e-8)
    }

    @Test func nanIsTreatedAsWorseThanAnything() {
        let result = NelderMead().minimize(start: [2]) { p in
            p[0] < 1 ? .nan : (p[0] - 1.5) * (p[0] - 1.5)
        }
        #expect(abs(result.point[0] - 1.5) < 1e-3)
    }

    @Test func absoluteToleranceStopsEarly() {
        var options = NelderMead.Options()
        options.absoluteTolerance = 0.5
        let result = NelderMead(options: options).minimize(start: [3]) { p in p[0] * p[0] }
        #expect(result.converged)
        #expect(result.value <= 0.5)
    }
}
