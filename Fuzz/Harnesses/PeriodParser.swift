import ScorecastCore

/// libFuzzer harness: ``Period/init(parsing:)`` and ``CalendarDate/init(parsing:)`` on arbitrary
/// text; a period that parses must print back to text that parses to the same period.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPeriodParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let period = Period(parsing: text) {
        precondition(Period(parsing: period.description) == period, "\(text) -> \(period) does not round-trip")
        _ = period.advanced(by: 1)
    }
    _ = CalendarDate(parsing: text)
    return 0
}
