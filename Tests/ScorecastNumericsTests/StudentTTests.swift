import Testing

@testable import ScorecastNumerics

/// Reference values from R 4.2.2: `qt(p, df)` and `pt(x, df)` printed with 17 significant digits.
@Suite("Student t distribution")
struct StudentTTests {
    @Test(arguments: [
        (0.025, 1.0, -12.706204736174707), (0.995, 1, 63.656741162871526),
        (0.025, 2, -4.3026527297494637), (0.9, 2, 1.8856180831641269),
        (0.025, 3, -3.1824463052837091), (0.995, 3, 5.8409093097333544),
        (0.025, 5, -2.570581835636315), (0.1, 5, -1.4758840488244802),
        (0.025, 9.5, -2.2441374614922953), (0.995, 9.5, 3.2070156284394877),
        (0.025, 30, -2.0422724563012382), (0.9, 30, 1.3104150253913955),
        (0.025, 200, -1.9718962236339082), (0.995, 200, 2.6006344361915481),
    ])
    func quantileMatchesR(p: Double, degreesOfFreedom: Double, expected: Double) {
        let value = StudentT.quantile(p, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(value - expected) <= 1e-12 * abs(expected))
    }

    @Test(arguments: [(-2.0, 4.0, 0.058058261758407753), (0.5, 7, 0.6837964321553579), (3, 12, 0.99446665215698316)])
    func cdfMatchesR(x: Double, degreesOfFreedom: Double, expected: Double) {
        #expect(abs(StudentT.cdf(x, degreesOfFreedom: degreesOfFreedom) - expected) <= 1e-13 * expected)
    }

    @Test func edges() {
        #expect(StudentT.quantile(0, degreesOfFreedom: 4) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 4) == .infinity)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 4) == 0)
        #expect(StudentT.quantile(0.3, degreesOfFreedom: 0).isNaN)
    }
}
