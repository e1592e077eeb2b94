import ScorecastCore
import ScorecastData
import ScorecastNumerics

extension SyntheticCINCensus {
    /// The return of collection year `year` (ReferenceDate 31 March `year`): its file name, XML
    /// text, and the children of the invalid episodes it holds.
    func returnFile(
        year: Int, children: [Child], episodes: [Episode], using generator: inout some RandomNumberGenerator
    ) -> (path: String, text: String, invalid: [String]) {
        let firstDay = CalendarDate(year: year - 1, month: 4, day: 1)
        let reference = CalendarDate(year: year, month: 3, day: 31)
        let index = year - lastCollectionYear + years - 1
        let lineEnd = messy && index % 2 == 1 ? "\r\n" : "\n"
        var text = messy && index % 2 == 0 ? "\u{FEFF}" : ""
        text.reserveCapacity(1 << 20)
        func line(_ depth: Int, _ content: String) {
            text += String(repeating: "  ", count: depth) + content + lineEnd
        }
        func padded(_ value: String) -> String {
            guard messy, RandomVariates.openUniform(using: &generator) < 0.03 else { return value }
            return "  " + value + " "
        }
        func element(_ depth: Int, _ name: String, _ value: String) {
            line(depth, "<\(name)>\(padded(value))</\(name)>")
        }
        func date(_ depth: Int, _ name: String, _ value: CalendarDate?) {
            if let value { element(depth, name, value.description) }
        }
        line(0, "<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        line(0, "<Message>")
        line(1, "<Header>")
        line(2, "<CollectionDetails>")
        element(3, "Collection", "CIN")
        element(3, "Year", String(year))
        element(3, "ReferenceDate", reference.description)
        line(2, "</CollectionDetails>")
        line(2, "<Source>")
        element(3, "SourceLevel", "L")
        element(3, "LEA", "852")
        element(3, "SoftwareCode", "Scorecast synthetic council")
        element(3, "Release", "1")
        element(3, "SerialNo", String(year))
        element(3, "DateTime", "\(year)-05-01T09:00:00")
        line(2, "</Source>")
        line(1, "</Header>")
        line(1, "<Children>")

        func writeChild(_ identifier: String, birth: CalendarDate, sex: Int, episodes: [Episode], extra: (() -> Void)? = nil) {
            line(2, "<Child>")
            line(3, "<ChildIdentifiers>")
            element(4, "LAchildID", identifier)
            element(4, "UPN", "A" + String(identifier.utf8.reduce(into: UInt64(7)) { $0 = $0 &* 31 &+ UInt64($1) } % 1_000_000_000_000))
            date(4, "PersonBirthDate", birth)
            element(4, "GenderCurrent", String(sex))
            line(3, "</ChildIdentifiers>")
            line(3, "<ChildCharacteristics>")
            element(4, "Ethnicity", ["WBRI", "WOTH", "MWBC", "BAFR", "ASIA", "OOTH"][Int(birth.dayNumber & 0x7FFF) % 6])
            line(4, "<Disabilities>")
            element(5, "Disability", "NONE")
            line(4, "</Disabilities>")
            line(3, "</ChildCharacteristics>")
            for episode in episodes {
                let known = SyntheticCINCensus.truncated(episode, at: reference)
                line(3, "<CINdetails>")
                date(4, "CINreferralDate", known.referral)
                element(4, "ReferralSource", known.source)
                element(4, "PrimaryNeedCode", known.need)
                if let closure = known.closure {
                    date(4, "CINclosureDate", closure)
                    element(4, "ReasonForClosure", known.nfa ? "RC8" : "RC1")
                }
                if let conference = known.section47s.first?.conference { date(4, "DateOfInitialCPC", conference) }
                element(4, "ReferralNFA", known.nfa ? "true" : "false")
                for assessment in known.assessments {
                    line(4, "<Assessments>")
                    date(5, "AssessmentActualStartDate", assessment.start)
                    date(5, "AssessmentAuthorisationDate", assessment.authorised)
                    line(5, "<FactorsIdentifiedAtAssessment>")
                    element(6, "AssessmentFactors", ["1C", "2B", "3A", "4B", "21"][Int(assessment.start.dayNumber & 0x7FFF) % 5])
                    line(5, "</FactorsIdentifiedAtAssessment>")
                    line(4, "</Assessments>")
                }
                for s47 in known.section47s {
                    line(4, "<Section47>")
                    date(5, "S47ActualStartDate", s47.start)
                    // A target 15 working days on, roughly: may fall after the ReferenceDate.
                    date(5, "InitialCPCtarget", s47.start.advanced(by: 21))
                    date(5, "DateOfInitialCPC", s47.conference)
                    element(5, "ICPCnotRequired", "false")
                    line(4, "</Section47>")
                }
                for plan in known.plans {
                    line(4, "<ChildProtectionPlans>")
                    date(5, "CPPstartDate", plan.start)
                    date(5, "CPPendDate", plan.end)
                    element(5, "InitialCategoryOfAbuse", "NEG")
                    element(5, "LatestCategoryOfAbuse", "NEG")
                    element(5, "NumberOfPreviousCPP", String(plan.previous))
                    line(4, "</ChildProtectionPlans>")
                }
                line(3, "</CINdetails>")
            }
            extra?()
            line(2, "</Child>")
        }

        var written: [Int] = []
        for (childIndex, child) in children.enumerated() {
            let held = child.episodes.map { episodes[$0] }.filter {
                $0.referral <= reference && (SyntheticCINCensus.truncated($0, at: reference).closure.map { $0 >= firstDay } ?? true)
            }
            guard !held.isEmpty else { continue }
            written.append(childIndex)
            writeChild(child.identifier, birth: child.birth, sex: child.sex, episodes: held)
        }
        guard messy else {
            line(1, "</Children>")
            line(0, "</Message>")
            return ("cin-census-\(year).xml", text, [])
        }
        // One child repeated whole.
        if let repeated = written.randomElement(using: &generator) {
            let child = children[repeated]
            let held = child.episodes.map { episodes[$0] }.filter {
                $0.referral <= reference && (SyntheticCINCensus.truncated($0, at: reference).closure.map { $0 >= firstDay } ?? true)
            }
            writeChild(child.identifier, birth: child.birth, sex: child.sex, episodes: held)
        }
        // Invalid episodes, one for each rule, each of a child of its own.
        let day = CalendarDate(year: year - 1, month: 10, day: 14)
        var invalid: [String] = []
        func invalidChild(_ rule: String, _ body: () -> Void) {
            let identifier = "INVALID\(year)\(rule)"
            invalid.append(identifier)
            line(2, "<Child>")
            line(3, "<ChildIdentifiers>")
            element(4, "LAchildID", identifier)
            element(4, "PersonBirthDate", "2015-06-01")
            line(3, "</ChildIdentifiers>")
            line(3, "<CINdetails>")
            body()
            element(4, "ReferralNFA", "false")
            line(3, "</CINdetails>")
            line(2, "</Child>")
        }
        invalidChild("closure") {
            date(4, "CINreferralDate", day)
            date(4, "CINclosureDate", day.advanced(by: -5))
        }
        invalidChild("assessment") {
            date(4, "CINreferralDate", day)
            line(4, "<Assessments>")
            date(5, "AssessmentActualStartDate", day.advanced(by: 3))
            date(5, "AssessmentAuthorisationDate", day.advanced(by: 1))
            line(4, "</Assessments>")
        }
        invalidChild("plan") {
            date(4, "CINreferralDate", day)
            line(4, "<ChildProtectionPlans>")
            date(5, "CPPstartDate", day.advanced(by: 20))
            date(5, "CPPendDate", day.advanced(by: 10))
            line(4, "</ChildProtectionPlans>")
        }
        invalidChild("conference") {
            date(4, "CINreferralDate", day)
            line(4, "<Section47>")
            date(5, "S47ActualStartDate", day.advanced(by: 8))
            date(5, "DateOfInitialCPC", day.advanced(by: 2))
            line(4, "</Section47>")
        }
        invalidChild("future") {
            date(4, "CINreferralDate", day)
            date(4, "CINclosureDate", reference.advanced(by: 40))
        }
        invalidChild("notadate") {
            element(4, "CINreferralDate", "14/10/\(year - 1)")
        }
        invalidChild("ordering") {
            date(4, "CINreferralDate", day)
            line(4, "<Assessments>")
            date(5, "AssessmentActualStartDate", day.advanced(by: 2))
            element(5, "AssessmentAuthorisationDate", "2024-02-30")
            line(4, "</Assessments>")
        }
        line(1, "</Children>")
        line(0, "</Message>")
        return ("cin-census-\(year).xml", text, invalid)
    }
}
