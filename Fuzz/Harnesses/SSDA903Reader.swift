import Foundation
import ScorecastData

/// libFuzzer harness: the SSDA903 import (table recognition, episodes, header and UASC rows,
/// cleaning and the derived looked-after tables) on a folder of up to four files, made by
/// splitting the input at NUL bytes (the seed is episodes, header and UASC tables so joined).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSSDA903Reader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = FuzzInput.bytes(data, size).split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    let folder = FuzzInput.scratchFile([], suffix: ".903")
    try? FileManager.default.removeItem(atPath: folder)
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (index, part) in parts.enumerated() {
        FileManager.default.createFile(atPath: "\(folder)/table\(index).csv", contents: Data(part))
    }
    if let imported = try? SSDA903Import(paths: [folder]) {
        for file in imported.files() { _ = file.text.utf8.count }
    }
    return 0
}
