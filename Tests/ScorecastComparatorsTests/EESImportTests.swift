import Foundation
import ScorecastData
import Testing

@testable import ScorecastComparators

/// `import-ees` then the comparator table reproduce DfE's published figures: every local
/// authority's value, its region's and England's exactly, and the mean of its statistical
/// neighbours' published values (relative 1e-9: the sums run in another order), against
/// references made independently by `scripts/ees-reference.py` from the vendored EES files
/// (`scripts/fixtures/ees-reference.sh`). Suppressed cells stay missing with their reason.
@Suite("import-ees reproduces published EES values")
struct EESImportTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var column: String
        var filters: [EESSelection.Filter] = []
        var kind: Measure.Kind
        var numerator: String? = nil
        var denominator: String? = nil
        var model: Int = 2021
        var fixture: String
        /// Whether the column has suppressed (`c`) cells.
        var hasSuppressed = true
        var testDescription: String { "\(file) \(column)" }
    }

    static let cases: [Case] = [
        Case(
            file: "la_cla_placement_stability.csv", column: "children_percent",
            filters: [.init(column: "placement_stability", value: "Living with the same carer for at least 2 years")],
            kind: .percentage, fixture: "ees-reference-placement-stability"),
        Case(
            file: "d3_cpps_subsequent_plan_2013_to_2025.csv", column: "CPP_subsequent_percent", kind: .percentage,
            numerator: "CPP_subsequent", denominator: "CPP_start", fixture: "ees-reference-cpp-subsequent"),
        Case(
            file: "csww_indicators_2017_to_2025.csv", column: "caseload_fte", kind: .number, model: 2025,
            fixture: "ees-reference-caseload-2025-model", hasSuppressed: false),
    ]

    static let repository = BundledData.directory.deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the bundled data folder in a fresh temporary directory.
    static func copyOfBundledData() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scorecast-ees-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: BundledData.directory, to: folder)
        return folder.path
    }

    /// Imports `testCase` into a copy of the bundled folder and loads it.
    static func imported(_ testCase: Case) throws -> (AreaData, Measure) {
        let folder = try copyOfBundledData()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let extract = try EESReader.read(
            path: repository.appendingPathComponent("notebooks-data/ees/" + testCase.file).path,
            selection: EESSelection(
                valueColumn: testCase.column, numeratorColumn: testCase.numerator,
                denominatorColumn: testCase.denominator, filters: testCase.filters),
            codeChanges: try LACodeChanges(path: folder + "/la_code_changes.csv"))
        let multiplier: Double = testCase.kind == .percentage ? 100 : 1
        _ = try MeasureImport.write(
            extract, as: Measure(name: "imported", kind: testCase.kind, multiplier: multiplier, polarity: .neutral),
            sourceFile: testCase.file, filters: "", folder: folder)
        let data = try AreaData.load(folder: folder)
        return (data, try #require(data.catalogue.named("imported")))
    }

    @Test(arguments: cases)
    func reproducesPublishedValuesAndNeighbourMean(_ testCase: Case) throws {
        let (data, measure) = try Self.imported(testCase)
        let reference = FixtureTable(testCase.fixture)
        #expect(reference.rows.count > 700)
        let years = Set(reference.rows.compactMap { Int(reference.text($0, "year")) }).sorted()
        let table = ComparisonTable(data: data, options: ComparisonOptions(neighbourModel: testCase.model))
        var rows: [String: ComparisonRow] = [:]
        for row in table.rows(authorities: data.localAuthorityIndices, measures: [measure], years: years) {
            rows["\(row.area.code) \(row.year)"] = row
        }
        func same(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : a == b }
        var suppressed = 0, missing = 0
        for expected in reference.rows {
            let key = reference.text(expected, "la_code") + " " + reference.text(expected, "year")
            let row = try #require(rows[key], "no row for \(key)")
            #expect(same(row.observation.value, reference.number(expected, "value")), "\(key) value")
            #expect(same(row.regionValue, reference.number(expected, "region_value")), "\(key) region")
            #expect(same(row.englandValue, reference.number(expected, "england_value")), "\(key) England")
            let mean = reference.number(expected, "sn_mean")
            #expect(mean.isNaN ? row.neighbours.mean.isNaN : abs(row.neighbours.mean - mean) <= 1e-9 * max(1, abs(mean)), "\(key) neighbours' mean")
            #expect(row.neighbours.count == Int(reference.text(expected, "sn_count")), "\(key) neighbour count")
            let symbol = reference.text(expected, "missing")
            if !symbol.isEmpty {
                #expect(row.observation.value.isNaN && row.observation.note.hasPrefix("not published: " + symbol), "\(key): \(row.observation.note)")
                missing += 1
                if symbol == "c" { suppressed += 1 }
            }
        }
        #expect(missing > 0)
        #expect((suppressed > 0) == testCase.hasSuppressed, "suppressed (c) cells stay missing with their reason")
    }

    /// Intervals where the catalogue has a numerator and a denominator, none (with the reason)
    /// where it has not; significance and the gap in children follow.
    @Test func intervalsOnlyWithNumeratorAndDenominator() throws {
        let (withCounts, percent) = try Self.imported(Self.cases[1])
        #expect(percent.numerator == "imported_numerator" && percent.denominator == "imported_denominator")
        let southampton = try #require(withCounts.index(ofCode: "E06000045"))
        let row = try #require(ComparisonTable(data: withCounts).rows(authorities: [southampton], measures: [percent], years: [2025]).first)
        let interval = try #require(row.observation.intervals[0])
        #expect(interval.lower < row.observation.value && row.observation.value < interval.upper)
        #expect(row.observation.note.isEmpty && row.versusEngland != .notCompared && row.gapChildrenEngland.isFinite)

        let (withoutCounts, number) = try Self.imported(Self.cases[2])
        let area = try #require(withoutCounts.index(ofCode: "E06000045"))
        let plain = try #require(ComparisonTable(data: withoutCounts).rows(authorities: [area], measures: [number], years: [2025]).first)
        #expect(plain.observation.value.isFinite && plain.observation.intervals.allSatisfy { $0 == nil })
        #expect(plain.observation.note == "no interval: the measures catalogue gives no numerator and denominator for imported")
        #expect(plain.versusEngland == .notCompared && plain.gapChildrenEngland.isNaN)
    }

    /// Importing keeps every other measure's rows byte for byte and replaces the measure on a
    /// second import rather than duplicating it.
    @Test func keepsOtherMeasuresAndReplacesOnReimport() throws {
        let folder = try Self.copyOfBundledData()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = try String(contentsOfFile: folder + "/la_childrens_social_care_indicators.csv", encoding: .utf8)
        let path = Self.repository.appendingPathComponent("notebooks-data/ees/d3_cpps_subsequent_plan_2013_to_2025.csv").path
        var imported = 0
        for column in ["CPP_subsequent_percent", "CPP_subsequent_percent"] {
            let extract = try EESReader.read(path: path, selection: EESSelection(valueColumn: column))
            imported = extract.observations.count
            _ = try MeasureImport.write(
                extract, as: Measure(name: "repeat_cpp_pct", kind: .percentage, multiplier: 100, polarity: .lowerIsBetter),
                sourceFile: "d3", filters: "", folder: folder)
        }
        let after = try String(contentsOfFile: folder + "/la_childrens_social_care_indicators.csv", encoding: .utf8)
        #expect(after.hasPrefix(original))
        #expect(after.split(separator: "\n").count == original.split(separator: "\n").count + imported)
        #expect(imported == 2132 - 2 * 13, "every row but Inner and Outer London's")
        let catalogue = try MeasureCatalogue.read(path: folder + "/measures.csv")
        #expect(catalogue.names == BundledData.catalogue.names + ["repeat_cpp_pct"])
    }
}
