import ScorecastNumerics
import Testing

/// Sample quantiles against R 4.2.2:
/// `x <- c(1, 2, 3, 4, 10, 12, 15, 20, 21, 30); quantile(x, p, type = 7)` and `type = 8`.
@Suite("Sample quantiles")
struct SampleQuantileTests {
    static let sample: [Double] = [1, 2, 3, 4, 10, 12, 15, 20, 21, 30]

    @Test(arguments: [
        (0.0, 1.0, 1.0), (0.025, 1.2250000000000001, 1.0), (0.1, 1.8999999999999999, 1.3666666666666665),
        (0.5, 11.0, 10.999999999999998), (0.9, 21.899999999999995, 26.699999999999996),
        (0.975, 27.975000000000001, 30.0), (1.0, 30.0, 30.0),
    ])
    func matchesR(probability: Double, type7: Double, type8: Double) {
        #expect(abs(SampleQuantile.type7(sorted: Self.sample, probability: probability) - type7) <= 1e-12 * max(1, abs(type7)))
        #expect(abs(SampleQuantile.type8(sorted: Self.sample, probability: probability) - type8) <= 1e-12 * max(1, abs(type8)))
    }

    @Test(arguments: [SampleQuantile.type7, .type8])
    func emptyIsNaNAndOneValueIsItself(type: SampleQuantile) {
        #expect(type(sorted: [], probability: 0.5).isNaN)
        #expect(type(sorted: [4], probability: 0.1) == 4)
    }
}
