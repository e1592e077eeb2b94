import Foundation

/// Maps a numeric domain onto a range of pixels, with "nice" tick values.
///
/// Ticks follow Heckbert's nice numbers (Graphics Gems, 1990): a step of 1, 2 or 5 × 10ᵏ
/// giving about `tickCount` ticks, and the domain widened to whole steps.
public struct LinearScale: Sendable, Equatable {
    public private(set) var domain: ClosedRange<Double>
    /// The pixel position of the domain's lower bound.
    public var rangeStart: Double
    /// The pixel position of the domain's upper bound (smaller than `rangeStart` for a
    /// vertical axis, whose values grow upwards).
    public var rangeEnd: Double
    /// Tick values, inside the (widened) domain.
    public private(set) var ticks: [Double]
    /// The distance between ticks.
    public private(set) var step: Double

    /// A scale over the finite values of `values` (and `including`), widened to nice ticks.
    /// An empty or constant domain is padded so the scale is never degenerate.
    public init(covering values: [Double], including: [Double] = [], from rangeStart: Double, to rangeEnd: Double, tickCount: Int = 5) {
        let finite = (values + including).filter(\.isFinite)
        var low = finite.min() ?? 0
        var high = finite.max() ?? 1
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = Self.niceNumber((high - low) / Double(max(1, tickCount - 1)), round: true)
        let first = (low / step).rounded(.down) * step
        let last = (high / step).rounded(.up) * step
        self.step = step
        self.domain = first...last
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
        var ticks: [Double] = []
        var tick = first
        while tick <= last + step * 1e-9 {
            ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        self.ticks = ticks
    }

    /// The pixel position of `value`.
    @inlinable public func position(_ value: Double) -> Double {
        let fraction = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return rangeStart + fraction * (rangeEnd - rangeStart)
    }

    /// Tick labels with the decimals the step needs.
    public var tickLabels: [String] {
        let decimals = NumberText.decimals(forStep: step)
        return ticks.map { NumberText.format($0, decimals: decimals) }
    }

    static func niceNumber(_ value: Double, round: Bool) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let exponent = floor(log10(value))
        let fraction = value / pow(10, exponent)
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : (fraction < 3 ? 2 : (fraction < 7 ? 5 : 10))
        } else {
            nice = fraction <= 1 ? 1 : (fraction <= 2 ? 2 : (fraction <= 5 ? 5 : 10))
        }
        return nice * pow(10, exponent)
    }
}
