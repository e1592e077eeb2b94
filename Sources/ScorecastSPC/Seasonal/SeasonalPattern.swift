/// A series' usual seasonal pattern, one value per period, as a seasonal model estimates it.
///
/// Additive patterns are offsets (`value = level + seasonal`), multiplicative ones factors
/// (`value = level × seasonal`), as in classical decomposition (R `decompose`) and STL.
public enum SeasonalPattern: Sendable, Equatable {
    case additive([Double])
    case multiplicative([Double])

    /// The pattern's values.
    public var values: [Double] {
        switch self {
        case .additive(let values), .multiplicative(let values): values
        }
    }

    /// `value` with the pattern at `index` taken out.
    @inlinable public func adjust(_ value: Double, at index: Int) -> Double {
        switch self {
        case .additive(let values): value - values[index]
        case .multiplicative(let values): value / values[index]
        }
    }

    /// A seasonally adjusted `value` put back on the data's scale at `index`.
    @inlinable public func reseasonalise(_ value: Double, at index: Int) -> Double {
        switch self {
        case .additive(let values): value + values[index]
        case .multiplicative(let values): value * values[index]
        }
    }
}
