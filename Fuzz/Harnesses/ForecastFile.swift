import ScorecastCore
import ScorecastData

/// libFuzzer harness: the forecast-file reader used by `scorecast accuracy`, against fixed
/// training series `a` (monthly, 2020-01 to 2020-12) and `b` (quarterly, 2019-Q1 to 2020-Q4).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForecastFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.scratchFile(FuzzInput.bytes(data, size), suffix: ".csv")
    let training: [String: TimeSeries] = [
        "a": TimeSeries(start: Period(parsing: "2020-01")!, values: (1...12).map(Double.init)),
        "b": TimeSeries(start: Period(parsing: "2019-Q1")!, values: (1...8).map(Double.init)),
    ]
    let columns = ForecastFile.Columns(series: "unique_id", model: "model", period: "ds", step: "step", forecast: "forecast")
    if let file = try? ForecastFile.read(path: path, columns: columns, training: training) {
        for model in file.models { _ = file.entries(of: model).count }
    }
    return 0
}
