// swift-tools-version: 6.1
// Scorecast's benchmarks: a separate package (package-benchmark) that depends on the library
// by path, so `swift test` in the root never builds it.
//
// Run one suite:   cd Benchmarks && swift package benchmark --target LinearAlgebra
// Add a suite:     create Benchmarks/<Name>/<Name>.swift and add `benchmark("<Name>", using: [...])`
//                  to `targets` below (see README.md).
import PackageDescription

/// A benchmark executable over `Benchmarks/<name>/`, linking the listed Scorecast libraries.
func benchmark(_ name: String, using libraries: [String], local: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + libraries.map { .product(name: $0, package: "Scorecast") } + local,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "ScorecastBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Scorecast", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("LinearAlgebra", using: ["ScorecastNumerics"]),
        benchmark("Optimisation", using: ["ScorecastNumerics"]),
        .target(
            name: "M3Series",
            dependencies: [.product(name: "ScorecastCore", package: "Scorecast"), .product(name: "ScorecastTimeSeries", package: "Scorecast")],
            path: "Benchmarks/M3Series"),
        .target(
            name: "ReturnsFolder", dependencies: [.product(name: "ScorecastData", package: "Scorecast")], path: "Benchmarks/ReturnsFolder"),
        benchmark("ETS", using: ["ScorecastCore", "ScorecastTimeSeries"], local: ["M3Series"]),
        benchmark("Theta", using: ["ScorecastCore", "ScorecastTimeSeries"], local: ["M3Series"]),
        benchmark("Global", using: ["ScorecastCore", "ScorecastTimeSeries"], local: ["M3Series"]),
        benchmark("Automatic", using: ["ScorecastCore", "ScorecastTimeSeries"], local: ["M3Series"]),
        benchmark("Comparators", using: ["ScorecastComparators", "ScorecastCore", "ScorecastData"]),
        benchmark("Projection", using: ["ScorecastProjection", "ScorecastCore", "ScorecastTimeSeries", "ScorecastNumerics"]),
        benchmark("EESImport", using: ["ScorecastComparators", "ScorecastCore", "ScorecastData"]),
        benchmark(
            "SSDA903", using: ["ScorecastData", "ScorecastCore", "ScorecastProjection", "ScorecastTimeSeries", "ScorecastNumerics"],
            local: ["ReturnsFolder"]),
        benchmark("ObservationReading", using: ["ScorecastData", "ScorecastCore", "ScorecastTimeSeries", "ScorecastNumerics"]),
        benchmark("CINCensus", using: ["ScorecastData", "ScorecastProjection"], local: ["ReturnsFolder"]),
    ]
)
