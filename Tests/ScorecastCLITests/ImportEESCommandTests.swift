import Foundation
import Testing

@testable import ScorecastCLI
@testable import ScorecastData

/// `scorecast import-ees` end to end: a vendored EES file into a copy of the bundled data
/// folder, then `compare`; broken files exit 65 with file, line and column and leave the
/// folder byte for byte as it was.
@Suite("scorecast import-ees")
struct ImportEESCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let placement = repository.appendingPathComponent("notebooks-data/ees/la_cla_placement_stability.csv").path

    /// A run whose `dfe/` is a copy of notebooks-data/dfe.
    static func runWithData() throws -> CommandRun {
        let run = try CommandRun()
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("notebooks-data/dfe").path, toPath: run.path("dfe"))
        return run
    }

    /// Every file of the folder, name → bytes.
    static func snapshot(_ run: CommandRun) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in run.contents("dfe") { files[name] = try Data(contentsOf: URL(fileURLWithPath: run.path("dfe/" + name))) }
        return files
    }

    static func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func importThenCompareGivesThePublishedValuesAndKeepsSuppressedCellsMissing() throws {
        let run = try Self.runWithData()
        try run.run([
            "import-ees", Self.placement, "--column", "children_percent", "--measure", "placement_stability_2y_pct",
            "--where", "placement_stability=Living with the same carer for at least 2 years",
            "--unit", "percent", "--polarity", "higher_is_better", "--data", run.path("dfe"),
        ])
        try run.run([
            "compare", "--la", "Southampton", "--year", "2025", "--measure", "placement_stability_2y_pct",
            "--data", run.path("dfe"), "--output", run.path("southampton.csv"),
        ])
        let southampton = try #require(Self.rows(try run.read("southampton.csv")).first)
        // Published in the EES file: Southampton 63, South East 68, England 69; the 2021-model
        // neighbours' published values average 69.2 (scripts/ees-reference.py).
        #expect(southampton["value"] == "63" && southampton["region_value"] == "68" && southampton["england_value"] == "69")
        #expect(abs(Double(southampton["sn_mean"] ?? "")! - 69.2) < 1e-9)
        #expect(southampton["polarity"] == "higher_is_better")

        // Rutland 2022 is suppressed ('c') in the file: empty value, the reason in interval_note.
        try run.run([
            "compare", "--la", "Rutland", "--year", "2022", "--measure", "placement_stability_2y_pct",
            "--data", run.path("dfe"), "--output", run.path("rutland.csv"),
        ])
        let rutland = try #require(Self.rows(try run.read("rutland.csv")).first)
        #expect(rutland["value"] == "" && rutland["lo_95"] == "" && rutland["rank_england"] == "")
        #expect(rutland["interval_note"] == "not published: c (confidential: suppressed)")

        // The 13 bundled measures are untouched.
        try run.run(["compare", "--la", "E06000045", "--year", "2021", "--data", run.path("dfe"), "--output", run.path("after.csv")])
        try run.run(
            ["compare", "--la", "E06000045", "--year", "2021", "--measure"] + BundledMeasures.names + [
                "--data", Self.repository.appendingPathComponent("notebooks-data/dfe").path, "--output", run.path("before.csv"),
            ])
        let after = try run.read("after.csv").split(separator: "\n")
        #expect(Array(after.dropLast()) == (try run.read("before.csv")).split(separator: "\n"))
        #expect(after.last?.hasPrefix("placement_stability_2y_pct,2021,E06000045") == true)
    }

    /// Broken EES files exit 65 with one `FILE:LINE:COLUMN:` line; nothing in the folder changes.
    @Test(arguments: [
        (
            "ragged",
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,value\n2025,Reporting year,Local authority,E92000001,England,E12000008,South East,852,E06000045\n",
            ":2:"
        ),
        (
            "no-code-column",
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,value\n2025,Reporting year,National,E92000001,England,,,,,5\n",
            ":1:1: expected a column named 'new_la_code'"
        ),
        (
            "unknown-level",
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,value\n2025,Reporting year,School,E92000001,England,,,,,,5\n",
            ":2:21: expected geographic_level National, Regional or Local authority, found only 'School'"
        ),
    ])
    func brokenFilesExit65AndLeaveTheFolderUnchanged(name: String, text: String, location: String) throws {
        let run = try Self.runWithData()
        try run.write(name + ".csv", text)
        let before = try Self.snapshot(run)
        let failure = try run.failure(["import-ees", run.path(name + ".csv"), "--column", "value", "--measure", "broken", "--data", run.path("dfe")])
        #expect(failure.status == 65)
        #expect(failure.message.hasPrefix(run.path(name + ".csv") + location), "\(failure.message)")
        #expect(!failure.message.contains("\n"))
        #expect(try Self.snapshot(run) == before)
    }

    /// A percentage imported with its numerator and denominator gets intervals, significance
    /// and a funnel, like the bundled measures.
    @Test func anImportedPercentageHasIntervalsAndAFunnel() throws {
        let run = try Self.runWithData()
        let d3 = Self.repository.appendingPathComponent("notebooks-data/ees/d3_cpps_subsequent_plan_2013_to_2025.csv").path
        try run.run([
            "import-ees", d3, "--column", "CPP_subsequent_percent", "--measure", "cpp_repeat_pct", "--unit", "percent",
            "--polarity", "lower_is_better", "--numerator", "CPP_subsequent", "--denominator", "CPP_start", "--data", run.path("dfe"),
        ])
        try run.run([
            "compare", "--la", "E06000045", "--year", "2025", "--measure", "cpp_repeat_pct", "--data", run.path("dfe"), "--output", run.path("c.csv"),
        ])
        let row = try #require(Self.rows(try run.read("c.csv")).first)
        // Published: Southampton 87 of 280 plans (31.1%), England 24.5%.
        #expect(row["value"] == "31.1" && row["numerator"] == "87" && row["denominator"] == "280" && row["england_value"] == "24.5")
        #expect(row["interval_method"] == "wilson" && row["vs_england"] == "worse" && row["interval_note"] == "")
        let lower = try #require(Double(row["lo_95"] ?? "")), upper = try #require(Double(row["hi_95"] ?? ""))
        #expect(lower < 31.1 && 31.1 < upper)
        try run.run(["funnel", "--measure", "cpp_repeat_pct", "--year", "2025", "--data", run.path("dfe"), "--output", run.path("f.csv")])
        let funnel = Self.rows(try run.read("f.csv"))
        #expect(funnel.count > 140)
        let southampton = try #require(funnel.first { $0["la_code"] == "E06000045" })
        #expect(southampton["flag_95"] == "above")
    }

    @Test func aFilterThatIsNeededButNotGivenListsItsValues() throws {
        let run = try Self.runWithData()
        let before = try Self.snapshot(run)
        let failure = try run.failure([
            "import-ees", Self.placement, "--column", "children_percent", "--measure", "stability", "--data", run.path("dfe"),
        ])
        #expect(failure.status == 65)
        #expect(
            failure.message.contains(
                "choose one with --where placement_stability=VALUE; its values are: 'Living with the same carer for at least 2 years', 'Total children'"
            ))
        #expect(try Self.snapshot(run) == before)
    }
}

/// The 13 measures of the bundled catalogue, by name.
enum BundledMeasures {
    static let names = [
        "cla_31mar_number", "cla_31mar_rate_per_10k", "cpp_31mar_number", "cpp_31mar_rate_per_10k", "cin_31mar_number",
        "cin_31mar_rate_per_10k", "referrals_number", "referrals_rate_per_10k", "rereferrals_12m_pct",
        "s47_enquiries_number", "s47_enquiries_rate_per_10k", "icpc_number", "icpc_rate_per_10k",
    ]
}

/// `--format xlsx` writes the same table the CSV holds, read back with the project's reader.
@Suite("--format xlsx")
struct TableFormatXLSXTests {
    @Test(arguments: [
        ["compare", "--la", "E06000045", "--year", "2021"], ["compare", "--all-las", "--year", "2024", "--measure", "cla_31mar_rate_per_10k"],
    ])
    func theWorkbookHoldsTheCSVTable(arguments: [String]) throws {
        let run = try CommandRun()
        let data = ImportEESCommandTests.repository.appendingPathComponent("notebooks-data/dfe").path
        try run.run(arguments + ["--data", data, "--output", run.path("table.csv")])
        try run.run(arguments + ["--data", data, "--format", "xlsx", "--output", run.path("table.xlsx")])
        let csv = try CSVReader(path: run.path("table.csv")).readAllRecords()
        let sheet = try XLSXReader(path: run.path("table.xlsx")).sheet()
        #expect(sheet.name == "compare")
        let rows = sheet.rows.map { $0.fields + Array(repeating: "", count: max(0, csv[0].count - $0.fields.count)) }
        #expect(rows == csv)
        #expect(csv.count > 13)
    }

    @Test func scorecardComparatorsToo() throws {
        let run = try CommandRun()
        let tidy = Golden.fixture("golden/import").path
        let arguments = [
            "scorecard-comparators", tidy, "--month", "2021-08",
            "--data", ImportEESCommandTests.repository.appendingPathComponent("notebooks-data/dfe").path,
            "--measure-map", ImportEESCommandTests.repository.appendingPathComponent("notebooks-data/dfe/scorecard-measure-map.csv").path,
        ]
        try run.run(arguments + ["--output", run.path("sc.csv")])
        try run.run(arguments + ["--format", "xlsx", "--output", run.path("sc.xlsx")])
        let csv = try CSVReader(path: run.path("sc.csv")).readAllRecords()
        let rows = try XLSXReader(path: run.path("sc.xlsx")).sheet().rows.map {
            $0.fields + Array(repeating: "", count: max(0, csv[0].count - $0.fields.count))
        }
        #expect(rows == csv && csv.count > 100)
    }
}
