import Benchmark
import Foundation
import ScorecastComparators
import ScorecastData

/// `scorecast compare --all-las` in process: every local authority × 13 measures × 16 years
/// (about 33,000 rows) from the bundled DfE files, as the command does it (read the three
/// CSVs, build the table, render the CSV), plus the table alone on data already loaded.
///
/// Run: `cd Benchmarks && swift package benchmark --target Comparators`
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("notebooks-data/dfe").path
    func load() throws -> AreaData {
        try AreaData.load(folder: folder)
    }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(20), maxIterations: 15)

    Benchmark("compare --all-las: load, table, CSV", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let data = try load()
            let table = ComparisonTable(data: data)
            let rows = table.rows(authorities: data.localAuthorityIndices, measures: data.catalogue.measures, years: data.years)
            var writer = CSVWriter()
            table.writeCSV(rows, to: &writer)
            blackHole(writer.bytes.count)
        }
    }

    Benchmark("compare --all-las: table only", configuration: configuration) { benchmark in
        let data = try load()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let table = ComparisonTable(data: data)
            blackHole(table.rows(authorities: data.localAuthorityIndices, measures: data.catalogue.measures, years: data.years).count)
        }
    }

    Benchmark("load the three DfE files", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try load().areas.count)
        }
    }
}
