import ScorecastCore
import Testing

@testable import ScorecastData

@Suite("Scorecard text import")
struct ScorecardTextTests {
    static let codes = [
        "M1", "M2", "M3", "M2-NI", "M8-QL", "M6-QL (val)", "M6-QL", "M4", "M5", "EH2", "EH5-QL", "EH3",
        "EH3a %", "EH3b %", "EH3c %", "EH3d %", "EH3e %", "EH4 (val)", "EH4-QL", "CP1", "CP1-NI", "CP6B", "CP6B-NI",
        "CP2", "CP2-NI", "CP4 (val)", "CP4", "CP2b", "CP2b %", "CP3-QL (val)", "CP3-QL", "CP8-QL", "CP5-QL (val)",
        "CP5-QL", "CP9", "CP7", "LAC1", "LAC1-NI", "LAC2", "LAC3", "LAC6 (val)", "LAC6 (%)", "LAC12 (val)", "LAC12 (%)",
        "LAC7-QL", "LAC10 (%)", "LAC10-QL", "LAC13", "LAC14", "LAC11-QL", "LAC11-QL (%)", "NI147", "LAC9 (val)", "LAC9",
        "LAC16", "EH1a", "EH1c", "EH1b", "EH14b", "CIN5", "LSCB17a", "YO2", "FM011", "FM012",
    ]

    static func values(_ cells: [ScorecardCell]) -> [Double?] { cells.map(\.value) }

    @Test func importsAll64IndicatorsWithTheirCodesAndNoProblems() {
        let scorecard = ScorecardFixture.scorecard
        #expect(scorecard.problems.isEmpty, "\(scorecard.problems)")
        #expect(scorecard.indicators.map(\.code) == Self.codes)
        #expect(Set(scorecard.indicators.map(\.code)).count == 64)
        for indicator in scorecard.indicators {
            #expect(
                !indicator.title.isEmpty && !indicator.lead.isEmpty && !indicator.owner.isEmpty && !indicator.outcome.isEmpty, "\(indicator.code)")
        }
    }

    @Test func m1() throws {
        let m1 = try #require(ScorecardFixture.indicator("M1"))
        #expect(Self.values(m1.monthly) == [1297, 1886, 1630, 1801, 2080, 1894, 1616])
        #expect(m1.changeFromPreviousMonth.value == -15 && m1.changeFromLastYear.value == 20)
        #expect(m1.average12Months.value == 1677 && m1.high12Months.value == 2080)
        #expect(m1.comparators.map(\.text) == ["Local", "Local", "Local"])
        #expect(m1.comparators.allSatisfy { $0.value == nil && $0.status == "local_measure" })
        #expect(m1.title == "Number of contacts received (includes contacts that become referrals)")
        #expect(m1.lead == "Julian Watkins" && m1.owner == "Jacqui Schofield")
        #expect(m1.outcome.hasPrefix("There is an effective 'front door'"))
        #expect(m1.commentary.hasSuffix("schools being on Summer break."))
        #expect(m1.icon == nil)
    }

    @Test func m2HasThreeComparatorsInOrder() throws {
        let m2 = try #require(ScorecardFixture.indicator("M2"))
        #expect(Self.values(m2.comparators) == [368, 353, 502])
    }

    @Test func eh1cHasFiveValuesEndingInTheMonth() throws {
        let eh1c = try #require(ScorecardFixture.indicator("EH1c"))
        #expect(Self.values(eh1c.monthly) == [352, 381, 416, 400, 308])
        #expect(eh1c.changeFromPreviousMonth.status == "not_applicable" && eh1c.changeFromLastYear.value == 17)
        let imported = ScorecardImport(text: ScorecardFixture.scorecard, month: ScorecardFixture.month)
        #expect(imported.period(ofMonthly: 0, in: eh1c) == Period(year: 2021, month: 4))
        #expect(imported.period(ofMonthly: 4, in: eh1c) == Period(year: 2021, month: 8))
    }

    @Test func cp2bPercentHasMissingMonths() throws {
        let cp2b = try #require(ScorecardFixture.indicator("CP2b %"))
        #expect(Self.values(cp2b.monthly) == [nil, 0, 100, 100, nil, nil, 86])
        #expect(cp2b.monthly.map(\.status) == ["not_published", nil, nil, nil, "not_published", "not_published", nil])
        #expect(cp2b.changeFromPreviousMonth.value == nil && cp2b.changeFromLastYear.value == nil)
        #expect(cp2b.average12Months.value == 83 && cp2b.high12Months.value == 100)
        #expect(cp2b.printsPercentages)
    }

    @Test func fm011HasOnlyTwelveMonthFigures() throws {
        let fm011 = try #require(ScorecardFixture.indicator("FM011"))
        #expect(fm011.monthly.isEmpty)
        #expect(fm011.average12Months.value == 29 && fm011.high12Months.value == 36)
        #expect(fm011.comparators.map(\.text) == ["-", "-", "-"])
        #expect(fm011.icon == "\u{F070}")
        #expect(fm011.commentary == "Pending QTR 2 data return")
    }

    @Test func lac10QLNumberRowSharingALineWithProseIsFound() throws {
        let lac10 = try #require(ScorecardFixture.indicator("LAC10-QL"))
        #expect(Self.values(lac10.monthly) == [477, 477, 470, 478, 471, 489, 480])
        #expect(lac10.outcome == "Children have good quality care plans, to which they have contributed, and which meet their needs.")
        #expect(lac10.numberRowText.hasPrefix("477 477"))
        #expect(lac10.icon == "\u{F070}")
    }

    @Test func thousandsSeparatorsAndShortComparatorRows() throws {
        let eh2 = try #require(ScorecardFixture.indicator("EH2"))
        #expect(eh2.average12Months.value == 1190 && eh2.high12Months.value == 1348)
        #expect(eh2.comparators.map(\.text) == ["Local", "Local"])
        let eh4 = try #require(ScorecardFixture.indicator("EH4 (val)"))
        #expect(eh4.comparators.isEmpty)
        #expect(eh4.icon == "\u{F070}")
        let yo2 = try #require(ScorecardFixture.indicator("YO2"))
        #expect(yo2.monthly.map(\.status) == ["tbc", "tbc", "tbc", "tbc"])
        #expect(Self.values(yo2.comparators) == [417, 327, 256])
        #expect(yo2.average12Months.status == "not_published" && yo2.high12Months.value == 0)
    }

    @Test func rotatedNamesAndCodesAreReassembled() throws {
        #expect(ScorecardFixture.indicator("CP6B")?.lead == "Steph Murray")
        #expect(ScorecardFixture.indicator("LAC6 (val)")?.owner == "Martin Smith")
        #expect(ScorecardFixture.indicator("LSCB17a")?.lead == "Derek Wiles")
        #expect(ScorecardFixture.indicator("LSCB17a")?.owner == "Debbie Blythe")
        #expect(
            ScorecardFixture.indicator("M6-QL (val)")?.title == "Number of referrals which are re-referrals within one year of a closure assessment")
    }

    @Test(arguments: [
        ("1297 1886 1630 1801 2080 1894 1616 -15% 20%  1677 2080 Local Local Local", 7, "1677"),
        ("304 288 293 321 327 277 278 0% 12% 306 410 354 365 485", 7, "306"),
        ("352 381 416 400 308  - n/a 17%  312 416 - - -", 5, "312"),
        (" - n/a  - n/a \u{F070} 29 36 - - -", 0, "29"),
        ("which meet their needs. 477 477 470 478 471 489 480 -2% 1% \u{F070} 479 489 Local Local Local", 7, "479"),
        ("1 1 1 0 2 2 1 -50%  - n/a  1 3 Local Local Local", 7, "1"),
    ])
    func numberRowsSplitAtTheirLayout(line: String, months: Int, average: String) throws {
        let row = try #require(ScorecardNumberRow.find(in: line))
        #expect(row.monthly.count == months)
        #expect(row.average12Months.text == average)
    }

    @Test(arguments: ["The number of EHA's started was 135 in August", "8%  reduction in numbers.", "17", "2 Payment per result (PBR) claims"])
    func proseIsNotANumberRow(line: String) {
        #expect(ScorecardNumberRow.find(in: line) == nil)
    }

    @Test(arguments: [("1,190", 1190.0), ("-15%", -15.0), ("0", 0.0), ("12.5%", 12.5)])
    func printedNumbers(text: String, value: Double) {
        #expect(ScorecardNumberRow.number(Substring(text)) == value)
    }

    @Test(arguments: ["1,19", "12,3456", "-", "n/a", "tbc", "1.2.3", "%"])
    func notPrintedNumbers(text: String) {
        #expect(ScorecardNumberRow.number(Substring(text)) == nil)
    }

    @Test func emptyAndBinaryInputAreRejectedWithTheirLocation() {
        #expect(
            throws: DataError(
                file: "empty.txt", line: 1, column: 1, expected: "expected a scorecard: indicator blocks with a number row each, found none")
        ) {
            try ScorecardText(text: "", fileName: "empty.txt")
        }
        #expect(
            throws: DataError(
                file: "junk.bin", line: 2, column: 3, expected: "expected the text of a scorecard, found a control character (is this a binary file?)"
            )
        ) {
            try ScorecardText(text: "ok\nab\u{0}\u{1}", fileName: "junk.bin")
        }
    }

    @Test func linesThatCannotBePlacedAreReportedByLineNumber() throws {
        // A block whose title is missing: its code pieces run straight into the names.
        let lines = ScorecardFixture.text.split(separator: "\n", omittingEmptySubsequences: false)
        var damaged = Array(lines)
        // Lines 41 and 43 (1-based) are M2's title: without them its code and names run together.
        damaged[40] = ""
        damaged[42] = ""
        let scorecard = try ScorecardText(text: damaged.joined(separator: "\n"), fileName: "damaged.txt")
        #expect(!scorecard.problems.isEmpty)
        #expect(scorecard.problems.allSatisfy { $0.file == "damaged.txt" && $0.line > 0 })
        #expect(scorecard.indicators.count == 63)
    }
}
