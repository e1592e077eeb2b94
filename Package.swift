// swift-tools-version: 6.1
// Scorecast: seasonal forecasting, demand projection and comparator tables for
// children's services performance scorecards.
//
// Modules, lowest first; dependencies point one way only:
//   CLapack                system LAPACKE + CBLAS (OpenBLAS)
//   CSystemZlib            system zlib (the .xlsx reader's bounded raw inflate)
//   CXGBoost               system XGBoost C API (the global gradient-boosted model)
//   ScorecastNumerics      linear algebra, optimisers, distributions
//   ScorecastCore          periods, series, calendar dates, the located data error
//   ScorecastTimeSeries    the model protocol, model specifications, the forecasting
//                          pipeline, one folder per model family
//   ScorecastSPC           XmR statistical process control (Making Data Count)
//   ScorecastCharts        accessible SVG charts from plain values (no dependencies)
//   ScorecastData          tidy CSV codec, indicator catalogue, scorecard import, EES CSVs, .xlsx
//                          (Core, ZIPFoundation and CSystemZlib only)
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
        .library(name: "ScorecastCore", targets: ["ScorecastCore"]),
        .library(name: "ScorecastTimeSeries", targets: ["ScorecastTimeSeries"]),
        .library(name: "ScorecastSPC", targets: ["ScorecastSPC"]),
        .library(name: "ScorecastCharts", targets: ["ScorecastCharts"]),
        .library(name: "ScorecastData", targets: ["ScorecastData"]),
        .library(name: "ScorecastComparators", targets: ["ScorecastComparators"]),
        .library(name: "ScorecastReport", targets: ["ScorecastReport"]),
        .library(name: "ScorecastProjection", targets: ["ScorecastProjection"]),
        .executable(name: "scorecast-quickstart", targets: ["ScorecastQuickStart"]),
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
        .systemLibrary(name: "CSystemZlib", path: "Sources/CSystemZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CXGBoost", path: "Sources/CXGBoost", providers: [.apt(["libxgboost-dev"])]),
        .target(name: "ScorecastNumerics", dependencies: ["CLapack"]),
        .target(name: "ScorecastCore"),
        .target(name: "ScorecastTimeSeries", dependencies: ["ScorecastCore", "ScorecastNumerics", "CXGBoost"]),
        .target(name: "ScorecastSPC", dependencies: ["ScorecastCore", "ScorecastTimeSeries"]),
        .target(name: "ScorecastCharts"),
        .target(name: "ScorecastData", dependencies: ["ScorecastCore", "CSystemZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ScorecastComparators", dependencies: ["ScorecastCore", "ScorecastData", "ScorecastNumerics"]),
        .target(
            name: "ScorecastReport",
            dependencies: [
                "ScorecastCore", "ScorecastNumerics", "ScorecastTimeSeries", "ScorecastData", "ScorecastSPC", "ScorecastCharts",
                "ScorecastComparators", "ScorecastProjection",
            ]
        ),
        .target(name: "ScorecastProjection", dependencies: ["ScorecastCore", "ScorecastData", "ScorecastTimeSeries", "ScorecastNumerics"]),
        .executableTarget(
            name: "ScorecastCLI",
            dependencies: [
                "ScorecastCore", "ScorecastNumerics", "ScorecastTimeSeries", "ScorecastData", "ScorecastComparators", "ScorecastSPC",
                "ScorecastCharts", "ScorecastReport", "ScorecastProjection",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The README's library quick start; .ci/run builds and runs it.
        .executableTarget(name: "ScorecastQuickStart", dependencies: ["ScorecastCore", "ScorecastTimeSeries"], path: "Examples/QuickStart"),
        .target(
            name: "ScorecastTestSupport", dependencies: ["ScorecastCore", "ScorecastTimeSeries", "ScorecastNumerics"],
            path: "Tests/ScorecastTestSupport"
        ),
        .testTarget(name: "ScorecastNumericsTests", dependencies: ["ScorecastNumerics"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScorecastCoreTests", dependencies: ["ScorecastCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScorecastTimeSeriesTests",
            dependencies: ["ScorecastCore", "ScorecastTimeSeries", "ScorecastNumerics", "ScorecastTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ScorecastSPCTests", dependencies: ["ScorecastCore", "ScorecastSPC"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ScorecastChartsTests", dependencies: ["ScorecastCharts", "ScorecastTestSupport"]),
        .testTarget(
            name: "ScorecastDataTests",
            dependencies: ["ScorecastCore", "ScorecastData", "ScorecastNumerics", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ScorecastComparatorsTests", dependencies: ["ScorecastCore", "ScorecastComparators", "ScorecastData", "ScorecastNumerics"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ScorecastReportTests",
            dependencies: ["ScorecastCore", "ScorecastReport", "ScorecastData", "ScorecastTimeSeries", "ScorecastTestSupport"]
        ),
        .testTarget(
            name: "ScorecastProjectionTests", dependencies: ["ScorecastCore", "ScorecastProjection", "ScorecastData", "ScorecastTimeSeries"]),
        .testTarget(
            name: "ScorecastCLITests",
            dependencies: [
                "ScorecastCLI", "ScorecastCore", "ScorecastData", "ScorecastTimeSeries", "ScorecastTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)
