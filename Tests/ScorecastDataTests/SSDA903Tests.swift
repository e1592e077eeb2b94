import Foundation
import ScorecastCore
import ScorecastData
import Testing

/// The demand model's sample 903 returns in `notebooks-data/ssda903/`.
enum SSDA903Sample {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks-data/ssda903").path

    static func expected(_ name: String) throws -> String {
        let url = Bundle.module.url(forResource: "Fixtures/ssda903/expected-" + name, withExtension: nil)!
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The number of cells (fields past the key columns) that differ between two CSV texts of
    /// the same shape; -1 when the row keys or counts differ.
    static func differingCells(_ actual: String, _ expected: String, keyColumns: Int) -> Int {
        let a = actual.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let b = expected.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard a.count == b.count else { return -1 }
        var differing = 0
        for (x, y) in zip(a, b) {
            guard x.count == y.count, x.prefix(keyColumns) == y.prefix(keyColumns) else { return -1 }
            differing += zip(x.dropFirst(keyColumns), y.dropFirst(keyColumns)).filter { $0 != $1 }.count
        }
        return differing
    }
}

@Suite("SSDA903 import")
struct SSDA903Tests {
    /// Month-end stock, flows and moves on the sample returns equal the independent day-by-day
    /// implementation (scripts/fixtures/ssda903-reference.py) cell for cell.
    @Test func sampleReturnsMatchTheIndependentImplementation() throws {
        let result = try SSDA903Import(paths: [SSDA903Sample.directory])
        #expect(result.summary.months.count == 60)
        #expect(result.summary.months.first == Period(year: 2017, month: 4))
        let stock = result.stockCSV(), flows = result.flowsCSV()
        #expect(SSDA903Sample.differingCells(stock, try SSDA903Sample.expected("children-looked-after.csv"), keyColumns: 3) == 0)
        #expect(SSDA903Sample.differingCells(flows, try SSDA903Sample.expected("flows.csv"), keyColumns: 3) == 0)
        #expect(result.transitionsCSV() == (try SSDA903Sample.expected("transitions.csv")))
        // A closed cohort: stock falls; and counts are never negative.
        let totals = result.summary.stock.map { $0.joined().reduce(0, +) }
        #expect(totals.first! > totals.last!)
        #expect(result.summary.stock.allSatisfy { $0.joined().allSatisfy { $0 >= 0 } })
    }

    /// The sample's stock changes month to month by that month's entries − exits: entries on a
    /// month's last day are in its stock, exits on it are not.
    @Test func stockChangesByEntriesMinusExits() throws {
        let result = try SSDA903Import(paths: [SSDA903Sample.directory])
        let s = result.summary
        for month in 1..<s.months.count {
            let change = s.stock[month].joined().reduce(0, +) - s.stock[month - 1].joined().reduce(0, +)
            let flowSum = s.entries[month].joined().reduce(0, +) - s.exits[month].joined().reduce(0, +)
            #expect(change == flowSum, "month \(s.months[month])")
        }
    }

    /// BOM, CRLF, shuffled rows and files, lower-case and padded codes, ISO dates: the same
    /// numbers; added bad rows are listed with their file and line and change nothing.
    @Test func messyReturnsGiveTheSameNumbers() throws {
        let clean = try SSDA903Import(paths: [SSDA903Sample.directory])
        let folder = try TemporaryDirectory.make().path
        var generator = SplitMix(seed: 19)
        var badLines: [(file: String, line: Int, rule: SSDA903Issue.Rule)] = []
        for year in 2017...2021 {
            for table in ["header", "episodes"] {
                let text = try String(contentsOfFile: "\(SSDA903Sample.directory)/\(year)/\(table).csv", encoding: .utf8)
                var lines = text.split(separator: "\n").map(String.init)
                let header = lines.removeFirst()
                var rows = lines.map { line -> String in
                    var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    // Pad and lower-case the child and the codes; write some dates ISO.
                    fields[0] = "  " + fields[0] + " "
                    if table == "episodes" {
                        for code in [2, 3, 4, 5] { fields[code] = " " + fields[code].lowercased() + "  " }
                        if generator.next() % 2 == 0 { fields[1] = iso(fields[1]) }
                    } else if generator.next() % 2 == 0 {
                        fields[2] = iso(fields[2])
                    }
                    return fields.joined(separator: ",")
                }
                rows.shuffle(using: &generator)
                let name = "shuffled-\(table)-\(year)-\(generator.next() % 1000).csv"
                if table == "episodes" {
                    // Dates inside the return's own collection year (a DECOM years later would,
                    // by the rule, move the whole return to a later year).
                    let bad = [
                        ("999001,31/02/\(year + 1),S,C2,N1,U1,PR1,,X1,,A1 1AA,B1 1BB,1", SSDA903Issue.Rule.impossibleDate),
                        ("999002,10/10/\(year),S,C2,N1,U1,PR1,01/10/\(year),E11,,A1 1AA,B1 1BB,1", .decBeforeDecom),
                        ("999003,10/10/\(year),S,C2,N1,U1,PR1,,X1,,A1 1AA,B1 1BB,1", .noHeader),
                    ]
                    for (offset, (row, rule)) in bad.enumerated() {
                        let position = min(rows.count, 10 * (offset + 1))
                        rows.insert(row, at: position)
                        badLines.append(("\(folder)/\(year)/\(name)", position + 2, rule))
                    }
                }
                let body = "\u{FEFF}" + ([header] + rows).joined(separator: "\r\n") + "\r\n"
                try FileManager.default.createDirectory(atPath: "\(folder)/\(year)", withIntermediateDirectories: true)
                try body.write(toFile: "\(folder)/\(year)/\(name)", atomically: true, encoding: .utf8)
            }
        }
        let messy = try SSDA903Import(paths: [folder])
        #expect(messy.stockCSV() == clean.stockCSV())
        #expect(messy.flowsCSV() == clean.flowsCSV())
        #expect(messy.transitionsCSV() == clean.transitionsCSV())
        for bad in badLines {
            #expect(messy.issues.contains { $0.file == bad.file && $0.line == bad.line && $0.rule == bad.rule }, "\(bad)")
        }
        let added = Set(messy.issues.map(\.rule)).subtracting(clean.issues.map(\.rule))
        #expect(added == [.impossibleDate, .decBeforeDecom, .noHeader])
    }

    private func iso(_ date: String) -> String {
        let parts = date.split(separator: "/")
        guard parts.count == 3 else { return date }
        return "\(parts[2])-\(parts[1])-\(parts[0])"
    }

    @Test(
        arguments: [
            ("01/02/2020", "2020-02-01"), ("1/2/2020", "2020-02-01"), ("2020-02-29", "2020-02-29"), ("29/02/2019", nil),
            ("2019-02-29", nil), ("31/04/2020", nil), ("12/13/2020", nil), ("2020/01/01", nil), ("", nil), ("01/02/20", nil),
        ] as [(String, String?)])
    func datesParse(text: String, expected: String?) {
        #expect(SSDA903Date.parse(Substring(text))?.description == expected)
    }

    @Test(arguments: [
        // (birth, day, completed years)
        ("2008-02-29", "2009-02-27", 0), ("2008-02-29", "2009-02-28", 1), ("2008-02-29", "2012-02-28", 3),
        ("2008-02-29", "2012-02-29", 4), ("2010-06-15", "2016-06-14", 5), ("2010-06-15", "2016-06-15", 6),
        ("2010-06-15", "2010-06-15", 0), ("2000-12-31", "2016-12-30", 15),
    ])
    func agesInCompletedYears(birth: String, day: String, years: Int) {
        #expect(SSDA903Date.age(on: CalendarDate(parsing: day)!, birth: CalendarDate(parsing: birth)!) == years)
    }

    @Test(arguments: [(0, "0-1"), (1, "1-5"), (4, "1-5"), (5, "5-10"), (9, "5-10"), (10, "10-16"), (15, "10-16"), (16, "16-18"), (19, "16-18")])
    func bands(age: Int, label: String) {
        #expect(LookedAfterAgeBand(age: age).description == label)
    }

    @Test(arguments: [
        ("U1", "Fostering"), ("U6", "Fostering"), ("K2", "Residential"), ("P3", "Residential"), ("S1", "Residential"),
        ("H5", "Supported"), ("K3", "Supported"), ("P2", "Supported"), ("R2", "Other"), ("A3", "Other"), ("", "Other"),
    ])
    func standardPlacementCategories(code: String, category: String) {
        #expect(PlacementCategoryMap.standard.category(of: code) == category)
    }

    /// A `code,placement` file replaces the default map; unlisted codes count as Other, and a
    /// code listed twice is reported where it is.
    @Test func placementMapOverride() throws {
        let folder = try TemporaryDirectory.make().path
        try "code,placement\n u1 ,Kinship\nR2,Residential\nU2,Fostering\n".write(toFile: folder + "/map.csv", atomically: true, encoding: .utf8)
        let map = try PlacementCategoryMap.read(path: folder + "/map.csv")
        #expect(map.categories == ["Kinship", "Residential", "Fostering", "Other"])
        #expect(map.category(of: "U1") == "Kinship")
        #expect(map.category(of: "K2") == "Other")
        let result = try SSDA903Import(paths: [SSDA903Sample.directory], placements: map)
        #expect(result.summary.placements == map.categories)
        // The same children are counted whatever the map.
        let standard = try SSDA903Import(paths: [SSDA903Sample.directory])
        #expect(result.summary.stock.map { $0.joined().reduce(0, +) } == standard.summary.stock.map { $0.joined().reduce(0, +) })
        try "code,placement\nU1,Fostering\nu1,Other\n".write(toFile: folder + "/twice.csv", atomically: true, encoding: .utf8)
        #expect(throws: DataError(file: folder + "/twice.csv", line: 3, column: 1, expected: "expected each code once, found 'U1' again")) {
            try PlacementCategoryMap.read(path: folder + "/twice.csv")
        }
    }

    /// The clean-up rules on a hand-made child: a repeated open episode, a duplicate end, an
    /// overlap and an open episode before the next.
    @Test func cleanUpRules() throws {
        let folder = try TemporaryDirectory.make().path
        let episodesHeader = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n7,1,29/02/2008,WBRI,,,\n".write(toFile: folder + "/h.csv", atomically: true, encoding: .utf8)
        try """
        \(episodesHeader)
        7,01/05/2017,S,C2,N1,U1,PR1,,,,,,
        7,01/06/2017,P,C2,N1,K2,PR1,01/09/2017,X1,,,,
        7,01/07/2017,P,C2,N1,R2,PR1,01/09/2017,X1,,,,

        """.write(toFile: folder + "/a.csv", atomically: true, encoding: .utf8)
        try """
        \(episodesHeader)
        7,01/05/2017,S,C2,N1,U1,PR1,01/06/2017,P1,,,,
        7,01/10/2017,S,C2,N1,H5,PR1,,,,,,
        7,01/11/2017,P,C2,N1,U2,PR1,03/03/2019,E11,,,,

        """.write(toFile: folder + "/b.csv", atomically: true, encoding: .utf8)
        // Both files fall in collection year 2017-18 by their latest DECOM; b.csv is later in order.
        let result = try SSDA903Import(paths: [folder])
        let kept = result.episodes.map { "\($0.start)..\($0.end?.description ?? "")/\($0.place)/\($0.carePeriod)" }
        #expect(
            kept == [
                "2017-05-01..2017-06-01/U1/7/1", "2017-06-01..2017-09-01/K2/7/1", "2017-10-01..2017-11-01/H5/7/2",
                "2017-11-01..2019-03-03/U2/7/2",
            ])
        #expect(result.issues.map(\.rule) == [.duplicateEnd, .openBeforeNext])
        #expect(result.issues.map(\.line) == [4, 3])
        // Span 2017-04-01 to 2018-03-31; ten on 28 Feb 2018 (born 29 Feb 2008): 10-16 from then.
        #expect(result.summary.months.count == 12)
        let january = result.summary.stock[9], february = result.summary.stock[10]
        #expect(january[LookedAfterAgeBand.fiveToTen.rawValue][0] == 1)
        #expect(february[LookedAfterAgeBand.tenToSixteen.rawValue][0] == 1)
        #expect(february.joined().reduce(0, +) == 1)
        let moves = result.summary.moves.map {
            "\(result.summary.months[$0.key.month]) \($0.key.fromBand)/\($0.key.fromPlacement)->\($0.key.toBand)/\($0.key.toPlacement) \($0.value)"
        }.sorted()
        #expect(moves == ["2017-06 5-10/0->5-10/1 1", "2017-11 5-10/2->5-10/0 1", "2018-02 5-10/0->10-16/0 1"])
        let entries = result.summary.entries.map { $0.joined().reduce(0, +) }, exits = result.summary.exits.map { $0.joined().reduce(0, +) }
        #expect(entries == [0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0])
        #expect(exits == [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    }

    @Test func aFileThatIsNot903IsNamed() throws {
        let folder = try TemporaryDirectory.make().path
        try "series,period,value\nx,2020-01,1\n".write(toFile: folder + "/x.csv", atomically: true, encoding: .utf8)
        #expect(throws: DataError.self) { try SSDA903Import(paths: [folder + "/x.csv"]) }
        do {
            _ = try SSDA903Import(paths: [folder + "/x.csv"])
        } catch let error as DataError {
            #expect(error.file == folder + "/x.csv")
            #expect(error.line == 1)
        }
        // Under a folder it is skipped, and with no episodes at all the import fails.
        #expect(throws: DataError.self) { try SSDA903Import(paths: [folder]) }
    }
}

/// A small seeded generator for shuffling (SplitMix64, Steele, Lea and Flood 2014).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
