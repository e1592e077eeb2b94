import Testing

@testable import ScorecastNumerics

/// Moment checks for the samplers: with 200,000 seeded draws, the sample mean and variance
/// must lie within 5 standard errors of the exact values. (A wrong sampler misses these by
/// far more; a right one fails them with probability below 1e-6.)
@Suite("Random variates")
struct RandomVariatesTests {
    static let draws = 200_000

    /// Checks mean and variance against their exact values with a 5-standard-error band.
    /// The variance's standard error uses the fourth central moment `mu4`.
    func checkMoments(_ samples: [Double], mean: Double, variance: Double, fourthCentralMoment mu4: Double) {
        let n = Double(samples.count)
        let sampleMean = samples.reduce(0, +) / n
        let sampleVariance = samples.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) } / (n - 1)
        #expect(abs(sampleMean - mean) <= 5 * (variance / n).squareRoot(), "mean \(sampleMean) vs \(mean)")
        let varianceStandardError = ((mu4 - variance * variance) / n).squareRoot()
        #expect(abs(sampleVariance - variance) <= 5 * varianceStandardError, "variance \(sampleVariance) vs \(variance)")
    }

    @Test(arguments: [0.3, 2.5, 9.9, 10.0, 37.0, 1500.0])
    func poissonMoments(mean: Double) {
        var generator = Xoshiro256StarStar(seed: 7)
        let samples = (0..<Self.draws).map { _ in Double(RandomVariates.poisson(mean: mean, using: &generator)) }
        #expect(samples.allSatisfy { $0 >= 0 })
        checkMoments(samples, mean: mean, variance: mean, fourthCentralMoment: mean * (1 + 3 * mean))
    }

    @Test(arguments: [(500, 0.03), (20, 0.4), (500, 0.7), (10_000, 0.25), (3, 0.999)])
    func binomialMoments(trials: Int, probability: Double) {
        var generator = Xoshiro256StarStar(seed: 11)
        let samples = (0..<Self.draws).map { _ in
            Double(RandomVariates.binomial(trials: trials, probability: probability, using: &generator))
        }
        #expect(samples.allSatisfy { $0 >= 0 && $0 <= Double(trials) })
        let n = Double(trials), p = probability, q = 1 - p
        let variance = n * p * q
        checkMoments(
            samples, mean: n * p, variance: variance,
            fourthCentralMoment: variance * (1 + 3 * (n - 2) * p * q))
    }

    @Test(arguments: [(0.4, 2.0), (1.0, 1.0), (7.5, 0.2)])
    func gammaMoments(shape: Double, scale: Double) {
        var generator = Xoshiro256StarStar(seed: 13)
        let samples = (0..<Self.draws).map { _ in RandomVariates.gamma(shape: shape, scale: scale, using: &generator) }
        #expect(samples.allSatisfy { $0 > 0 })
        let scale4 = scale * scale * scale * scale
        checkMoments(
            samples, mean: shape * scale, variance: shape * scale * scale,
            fourthCentralMoment: 3 * shape * (shape + 2) * scale4)
    }

    @Test(arguments: [(15.0, 20.0), (3.0, 0.8)])
    func negativeBinomialMoments(mean: Double, size: Double) {
        var generator = Xoshiro256StarStar(seed: 17)
        let samples = (0..<Self.draws).map { _ in
            Double(RandomVariates.negativeBinomial(mean: mean, size: size, using: &generator))
        }
        let variance = mean + mean * mean / size
        let p = size / (size + mean)
        // Fourth central moment of NB(r, p): r(1-p)(6 - 6p + p² + 3r(1-p)) / p⁴.
        let mu4 = size * (1 - p) * (6 - 6 * p + p * p + 3 * size * (1 - p)) / (p * p * p * p)
        checkMoments(samples, mean: mean, variance: variance, fourthCentralMoment: mu4)
    }

    @Test func standardNormalMoments() {
        var generator = Xoshiro256StarStar(seed: 19)
        let samples = (0..<Self.draws).map { _ in RandomVariates.standardNormal(using: &generator) }
        checkMoments(samples, mean: 0, variance: 1, fourthCentralMoment: 3)
    }
}
