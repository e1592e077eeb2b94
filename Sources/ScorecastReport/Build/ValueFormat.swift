import ScorecastCharts
import ScorecastData

/// Numbers as the report prints them, by the indicator's unit.
struct ValueFormat {
    var unit: IndicatorUnit

    /// A value: counts whole, percentages and rates to one decimal (`12.5%`, `41.3`).
    func callAsFunction(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch unit {
        case .count: return NumberText.format(value, decimals: abs(value) < 10 && value != value.rounded() ? 1 : 0)
        case .percent: return NumberText.format(value, decimals: 1) + "%"
        case .ratePer10k, .ratePer100k: return NumberText.format(value, decimals: 1)
        }
    }

    /// A percentage change, signed: `+20%`, `-15%`.
    static func change(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let rounded = value.rounded()
        return (rounded > 0 ? "+" : "") + NumberText.format(rounded) + "%"
    }

    /// What the values are, for axis titles.
    var axisLabel: String {
        switch unit {
        case .count: "Number"
        case .percent: "Percent"
        case .ratePer10k: "Rate per 10,000 aged 0-17"
        case .ratePer100k: "Rate per 100,000"
        }
    }
}
