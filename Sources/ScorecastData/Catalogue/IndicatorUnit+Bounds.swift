import ScorecastCore

extension IndicatorUnit {
    /// The values an indicator of this unit can take: percentages within 0 to 100; counts and
    /// rates floored at zero (when the series has no negative value).
    public var valueBounds: ValueBounds {
        switch self {
        case .percent: .percentage
        case .count, .ratePer10k, .ratePer100k: .nonNegativeIfObservedSo
        }
    }
}

extension Array where Element == Indicator {
    /// Each indicator's value bounds by code.
    public var valueBoundsByCode: [String: ValueBounds] {
        Dictionary(map { ($0.code, $0.unit.valueBounds) }, uniquingKeysWith: { first, _ in first })
    }
}
