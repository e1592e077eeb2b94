import ScorecastCore
import ScorecastData
import Testing

/// The EES reader on small files written for each case: layouts real files use, and broken
/// files reported at file, line and column.
@Suite("EES reader")
struct EESReaderTests {
    static let header =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,category,count,percent"

    /// Writes `text` to a fresh file and reads `selection` from it.
    static func read(
        _ text: String, _ selection: EESSelection = EESSelection(valueColumn: "percent"),
        changes: LACodeChanges = LACodeChanges()
    ) throws -> EESExtract {
        let directory = try TemporaryDirectory.make()
        let path = directory.path + "/ees.csv"
        try OutputFile.write(Array(text.utf8), to: path)
        return try EESReader.read(path: path, selection: selection, codeChanges: changes)
    }

    /// The error reading `text` throws.
    static func error(_ text: String, _ selection: EESSelection = EESSelection(valueColumn: "percent")) throws -> DataError {
        do {
            _ = try read(text, selection)
        } catch let error as DataError {
            return error
        }
        Issue.record("expected a DataError")
        return DataError(file: "", line: 0, column: 0, expected: "")
    }

    @Test(arguments: [
        ("2025", "Reporting year", 2025), ("202425", "Financial year", 2025), ("201920", "Academic year", 2020),
        ("199900", "Financial year", 2000),
    ])
    func timePeriodsMapToTheYearEnding31March(period: String, identifier: String, year: Int) {
        let mapped = try? EESTimePeriod.yearEnding31March(timePeriod: period, identifier: identifier).get()
        #expect(mapped == year)
    }

    @Test(arguments: [
        ("2025", "Calendar year", "time_identifier"), ("202426", "Financial year", "time_period"),
        ("25", "Reporting year", "time_period"), ("2025", "Spring term", "time_identifier"),
    ])
    func otherTimePeriodsAreRefused(period: String, identifier: String, column: String) {
        guard case .failure(let refusal) = EESTimePeriod.yearEnding31March(timePeriod: period, identifier: identifier) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(refusal.column == column)
    }

    /// A BOM, `la_name` before `new_la_code`, every symbol kept missing with its reason, other
    /// levels and London sub-regions reported, an old code resolved.
    @Test func readsWhatRealFilesDo() throws {
        let laHeader =
            "\u{FEFF}time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,percent\n"
        var lines: [String] = [
            "2025,Reporting year,National,E92000001,England,,,,,,24.5",
            "2025,Reporting year,Regional,E92000001,England,E12000001,North East,,,,27.2",
            "2025,Reporting year,Regional,E92000001,England,E13000001,Inner London,,,,20",
            "2013,Reporting year,Local authority,E92000001,England,E12000001,North East,390,Gateshead,E08000020,c",
            "2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,202,Camden,E09000007,x",
            "2025,Reporting year,Local authority district,E92000001,England,,,,,,1",
        ]
        let symbols = ["z", "low", "k", "u", ".", ":", ""]
        for (offset, symbol) in symbols.enumerated() {
            lines.append("2025,Reporting year,Local authority,E92000001,England,E12000001,North East,,LA\(offset),E0600000\(offset),\(symbol)")
        }
        let text = laHeader + lines.joined(separator: "\n") + "\n"
        let changes = LACodeChanges()
        let extract = try Self.read(text, changes: changes)
        #expect(extract.observations.count == 2 + 2 + 7)
        #expect(extract.observations[0].value == .number(24.5, text: "24.5"))
        #expect(extract.observations[2].value == .missing(reason: EESSymbol.confidential.reason))
        #expect(extract.observations[3].region == "London")
        let expectedSymbols: [EESSymbol] = [.notApplicable, .low, .roundsToZero, .lowReliability, .notApplicableOld, .notAvailableOld]
        let expectedValues: [EESValue] =
            expectedSymbols.map { EESValue.missing(reason: $0.reason) } + [EESValue.missing(reason: EESSymbol.blankReason)]
        #expect(Array(extract.observations.dropFirst(4).map(\.value)) == expectedValues)
        #expect(extract.ignoredLevels == ["Local authority district": 1])
        #expect(extract.skipped.values.reduce(0, +) == 1)
        #expect(extract.notes.count == 2)
    }

    @Test func codeChangesResolveOldCodes() throws {
        let directory = try TemporaryDirectory.make()
        try OutputFile.write(
            Array(
                "code,name,first_year,last_year,replaced_by,change\nE08000020,Gateshead,,,E08000037,renamed\nE10000021,Northamptonshire,,2021,,split\n"
                    .utf8),
            to: directory.path + "/changes.csv")
        let changes = try LACodeChanges(path: directory.path + "/changes.csv")
        let text =
            Self.header + "\n"
            + "2013,Reporting year,Local authority,E92000001,England,E12000001,North East,390,E08000020,Gateshead,All,1,2\n"
            + "2022,Reporting year,Local authority,E92000001,England,E12000004,East Midlands,928,E10000021,Northamptonshire,All,z,z\n"
        let extract = try Self.read(text, changes: changes)
        #expect(extract.observations.map(\.code) == ["E08000037"])
        #expect(extract.skipped.values.reduce(0, +) == 1)
    }

    @Test func aNeededFilterIsNamedWithItsValues() throws {
        let text =
            Self.header + "\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,390,E08000037,Gateshead,Boys,1,2\n"
            + "2025,Reporting year,Local authority,E92000001,England,E12000001,North East,390,E08000037,Gateshead,Girls,3,4\n"
        let error = try Self.error(text)
        #expect(error.line == 3 && error.column == 100)
        #expect(error.expected.contains("--where category=VALUE; its values are: 'Boys', 'Girls'"))
        let chosen = try Self.read(text, EESSelection(valueColumn: "percent", filters: [.init(column: "category", value: "Girls")]))
        #expect(chosen.observations.map(\.value) == [.number(4, text: "4")])
        let unknown = try Self.error(text, EESSelection(valueColumn: "percent", filters: [.init(column: "category", value: "All")]))
        #expect(unknown.line == 1 && unknown.expected.contains("its values are: 'Boys', 'Girls'"))
    }

    /// Broken files: ragged row, missing required column, unknown level with no LA rows, a
    /// value that is not a number, a percentage outside 0–100.
    @Test(arguments: [
        (
            header + "\n2025,Reporting year,Local authority,E92000001,England,E12000001,North East,390,E08000037,Gateshead,All,1\n", 2, 105,
            "expected 13 fields"
        ),
        (
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,la_name,percent\n2025,Reporting year,National,E92000001,England,,,,1\n",
            1, 1, "new_la_code"
        ),
        (header + "\n2025,Reporting year,Ward,E92000001,England,,,,,,All,1,2\n", 2, 21, "found only 'Ward' and no Local authority rows"),
        (
            header + "\n2025,Reporting year,Local authority,E92000001,England,E12000001,North East,390,E08000037,Gateshead,All,1,n/a\n", 2, 106,
            "expected a number or an EES symbol"
        ),
        (
            header + "\n2025,Reporting year,Local authority,E92000001,England,E12000001,North East,390,E08000037,Gateshead,All,1,101\n", 2, 106,
            "expected a number in 0...100"
        ),
    ])
    func brokenFilesAreReportedWhereTheyBreak(text: String, line: Int, column: Int, message: String) throws {
        let error = try Self.error(text, EESSelection(valueColumn: "percent", valueRange: 0...100))
        #expect(error.line == line && error.column == column, "\(error)")
        #expect(error.expected.contains(message), "\(error)")
    }
}
