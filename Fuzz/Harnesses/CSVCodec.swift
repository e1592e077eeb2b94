import ScorecastData

/// libFuzzer harness: ``CSVReader`` on arbitrary bytes, and every record it accepts written
/// back by ``CSVWriter`` and read again, which must give the same fields (RFC 4180 round trip).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVCodec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let reader = CSVReader(source: ByteSource(bytes: FuzzInput.bytes(data, size), name: "fuzz.csv"))
    guard let records = try? reader.readAllRecords() else { return 0 }
    var writer = CSVWriter()
    for record in records { writer.writeRecord(record) }
    let again = try! CSVReader(source: ByteSource(bytes: writer.bytes, name: "again.csv")).readAllRecords()
    precondition(again == records, "CSV round trip changed \(records) into \(again)")
    return 0
}
