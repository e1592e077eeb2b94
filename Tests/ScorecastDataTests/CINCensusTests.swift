import Foundation
import ScorecastCore
import ScorecastData
import Testing

/// Small CIN census returns written in the tests.
enum CINText {
    static func header(reference: String = "2024-03-31", collection: String = "CIN") -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <Message xmlns="http://www.example.org/cin">
          <Header>
            <CollectionDetails>
              <Collection>\(collection)</Collection>
              <Year>2024</Year>
              <ReferenceDate>\(reference)</ReferenceDate>
            </CollectionDetails>
          </Header>
          <Children>

        """
    }

    static let footer = "  </Children>\n</Message>\n"

    static func child(_ identifier: String, _ episodes: String) -> String {
        """
            <Child>
              <ChildIdentifiers><LAchildID>\(identifier)</LAchildID><PersonBirthDate>2015-01-01</PersonBirthDate></ChildIdentifiers>
              <ChildCharacteristics><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
        \(episodes)
            </Child>

        """
    }

    static func read(_ text: String, file: String = "return.xml") throws -> CINCensusReturn {
        try CINCensusReader.read(bytes: Array(text.utf8), file: file)
    }
}

@Suite("CIN census reader")
struct CINCensusReaderTests {
    /// A byte-order mark, CRLF line ends, padded values, a comment, a self-closing element and
    /// a namespace prefix are all read.
    @Test func messyFileIsRead() throws {
        let episodes = """
                  <CINdetails>
                    <CINreferralDate>  2023-05-02 </CINreferralDate>
                    <!-- a comment <Child> -->
                    <CINclosureDate>2024-01-10</CINclosureDate>
                    <ReferralNFA/>
                    <Assessments>
                      <AssessmentActualStartDate>2023-05-03</AssessmentActualStartDate>
                      <cin:AssessmentAuthorisationDate>2023-06-01</cin:AssessmentAuthorisationDate>
                      <FactorsIdentifiedAtAssessment/>
                    </Assessments>
                    <Section47>
                      <S47ActualStartDate>2023-05-04</S47ActualStartDate>
                      <DateOfInitialCPC>2023-05-20</DateOfInitialCPC>
                    </Section47>
                    <ChildProtectionPlans>
                      <CPPstartDate>2023-05-20</CPPstartDate>
                      <NumberOfPreviousCPP> 1 </NumberOfPreviousCPP>
                    </ChildProtectionPlans>
                  </CINdetails>
            """
        let text =
            "\u{FEFF}" + (CINText.header() + CINText.child("  A&amp;1 ", episodes) + CINText.footer).replacingOccurrences(of: "\n", with: "\r\n")
        let census = try CINText.read(text)
        #expect(census.referenceDate == CalendarDate(year: 2024, month: 3, day: 31))
        #expect(census.firstDay == CalendarDate(year: 2023, month: 4, day: 1))
        #expect(census.children.count == 1)
        let child = census.children[0]
        #expect(child.identifier == "A&1")
        let episode = try #require(child.episodes.first)
        #expect(episode.referral?.date == CalendarDate(year: 2023, month: 5, day: 2))
        #expect(episode.referral?.line == 15)
        #expect(episode.assessments.first?.authorised?.date == CalendarDate(year: 2023, month: 6, day: 1))
        #expect(episode.section47s.first?.conference?.date == CalendarDate(year: 2023, month: 5, day: 20))
        #expect(episode.plans.first?.previousPlans == "1")
    }

    struct BadFile: Sendable, CustomStringConvertible {
        var description: String
        var text: String
        var line: Int
        var message: String
    }

    static let badFiles: [BadFile] = [
        BadFile(description: "a 903 CSV", text: "CHILD,SEX,DOB\n1,1,01/01/2015\n", line: 1, message: "expected a CIN census return"),
        BadFile(description: "empty", text: "", line: 1, message: "found no Message element"),
        BadFile(
            description: "another XML", text: "<?xml version=\"1.0\"?>\n<Workbook>\n</Workbook>\n", line: 2, message: "found the element <Workbook>"),
        BadFile(
            description: "another collection", text: CINText.header(collection: "SSDA903") + CINText.footer, line: 5,
            message: "Collection 'SSDA903'"),
        BadFile(
            description: "reference date not a date", text: CINText.header(reference: "31/03/2024") + CINText.footer, line: 7,
            message: "expected the return's ReferenceDate as a date YYYY-MM-DD"),
        BadFile(
            description: "cut short inside an element",
            text: CINText.header() + "    <Child>\n      <CINdetails><CINreferralDate>2023-05-02</CINreferralDate>\n", line: 13,
            message: "expected </CINdetails> closing the element opened on line 12, found the end of the file (is it cut short?)"),
        BadFile(
            description: "cut short inside a tag", text: CINText.header() + "    <Child><ChildIdent", line: 11,
            message: "found the end of the file (is it cut short?)"),
        BadFile(
            description: "mismatched end tag", text: CINText.header() + "    <Child></Children>\n", line: 11,
            message: "expected </Child> closing the element opened on line 11, found </Children>"),
    ]

    /// A file that is not a whole CIN census return is a DataError naming it and the line.
    @Test(arguments: badFiles) func badFileIsLocated(_ bad: BadFile) throws {
        do {
            _ = try CINText.read(bad.text, file: "bad.xml")
            Issue.record("expected a DataError")
        } catch let error as DataError {
            #expect(error.file == "bad.xml")
            #expect(error.line == bad.line, "\(error)")
            #expect(error.expected.contains(bad.message), "\(error)")
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every XML file in the CIN validator's `fake_data/` imports (their bad dates listed in
    /// validation, located), and cut at any of a dozen points each fails located, never crashes.
    @Test func validatorFakeDataImportsOrFailsLocated() throws {
        let folder = Self.repository.appendingPathComponent("notebooks-data/cin-validator-fake-data").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted()
        #expect(names.count == 9)
        for name in names {
            let path = folder + "/" + name
            let result = try CINCensusImport(paths: [path])
            #expect(result.returns.count == 1)
            for issue in result.merged.issues {
                #expect(issue.file == path && issue.line > 1)
            }
            let bytes = try ByteSource(path: path).readAll()
            for cut in stride(from: 1, to: bytes.count - 12, by: max(1, bytes.count / 12)) {
                #expect(throws: DataError.self, "\(name) cut at \(cut)") {
                    _ = try CINCensusReader.read(bytes: Array(bytes[..<cut]), file: name)
                }
            }
        }
        let fake = try CINCensusImport(paths: [folder + "/fake_CIN_data.xml"])
        #expect(fake.merged.episodes.count == 388)
        #expect(fake.merged.issues.count == 14)
    }
}

@Suite("Working days")
struct WorkingDaysTests {
    /// (start, end, working days): the start day not counted, the end day counted; weekends and
    /// England's bank holidays out.
    static let cases: [(String, String, Int)] = [
        ("2024-03-04", "2024-03-04", 0),  // the same day
        ("2024-03-04", "2024-03-05", 1),  // Monday to Tuesday
        ("2024-03-08", "2024-03-11", 1),  // Friday to Monday
        ("2024-03-09", "2024-03-10", 0),  // Saturday to Sunday
        ("2024-03-28", "2024-04-02", 1),  // Good Friday and Easter Monday out
        ("2023-12-22", "2024-01-02", 4),  // Friday to Tuesday: Christmas, Boxing Day and New Year's Day out
        ("2024-01-01", "2024-03-04", 45),  // 45 working days
        ("2022-09-16", "2022-09-20", 1),  // the Queen's funeral, 19 September 2022
    ]

    @Test(arguments: cases) func counts(_ testCase: (String, String, Int)) {
        let start = CalendarDate(parsing: testCase.0)!, end = CalendarDate(parsing: testCase.1)!
        let table = WorkingDays(from: CalendarDate(year: 2020, month: 1, day: 1), through: CalendarDate(year: 2025, month: 12, day: 31))
        #expect(table.count(from: start, to: end) == testCase.2)
        // Outside the table's range, counted day by day: the same answer.
        let narrow = WorkingDays(from: CalendarDate(year: 2019, month: 1, day: 1), through: CalendarDate(year: 2019, month: 1, day: 2))
        #expect(narrow.count(from: start, to: end) == testCase.2)
        #expect(table.count(from: end, to: start) == -testCase.2)
    }

    @Test func datesBefore1978CountWeekdaysAndDoNotStop() {
        let table = WorkingDays(from: CalendarDate(year: 1900, month: 1, day: 1), through: CalendarDate(year: 1900, month: 1, day: 31))
        #expect(table.count(from: CalendarDate(year: 1900, month: 1, day: 1), to: CalendarDate(year: 1900, month: 1, day: 8)) == 5)
    }
}

@Suite("CIN census merging and measures")
struct CINMergingTests {
    static func episode(
        referral: String, closure: String? = nil, assessment: (String, String?)? = nil, plan: (String, String?)? = nil,
        s47: (String, String?)? = nil
    ) -> String {
        var text = "      <CINdetails>\n        <CINreferralDate>\(referral)</CINreferralDate>\n"
        if let closure { text += "        <CINclosureDate>\(closure)</CINclosureDate>\n" }
        if let assessment {
            text += "        <Assessments><AssessmentActualStartDate>\(assessment.0)</AssessmentActualStartDate>"
            if let authorised = assessment.1 { text += "<AssessmentAuthorisationDate>\(authorised)</AssessmentAuthorisationDate>" }
            text += "</Assessments>\n"
        }
        if let s47 {
            text += "        <Section47><S47ActualStartDate>\(s47.0)</S47ActualStartDate>"
            if let conference = s47.1 { text += "<DateOfInitialCPC>\(conference)</DateOfInitialCPC>" }
            text += "</Section47>\n"
        }
        if let plan {
            text += "        <ChildProtectionPlans><CPPstartDate>\(plan.0)</CPPstartDate>"
            if let end = plan.1 { text += "<CPPendDate>\(end)</CPPendDate>" }
            text += "<NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>\n"
        }
        return text + "      </CINdetails>"
    }

    /// An open episode recurs next year, more complete: the latest return gives its fields and
    /// its assessment's authorisation; an assessment only in the earlier return is kept; a child
    /// repeated whole counts once; an episode whose latest record is invalid is left out.
    @Test func latestReturnWinsAndRepeatedChildCountsOnce() throws {
        let first = try CINText.read(
            CINText.header(reference: "2023-03-31")
                + CINText.child("A", Self.episode(referral: "2023-02-01", assessment: ("2023-02-02", nil)))
                + CINText.child("A", Self.episode(referral: "2023-02-01", assessment: ("2023-02-02", nil)))
                + CINText.child("B", Self.episode(referral: "2022-06-01", assessment: ("2022-06-01", "2022-06-20")))
                + CINText.child("C", Self.episode(referral: "2023-01-05", assessment: ("2023-01-06", "2023-01-20")))
                + CINText.footer, file: "2023.xml")
        let second = try CINText.read(
            CINText.header(reference: "2024-03-31")
                + CINText.child(
                    "A",
                    Self.episode(referral: "2023-02-01", closure: "2023-09-30", assessment: ("2023-02-02", "2023-03-20"))
                        + "\n" + Self.episode(referral: "2023-11-01", assessment: ("2023-11-02", "2023-11-10")))
                + CINText.child("C", Self.episode(referral: "2023-01-05", closure: "2023-01-01"))
                + CINText.footer, file: "2024.xml")
        let merged = CINEpisodes(returns: [second, first])
        #expect(merged.episodes.map(\.child) == ["A", "A", "B"])
        let a = merged.episodes[0]
        #expect(a.closure == CalendarDate(year: 2023, month: 9, day: 30))
        #expect(a.file == "2024.xml")
        #expect(
            a.assessments == [
                CINAssessment(start: CalendarDate(year: 2023, month: 2, day: 2), authorised: CalendarDate(year: 2023, month: 3, day: 20))
            ])
        #expect(merged.leftOut == 1)
        #expect(merged.issues.map(\.rule) == [.closedBeforeReferral])
        #expect(merged.issues.first?.file == "2024.xml" && merged.issues.first?.child == "C")

        let measures = CINMonthlyMeasures(episodes: merged.episodes, from: Period(year: 2022, month: 4), through: Period(year: 2024, month: 3))
        func value(_ name: String, _ year: Int, _ month: Int) -> Int {
            measures.counts[name]![Period(year: 2022, month: 4).distance(to: Period(year: year, month: month))]
        }
        #expect(value("referrals", 2023, 2) == 1)  // A once, though repeated
        #expect(value("re_referrals_12m", 2023, 11) == 1)  // A again within 12 months
        #expect(value("assessments_completed", 2023, 3) == 1)
        #expect(value("assessments_wd_26_35", 2023, 3) == 1)  // 2 Feb to 20 Mar 2023: 33 working days
        // B's episode stays open; A's first closes on 30 September, so is not open on that day.
        #expect(value("cin_open", 2023, 3) == 2)
        #expect(value("cin_open", 2023, 9) == 1)
        #expect(value("cin_open", 2024, 3) == 2)
    }

    /// Conference timeliness, conference to plan, repeat plans and open plans.
    @Test func childProtectionMeasures() throws {
        let census = try CINText.read(
            CINText.header()
                + CINText.child(
                    "P",
                    Self.episode(referral: "2023-04-03", closure: "2023-06-01", plan: ("2023-04-25", "2023-05-31"), s47: ("2023-04-04", "2023-04-25"))
                        + "\n"
                        + Self.episode(referral: "2023-08-01", plan: ("2023-09-20", nil), s47: ("2023-08-02", "2023-09-19")))
                + CINText.footer)
        let merged = CINEpisodes(returns: [census])
        let measures = CINMonthlyMeasures(episodes: merged.episodes, from: Period(year: 2023, month: 4), through: Period(year: 2024, month: 3))
        func value(_ name: String, _ month: Int) -> Int { measures.counts[name]![(month + 12 - 4) % 12] }
        #expect(value("icpcs", 4) == 1 && value("icpcs_within_15wd", 4) == 1 && value("icpcs_to_plan", 4) == 1)
        #expect(value("icpcs", 9) == 1 && value("icpcs_within_15wd", 9) == 0 && value("icpcs_to_plan", 9) == 0)
        #expect(value("cpp_started", 4) == 1 && value("cpp_started_repeat", 4) == 0)
        #expect(value("cpp_started", 9) == 1 && value("cpp_started_repeat", 9) == 1)
        #expect(value("cpp_open", 4) == 1 && value("cpp_open", 5) == 0 && value("cpp_ended", 5) == 1)
        #expect(value("cpp_open", 9) == 1 && value("cpp_open", 3) == 1)
    }
}

@Suite("Measure code map")
struct MeasureCodeMapTests {
    @Test func bundledMapReadsAndRenames() throws {
        let path = CINCensusReaderTests.repository.appendingPathComponent("notebooks-data/scorecard/measure-codes.csv").path
        let map = try MeasureCodeMap.read(path: path)
        #expect(map.code(of: "referrals") == "M2")
        #expect(map.code(of: "re_referrals_12m") == "M6-QL (val)")
        #expect(map.code(of: "lac_ceased_sgo") == "LAC12 (val)")
        let series = try ObservationReader(text: "series,period,value\nreferrals,2024-01,5\ncin_open,2024-01,7\nunmapped,2024-01,1\n").readAll()
        let renamed = map.renamed(series)
        #expect(renamed.map(\.name) == ["M2", "CIN5"])
        #expect(renamed[1].series.values == [7])
    }

    @Test func measureGivenTwiceIsLocated() throws {
        let directory = try TemporaryDirectory.make()
        try OutputFile.write(Array("measure,code\nreferrals,M2\nreferrals,M3\n".utf8), to: directory.path + "/map.csv")
        #expect(throws: DataError.self) { _ = try MeasureCodeMap.read(path: directory.path + "/map.csv") }
    }
}
