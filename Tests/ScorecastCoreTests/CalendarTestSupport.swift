import Foundation
import Testing

@testable import ScorecastCore

/// Rows of a small committed fixture CSV (no quoted fields), header dropped.
func fixtureRows(_ name: String) throws -> [[String]] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"))
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
}
