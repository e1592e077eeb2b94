import Testing

@testable import ScorecastNumerics

/// Reference values from R 4.2.2: `qnorm(p)` and `pnorm(x)` printed with 17 significant digits.
@Suite("Normal distribution")
struct NormalTests {
    @Test(arguments: [
        (0.5, 0.0),
        (0.975, 1.9599639845400536),
        (0.9, 1.2815515655446008),
        (0.001, -3.0902323061678132),
        (1e-10, -6.3613409024040557),
        (0.999, 3.0902323061678132),
    ])
    func quantileMatchesR(p: Double, expected: Double) {
        let value = Normal.standardQuantile(p)
        #expect(abs(value - expected) <= 1e-14 * max(1, abs(expected)))
    }

    @Test(arguments: [(-1.959963984540054, 0.025), (0.0, 0.5), (-8.0, 6.2209605742717849e-16), (3.0, 0.9986501019683699)])
    func cdfMatchesR(x: Double, expected: Double) {
        #expect(abs(Normal.cdf(x) - expected) <= 1e-14 * expected)
    }

    @Test func quantileEdges() {
        #expect(Normal.standardQuantile(0) == -.infinity)
        #expect(Normal.standardQuantile(1) == .infinity)
        #expect(Normal.standardQuantile(1.5).isNaN)
    }
}

@Suite("Xoshiro256**")
struct XoshiroTests {
    @Test func sameSeedSameSequence() {
        var a = Xoshiro256StarStar(seed: 42)
        var b = Xoshiro256StarStar(seed: 42)
        var c = Xoshiro256StarStar(seed: 43)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }
}
