import Foundation

/// A committed reference CSV (plain, unquoted, made by `scripts/fixtures/*.R`) read as rows of
/// named fields. Only for the tests' own fixtures, which contain no quoted fields.
struct FixtureTable {
    let header: [String]
    let rows: [[String]]

    init(_ name: String) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            header = []
            rows = []
            return
        }
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        header = lines.first ?? []
        rows = Array(lines.dropFirst())
    }

    /// Row `row`'s field `name` as a Double (NaN when empty).
    func number(_ row: [String], _ name: String) -> Double {
        guard let index = header.firstIndex(of: name) else { return .nan }
        return Double(row[index]) ?? .nan
    }

    func text(_ row: [String], _ name: String) -> String {
        guard let index = header.firstIndex(of: name) else { return "" }
        return row[index]
    }
}

/// |a − b| ≤ tolerance · max(|b|, floor).
func isClose(_ a: Double, _ b: Double, relative tolerance: Double, floor: Double = 1e-300) -> Bool {
    if a == b { return true }
    return abs(a - b) <= tolerance * max(abs(b), floor)
}
