// Reading tidy observations: 1,000,000 rows (1,000 monthly series of 1,000 months each, grouped
// by series, values with three decimals), streamed series by series and read whole.
// Run: cd Benchmarks && swift package benchmark --target ObservationReading
// Rows per second = 1,000,000 ÷ the time per iteration (quote CPU time on a loaded machine).
import Benchmark
import ScorecastCore
import ScorecastData
import ScorecastNumerics
import ScorecastTimeSeries

/// Writes the benchmark's input once: 1,000 series × 1,000 months, seeded.
func observationsFile(series: Int = 1_000, months: Int = 1_000) -> String {
    let path = "/tmp/scorecast-benchmark-observations-\(series)x\(months).csv"
    var generator = Xoshiro256StarStar(seed: 2021)
    var writer = CSVWriter()
    writer.writeRecord(["series", "period", "value"])
    for index in 0..<series {
        let name = "series-" + String(index)
        for month in 0..<months {
            let value = (Double.random(in: 0..<5_000, using: &generator) * 1_000).rounded() / 1_000
            writer.writeRecord([name, Period(year: 1900 + month / 12, month: month % 12 + 1).description, CSVNumber.format(value)])
        }
    }
    try! OutputFile.write(writer.bytes, to: path)
    return path
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(20),
        maxIterations: 10
    )
    let path = observationsFile()

    Benchmark("Read 1,000,000 observation rows, streamed by series (nextSeries)") { benchmark in
        for _ in benchmark.scaledIterations {
            let reader = try ObservationReader(path: path)
            var rows = 0
            while let series = try reader.nextSeries() { rows += series.series.count }
            precondition(rows == 1_000_000)
            blackHole(rows)
        }
    }

    Benchmark("Read 1,000,000 observation rows whole (readAll)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ObservationReader(path: path).readAll())
        }
    }

    Benchmark("Parse 1,000,000 CSV records (codec only)") { benchmark in
        for _ in benchmark.scaledIterations {
            let reader = try CSVReader(path: path)
            var records = 0
            while try reader.nextRecord() { records += 1 }
            blackHole(records)
        }
    }
}
