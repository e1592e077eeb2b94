import Foundation
import ScorecastData

/// libFuzzer harness: the .xlsx reader (ZIP container, workbook, shared strings, styles and the
/// first sheet's cells) on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let reader = try? XLSXReader(data: Data(bytes: data, count: size), name: "fuzz.xlsx") else { return 0 }
    if let sheet = try? reader.sheet() { _ = sheet.rows.count }
    return 0
}
