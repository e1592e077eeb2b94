import Foundation

@testable import ScorecastComparators

/// The bundled DfE data in `notebooks-data/dfe/`, loaded once for the suites that need it.
enum BundledData {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks-data/dfe")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static let data: AreaData? = try? AreaData.load(
        indicators: path("la_childrens_social_care_indicators.csv"),
        populations: path("ons_population_0_17_by_la.csv"),
        neighbours: path("statistical_neighbours.csv"),
        measures: path("measures.csv"))

    /// The bundled measures catalogue (`measures.csv`).
    static let catalogue: MeasureCatalogue = (try? MeasureCatalogue.read(path: path("measures.csv"))) ?? MeasureCatalogue()
}
