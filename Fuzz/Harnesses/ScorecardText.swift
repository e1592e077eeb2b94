import ScorecastCore
import ScorecastData

/// libFuzzer harness: the scorecard text import (``ScorecardText`` then ``ScorecardImport`` and
/// its tidy files) on arbitrary UTF-8 text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScorecardText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self),
        let scorecard = try? ScorecardText(text: text, fileName: "fuzz.txt")
    else { return 0 }
    let imported = ScorecardImport(text: scorecard, month: Period(parsing: "2021-08")!)
    _ = imported.files()
    return 0
}
