// swift-tools-version: 6.1
// Scorecast: seasonal forecasting, demand projection and comparator tables for
// children's services performance scorecards.
//
// Modules, lowest first; dependencies point one way only:
//   CLapack                system LAPACKE + CBLAS (OpenBLAS)
//   ScorecastNumerics      linear algebra, optimisers, distributions
//   ScorecastTimeSeries    periods, series, the model protocol, model families
//   ScorecastSPC           XmR statistical process control (Making Data Count)
//   ScorecastCharts        accessible SVG charts from plain values (no dependencies)
//   ScorecastData          tidy CSV codec, indicator catalogue, scorecard import, EES CSVs, .xlsx (ZIPFoundation)
//   ScorecastComparators   rates, intervals, statistical-neighbour comparisons
//   ScorecastReport        the monthly HTML report (scorecard, SPC, explain, forecasts, charts)
//   ScorecastProjection    stock-flow demand projection, scenarios, costs
//   ScorecastCLI           the `scorecast` command
import PackageDescription

let package = Package(
    name: "Scorecast",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "scorecast", targets: ["ScorecastCLI"]),
        .library(name: "ScorecastNumerics", targets: ["ScorecastNumerics"]),
        .library(name: "ScorecastTimeSeries", targets: ["ScorecastTimeSeries"]),
        .library(name: "ScorecastSPC", targets: ["ScorecastSPC"]),
        .library(name: "ScorecastCharts", targets: ["ScorecastCharts"]),
        .library(name: "ScorecastData", targets: ["ScorecastData"]),
        .library(name: "ScorecastComparators", targets: ["ScorecastComparators"]),
        .library(name: "ScorecastReport", targets: ["ScorecastReport"]),
        .library(name: "ScorecastProjection", targets: ["ScorecastProjection"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLapack",
            path: "Sources/CLapack",
            providers: [.apt(["liblapack-dev", "libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "ScorecastNumerics", dependencies: ["CLapack"]),
        .target(name: "ScorecastTimeSeries", dependencies: ["ScorecastNumerics"]),
        .target(name: "ScorecastSPC", dependencies: ["ScorecastTimeSeries"]),
        .target(name: "ScorecastCharts"),
        .target(name: "ScorecastData", dependencies: ["ScorecastTimeSeries", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ScorecastComparators", dependencies: ["ScorecastData", "ScorecastNumerics"]),
        .target(
            name: "ScorecastReport",
            dependencies: ["ScorecastTimeSeries", "ScorecastData", "ScorecastSPC", "ScorecastCharts", "ScorecastComparators"]
        ),
        .target(name: "ScorecastProjection", dependencies: ["ScorecastData", "ScorecastTimeSeries", "ScorecastNumerics"]),
        .executableTarget(
            name: "ScorecastCLI",
            dependencies: [
                "ScorecastNumerics", "ScorecastTimeSeries", "ScorecastData", "ScorecastComparators", "ScorecastSPC", "ScorecastCharts",
                "ScorecastReport",
                "ScorecastProjection",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ScorecastNumericsTests", dependencies: ["ScorecastNumerics"], resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ScorecastTimeSeriesTests", dependencies: ["ScorecastTimeSeries"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScorecastGLMTests", dependencies: ["ScorecastTimeSeries", "ScorecastNumerics", "ScorecastTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ScorecastCalendarTests", dependencies: ["ScorecastTimeSeries"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ScorecastSPCTests", dependencies: ["ScorecastSPC"], resources: [.copy("Fixtures")]),
        .target(name: "ScorecastTestSupport", dependencies: ["ScorecastTimeSeries", "ScorecastNumerics"], path: "Tests/ScorecastTestSupport"),
        .testTarget(name: "ScorecastChartsTests", dependencies: ["ScorecastCharts", "ScorecastTestSupport"]),
        .testTarget(
            name: "ScorecastDataTests", dependencies: ["ScorecastData", "ScorecastTimeSeries", "ScorecastNumerics", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ScorecastCLITests",
            dependencies: ["ScorecastCLI", "ScorecastData", "ScorecastTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ScorecastReportTests", dependencies: ["ScorecastReport", "ScorecastTestSupport"]),
        .testTarget(
            name: "ScorecastComparatorsTests", dependencies: ["ScorecastComparators", "ScorecastData", "ScorecastNumerics"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ScorecastProjectionTests", dependencies: ["ScorecastProjection"]),
        .testTarget(name: "ScorecastThetaTests", dependencies: ["ScorecastTimeSeries"], resources: [.copy("Fixtures")]),
    ]
)
