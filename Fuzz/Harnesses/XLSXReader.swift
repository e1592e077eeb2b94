import Foundation
import ScorecastData

/// libFuzzer harness: the .xlsx reader (ZIP container, bounded inflate, workbook, shared
/// strings, styles and every sheet's cells) on arbitrary bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let reader = try? XLSXReader(data: Data(bytes: data, count: size), name: "fuzz.xlsx") else { return 0 }
    for sheet in reader.sheets {
        if let cells = try? reader.sheet(named: sheet.name) { _ = cells.rows.count }
    }
    return 0
}
