import ScorecastData

/// libFuzzer harness: the tidy observation reader, both streaming (``ObservationReader/nextSeries()``)
/// and whole-file (``ObservationReader/readAll()``), on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzObservationReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let reader = try? ObservationReader(csv: CSVReader(source: ByteSource(bytes: bytes, name: "fuzz.csv"))) {
        while let series = try? reader.nextSeries() { _ = series.series.values.count }
    }
    if let reader = try? ObservationReader(csv: CSVReader(source: ByteSource(bytes: bytes, name: "fuzz.csv"))) {
        _ = try? reader.readAll()
    }
    return 0
}
