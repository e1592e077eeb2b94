import ScorecastCore

/// Reads one children in need census return (DfE's CIN census XML) into a ``CINCensusReturn``.
///
/// Semantics:
/// - The file must be UTF-8 XML (a byte-order mark is skipped; CRLF and padded values are fine:
///   every value is trimmed) whose root is `Message` with a `Header/CollectionDetails` giving
///   `Collection` `CIN` and a `ReferenceDate` that is a date. Anything else is not a CIN census
///   return: a ``DataError`` names the file and the line where reading stopped.
/// - Elements must nest (an end tag closes the element last opened); a file that ends inside an
///   element is cut short, located at its end.
/// - Only the elements the measures need are kept (see ``CINCensusReturn``); other elements,
///   attributes, comments and mixed text are read past. Dates are kept as written with their
///   lines: a value that is not a date is a validation issue for the episode, not a file error.
///
/// The layout follows the validator `data-to-insight/csc-validator-be-cin` (`cin_validator/
/// ingress.py` reads the same elements with ElementTree) and DfE's CIN census guide.
///
/// Complexity: O(bytes), one pass, memory for the file and the kept fields.
public enum CINCensusReader {
    /// Whether `bytes` look like XML: the first byte after a byte-order mark and white space is `<`.
    public static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count && (bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09) {
            index += 1
        }
        return index < bytes.count && bytes[index] == 0x3C
    }

    /// Reads the file at `path`.
    ///
    /// - Throws: ``FileError`` when it cannot be read, ``DataError`` when it is not a whole CIN
    ///   census return.
    public static func read(path: String) throws -> CINCensusReturn {
        try read(bytes: ByteSource(path: path).readAll(), file: path)
    }

    /// Reads a return from `bytes`, naming it `file` in messages.
    public static func read(bytes: [UInt8], file: String) throws -> CINCensusReturn {
        var scanner = try XMLScanner(bytes: bytes, file: file)
        var open: [(name: String, line: Int)] = []
        var text: Range<Int>? = nil
        var collection: (text: String, line: Int)? = nil
        var year = ""
        var reference: CINDateField? = nil
        var headerChecked = false
        var children: [CINChildRecord] = []
        var child: CINChildRecord? = nil
        var episode: CINEpisodeRecord? = nil
        var assessment: CINAssessmentRecord? = nil
        var section47: CINSection47Record? = nil
        var plan: CINPlanRecord? = nil

        func notCIN(_ found: String, line: Int) -> DataError {
            DataError(
                file: file, line: line, column: 1,
                expected:
                    "expected a CIN census return (XML Message/Header/CollectionDetails with Collection CIN and a ReferenceDate), found \(found)")
        }
        func checkHeader(line: Int) throws {
            guard !headerChecked else { return }
            guard let collection else { throw notCIN("no Collection before line \(line)", line: line) }
            guard collection.text.uppercased() == "CIN" else {
                throw notCIN("Collection \(DataError.quote(collection.text))", line: collection.line)
            }
            guard let reference else { throw notCIN("no ReferenceDate before line \(line)", line: line) }
            guard reference.date != nil else {
                throw DataError(
                    file: file, line: reference.line, column: 1,
                    expected: "expected the return's ReferenceDate as a date YYYY-MM-DD, found \(DataError.quote(reference.text))")
            }
            headerChecked = true
        }

        while let token = try scanner.next() {
            switch token.kind {
            case .text:
                if open.isEmpty {
                    guard scanner.isBlank(token.range) else {
                        throw notCIN("text \(DataError.quote(scanner.decodedText(token.range))) outside any element", line: token.line)
                    }
                } else {
                    text = token.range
                }
            case .start:
                if open.isEmpty {
                    guard token.name == "Message" else { throw notCIN("the element <\(token.name)>", line: token.line) }
                    if !children.isEmpty || headerChecked { throw notCIN("a second root element <\(token.name)>", line: token.line) }
                }
                let parent = open.last?.name ?? ""
                open.append((token.name, token.line))
                text = nil
                switch (token.name, parent) {
                case ("Children", "Message"): try checkHeader(line: token.line)
                case ("Child", "Children"): child = CINChildRecord(line: token.line)
                case ("CINdetails", "Child"): episode = CINEpisodeRecord(line: token.line)
                case ("Assessments", "CINdetails"): assessment = CINAssessmentRecord(line: token.line)
                case ("Section47", "CINdetails"): section47 = CINSection47Record(line: token.line)
                case ("ChildProtectionPlans", "CINdetails"): plan = CINPlanRecord(line: token.line)
                default: break
                }
            case .end:
                guard let last = open.popLast() else {
                    throw DataError(
                        file: file, line: token.line, column: 1, expected: "expected no end tag after the root element, found </\(token.name)>")
                }
                guard last.name == token.name else {
                    throw DataError(
                        file: file, line: token.line, column: 1,
                        expected: "expected </\(last.name)> closing the element opened on line \(last.line), found </\(token.name)>")
                }
                let parent = open.last?.name ?? ""
                let value = { text.map { scanner.decodedText($0) } ?? "" }
                let date = { CINDateField(text: value(), line: last.line) }
                switch (token.name, parent) {
                case ("Collection", "CollectionDetails"):
                    collection = (value(), last.line)
                    guard value().uppercased() == "CIN" else { throw notCIN("Collection \(DataError.quote(value()))", line: last.line) }
                case ("Year", "CollectionDetails"): year = value()
                case ("ReferenceDate", "CollectionDetails"): reference = date()
                case ("Header", "Message"): try checkHeader(line: token.line)
                case ("LAchildID", "ChildIdentifiers"): child?.identifier = value()
                case ("PersonBirthDate", "ChildIdentifiers"): child?.birth = date()
                case ("CINreferralDate", "CINdetails"): episode?.referral = date()
                case ("CINclosureDate", "CINdetails"): episode?.closure = date()
                case ("ReferralSource", "CINdetails"): episode?.referralSource = value()
                case ("PrimaryNeedCode", "CINdetails"): episode?.primaryNeed = value()
                case ("ReasonForClosure", "CINdetails"): episode?.reasonForClosure = value()
                case ("ReferralNFA", "CINdetails"): episode?.referralNFA = value()
                case ("AssessmentActualStartDate", "Assessments"): assessment?.start = date()
                case ("AssessmentAuthorisationDate", "Assessments"): assessment?.authorised = date()
                case ("S47ActualStartDate", "Section47"): section47?.start = date()
                case ("InitialCPCtarget", "Section47"): section47?.conferenceTarget = date()
                case ("DateOfInitialCPC", "Section47"): section47?.conference = date()
                case ("ICPCnotRequired", "Section47"): section47?.conferenceNotRequired = value()
                case ("CPPstartDate", "ChildProtectionPlans"): plan?.start = date()
                case ("CPPendDate", "ChildProtectionPlans"): plan?.end = date()
                case ("NumberOfPreviousCPP", "ChildProtectionPlans"): plan?.previousPlans = value()
                case ("Assessments", "CINdetails"):
                    if let assessment { episode?.assessments.append(assessment) }
                    assessment = nil
                case ("Section47", "CINdetails"):
                    if let section47 { episode?.section47s.append(section47) }
                    section47 = nil
                case ("ChildProtectionPlans", "CINdetails"):
                    if let plan { episode?.plans.append(plan) }
                    plan = nil
                case ("CINdetails", "Child"):
                    if let episode { child?.episodes.append(episode) }
                    episode = nil
                case ("Child", "Children"):
                    if let child { children.append(child) }
                    child = nil
                case ("Message", ""):
                    try checkHeader(line: token.line)
                default: break
                }
                text = nil
            }
        }
        if let last = open.last {
            throw scanner.error(
                "expected </\(last.name)> closing the element opened on line \(last.line), found the end of the file (is it cut short?)",
                at: bytes.count)
        }
        guard headerChecked, let date = reference?.date else {
            throw notCIN("no Message element", line: scanner.line)
        }
        return CINCensusReturn(file: file, collection: collection?.text ?? "", year: year, referenceDate: date, children: children)
    }
}
