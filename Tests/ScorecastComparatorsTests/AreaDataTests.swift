import Foundation
import ScorecastCore
import ScorecastData
import Testing

@testable import ScorecastComparators

@Suite("Area data: loading and lookup")
struct AreaDataTests {
    @Test func bundledDataLoads() throws {
        let data = try #require(BundledData.data)
        #expect(data.localAuthorityIndices.count >= 150)
        #expect(data.areas.filter { $0.level == .regional }.count == 9)
        #expect(data.years.first == 2010 && data.years.last == 2025)
        #expect(data.neighbourModels == [2021, 2025])
    }

    @Test(arguments: [
        ("Southampton", "E06000045"), ("southampton", "E06000045"), ("e06000045", "E06000045"),
        ("Hull", "E06000010"), ("bristol city of", "E06000023"), ("Stoke on Trent", "E06000021"),
    ])
    func lookup(query: String, code: String) throws {
        let data = try #require(BundledData.data)
        #expect(data.areas[try data.localAuthority(matching: query)].code == code)
    }

    @Test func unknownNameListsClosestMatches() throws {
        let data = try #require(BundledData.data)
        do {
            _ = try data.localAuthority(matching: "Southamton")
            Issue.record("expected an error")
        } catch {
            #expect(error.suggestions.first?.name == "Southampton")
            #expect(error.description.contains("closest matches: Southampton (E06000045)"))
        }
        #expect(throws: UnknownAreaError.self) { try data.localAuthority(matching: "E06999999") }
    }

    /// Bad rows are reported by file, line and column.
    @Test func badValueIsLocated() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scorecast-areadata-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let indicators = directory.appendingPathComponent("ind.csv").path
        let population = directory.appendingPathComponent("pop.csv").path
        let neighbours = directory.appendingPathComponent("sn.csv").path
        try """
        la_code,la_name,region,year,measure,value,geographic_level
        E92000001,England,,2021,cla_31mar_number,80850,National
        E06000045,Southampton,South East,2021,cla_31mar_number,49x,Local authority
        """.write(toFile: indicators, atomically: true, encoding: .utf8)
        try "la_code,la_name,region,year,value,geographic_level\n".write(toFile: population, atomically: true, encoding: .utf8)
        try "la_code,model_year,rank,neighbour_la_code\n".write(toFile: neighbours, atomically: true, encoding: .utf8)
        do {
            _ = try AreaData.load(indicators: indicators, populations: population, neighbours: neighbours)
            Issue.record("expected an error")
        } catch let error as DataError {
            #expect(error.line == 3 && error.column == 56)
            #expect(error.expected.contains("expected a number in column 'value'"))
        }
    }

    /// A rate without a population, or a percentage without its denominator, gets an empty
    /// interval with a reason, never a made-up number.
    @Test func missingDenominatorLeavesIntervalEmpty() {
        var data = AreaData()
        let area = data.add(area: .init(code: "E1", name: "A", region: "R", level: .localAuthority))
        data.setValue(50, area: area, year: 2021, measure: "cla_31mar_number")
        data.setValue(100, area: area, year: 2021, measure: "cla_31mar_rate_per_10k")
        data.setValue(20, area: area, year: 2021, measure: "rereferrals_12m_pct")
        let options = ComparisonOptions()
        let rate = AreaObservation(
            data: data, area: area, year: 2021, measure: BundledData.catalogue.named("cla_31mar_rate_per_10k")!, options: options)
        #expect(rate.intervals.allSatisfy { $0 == nil })
        #expect(rate.note == "no population aged 0-17 for mid-2020")
        let percent = AreaObservation(
            data: data, area: area, year: 2021, measure: BundledData.catalogue.named("rereferrals_12m_pct")!, options: options)
        #expect(percent.intervals.allSatisfy { $0 == nil } && percent.numerator.isNaN)
        #expect(percent.note == "no published referrals_number")
    }
}
