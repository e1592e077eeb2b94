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

    /// A value for the report's CSVs: to 0.1 for counts (expectations are not whole), to
    /// 0.01 for percentages and rates; whole numbers print whole. No float noise.
    func csv(_ value: Double) -> String {
        CSVNumber.rounded(value, places: unit.csvDecimalPlaces)
    }

    /// A model statistic (a probability, a share) for the report's CSVs: six significant digits.
    static func statistic(_ value: Double) -> String { CSVNumber.significant(value, digits: 6) }

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
