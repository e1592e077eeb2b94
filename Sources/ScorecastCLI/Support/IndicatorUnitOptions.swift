import ArgumentParser
import ScorecastCore
import ScorecastData

/// `--indicators FILE`, shared by `forecast` and `explain`: which series are percentages.
struct IndicatorUnitOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Indicator catalogue CSV (code,unit,polarity,...; e.g. import-scorecard's indicators.csv): series whose unit is percent are modelled as percentages, within 0 to 100 (the calendar GLM on the logit scale).",
            valueName: "file"))
    var indicators: String?

    /// Each catalogued series' value bounds; empty without `--indicators`.
    func valueBounds() throws -> [String: ValueBounds] {
        guard let indicators else { return [:] }
        return try Indicator.read(path: indicators).valueBoundsByCode
    }

    /// The codes of the catalogue's percentage indicators; empty without `--indicators`.
    func percentSeries() throws -> Set<String> {
        guard let indicators else { return [] }
        return Set(try Indicator.read(path: indicators).filter { $0.unit == .percent }.map(\.code))
    }
}
