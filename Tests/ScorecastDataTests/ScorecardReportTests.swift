import ScorecastCore
import Testing

@testable import ScorecastData

@Suite("Scorecard report")
struct ScorecardReportTests {
    static let catalogue: [Indicator] = {
        let text = ScorecardFixture.decisions
        let table = try! CSVTable(csv: CSVReader(text: text, name: "indicator-decisions.csv"), required: ["code", "unit", "polarity"])
        return try! Indicator.read(table)
    }()

    @Test(arguments: [(-25.5, -26.0), (25.5, 26.0), (-25.4, -25.0), (0.5, 1.0), (-0.5, -1.0), (14.6779, 15.0)])
    func roundsHalvesAwayFromZero(value: Double, rounded: Double) {
        #expect(ScorecardReport.roundHalfAwayFromZero(value) == rounded)
    }

    @Test(arguments: [
        (Polarity.higherIsBetter, 1.0, 2.0, DirectionOfTravel.improving),
        (.higherIsBetter, 2, 1, .worsening),
        (.lowerIsBetter, 2, 1, .improving),
        (.lowerIsBetter, 1, 2, .worsening),
        (.lowerIsBetter, 2, 2, .noChange),
        (.neutral, 1, 2, .notApplicable),
        (.higherIsBetter, .nan, 2, .notApplicable),
    ])
    func directionOfTravelFollowsPolarity(polarity: Polarity, previous: Double, latest: Double, direction: DirectionOfTravel) {
        #expect(ScorecardReport.direction(polarity, previous: previous, latest: latest) == direction)
    }

    @Test func catalogueCoversEveryIndicator() throws {
        #expect(Self.catalogue.map(\.code) == ScorecardTextTests.codes)
        let units = Dictionary(uniqueKeysWithValues: Self.catalogue.map { ($0.code, $0.unit) })
        for indicator in ScorecardFixture.scorecard.indicators {
            #expect(ScorecardImport.inferredUnit(indicator) == units[indicator.code], "\(indicator.code)")
        }
        let polarity = Dictionary(uniqueKeysWithValues: Self.catalogue.map { ($0.code, $0.polarity) })
        #expect(polarity["M6-QL"] == .lowerIsBetter)
        #expect(polarity["EH4-QL"] == .higherIsBetter)
        #expect(polarity["M1"] == .neutral)
    }

    /// Must show: every count indicator's printed change from the previous month equals the
    /// recomputed one to the nearest whole percent, except EH1a, which is flagged.
    @Test func printedChangesAgreeForCountsExceptEH1aWhichIsFlagged() throws {
        let (_, files) = try ScorecardFixture.importedFiles(catalogue: Self.catalogue)
        let lines = ScorecardReport.lines(files, month: ScorecardFixture.month)
        var checked = 0
        for line in lines where line.indicator.unit == .count {
            guard !line.previous.isNaN, !line.latest.isNaN, let printed = line.printed?.changeFromPreviousMonth else { continue }
            checked += 1
            let recomputed = ScorecardReport.roundHalfAwayFromZero(ScorecardReport.percentChange(from: line.previous, to: line.latest))
            if line.indicator.code == "EH1a" {
                #expect(line.previous == 182 && line.latest == 135)
                #expect(printed == -6 && recomputed == -26)
                #expect(line.disagreements == ["change_from_previous_month: printed -6%, values 182 -> 135 give -26%"])
            } else {
                #expect(recomputed == printed, "\(line.indicator.code)")
                #expect(line.disagreements.isEmpty, "\(line.indicator.code)")
            }
        }
        #expect(checked == 27)
        #expect(lines.filter { !$0.disagreements.isEmpty }.map(\.indicator.code) == ["EH1a"])
    }

    @Test func comparatorDifferencesAndRatios() throws {
        let (_, files) = try ScorecardFixture.importedFiles(catalogue: Self.catalogue)
        let lines = ScorecardReport.lines(files, month: ScorecardFixture.month)
        let lac1 = try #require(lines.first { $0.indicator.code == "LAC1-NI" })
        #expect(lac1.comparators.map(\.value) == [89, 67, 53])
        let text = String(decoding: ScorecardReport.csv([lac1]), as: UTF8.self)
        let row = try CSVReader(text: text).readAllRecords()
        let fields = Dictionary(uniqueKeysWithValues: zip(row[0], row[1]))
        #expect(fields["difference_statistical_neighbours"] == "11")
        // Ratios to 0.001, no float noise.
        #expect(fields["ratio_england"] == "1.493")
        #expect(fields["direction"] == "not_applicable")
        #expect(fields["months_observed_12"] == "7")
        // Seven months are not twelve: no 12-month figures, and the seven months' own mean and
        // high in columns that say so.
        #expect(fields["low_12_months"] == "" && fields["high_12_months"] == "" && fields["average_12_months"] == "")
        #expect(fields["high_of_months_observed"] == "101")
        #expect(lac1.meanOfObserved12.isFinite && fields["mean_of_months_observed"] == CSVNumber.rounded(lac1.meanOfObserved12, places: 2))
    }

    /// Must show: import, then the wide export reproduces every number of every number row.
    @Test func wideExportReproducesEveryNumberOfEveryNumberRow() throws {
        let (_, files) = try ScorecardFixture.importedFiles(catalogue: Self.catalogue)
        let month = ScorecardFixture.month
        let wide = try CSVReader(
            text: String(decoding: ScorecardReport.wideCSV(ScorecardReport.lines(files, month: month), files: files, month: month), as: UTF8.self)
        ).readAllRecords()
        #expect(wide.count == 65)
        let header = wide[0]
        let first = try #require(header.firstIndex(of: "Feb-21"))
        let last = try #require(header.firstIndex(of: "South East"))
        for (indicator, row) in zip(ScorecardFixture.scorecard.indicators, wide.dropFirst()) {
            #expect(row[0] == indicator.code)
            let printedNumbers = indicator.numberRowText.split(separator: " ").compactMap { ScorecardNumberRow.number($0) }
            let exportedNumbers = row[first...last].compactMap { ScorecardNumberRow.number(Substring($0)) }
            #expect(exportedNumbers == printedNumbers, "\(indicator.code)")
            #expect(!printedNumbers.isEmpty)
        }
    }
}
