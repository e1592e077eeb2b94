import ScorecastData

/// libFuzzer harness: the EES open-data CSV reader, selecting the `percent` column with a
/// `category=All` filter and a 0...100 range.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEESReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.scratchFile(FuzzInput.bytes(data, size), suffix: ".csv")
    let selection = EESSelection(
        valueColumn: "percent", numeratorColumn: "count",
        filters: [EESSelection.Filter(column: "category", value: "All")], valueRange: 0...100)
    _ = try? EESReader.read(path: path, selection: selection)
    _ = try? EESReader.read(path: path, selection: EESSelection(valueColumn: "percent"))
    return 0
}
