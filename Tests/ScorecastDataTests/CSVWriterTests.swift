import ScorecastNumerics
import Testing

@testable import ScorecastData

@Suite("CSVWriter and CSVNumber")
struct CSVWriterTests {
    @Test(arguments: [
        (["plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""], "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\n"),
        (["é", "x\ry"], "é,\"x\ry\"\n"),
    ])
    func quotesOnlyWhenNeeded(fields: [String], expected: String) {
        var writer = CSVWriter()
        writer.writeRecord(fields)
        #expect(writer.text == expected)
    }

    @Test func roundTripsThroughTheReader() throws {
        let records = [["a", "b,c", "\"q\"", "multi\r\nline", "", "€"], ["1", "2", "3", "4", "5", "6"]]
        var writer = CSVWriter(lineEnding: "\r\n")
        for record in records { writer.writeRecord(record) }
        #expect(try CSVReader(text: writer.text).readAllRecords() == records)
    }

    @Test(arguments: [
        (1297.0, "1297"), (0.1, "0.1"), (-15.5, "-15.5"), (0.0, "0"), (-0.0, "0"), (1e-5, "1e-05"),
        (123456789012.0, "123456789012"), (Double.nan, ""), (2.0 / 3.0, "0.6666666666666666"),
    ])
    func formatsShortestRoundTrip(value: Double, text: String) {
        #expect(CSVNumber.format(value) == text)
    }

    @Test(arguments: [
        ("1297", 1297.0), ("-15", -15.0), ("+2.5", 2.5), ("0.1", 0.1), (".5", 0.5), ("5.", 5.0),
        ("1e3", 1000.0), ("1.5E-2", 0.015), ("0.6666666666666666", 2.0 / 3.0),
        ("12345678901234567890", 12345678901234567890.0), ("1e-400", 0.0), ("4.9e-324", Double.leastNonzeroMagnitude),
        (
            "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            Double.greatestFiniteMagnitude
        ),
    ])
    func parsesDecimals(text: String, value: Double) {
        #expect(CSVNumber.parse(text) == value)
    }

    @Test(arguments: ["", "-", "+", ".", "1,190", "15%", " 1", "1 ", "NaN", "inf", "0x10", "1e", "1e+", "1..2", "1.2.3", "abc", "1e5x", "--1"])
    func rejectsAnythingElse(text: String) {
        #expect(CSVNumber.parse(text) == nil)
    }

    @Test func fastPathAgreesWithTheCLibrary() {
        var generator = Xoshiro256StarStar(seed: 42)
        for _ in 0..<20_000 {
            let digits = Int(generator.next() % 16) + 1
            var text = String(generator.next() % 2 == 0 ? "" : "-")
            for position in 0..<digits {
                if position == Int(generator.next() % UInt64(digits + 1)) && !text.contains(".") { text += "." }
                text += String(generator.next() % 10)
            }
            #expect(CSVNumber.parse(text) == Double(text), "\(text)")
            let value = Double(bitPattern: generator.next() >> 2)
            #expect(CSVNumber.parse(CSVNumber.format(value)) == value)
        }
    }

    /// Property: whatever the fields hold, writing then reading gives them back, and the
    /// records keep their count (seeded random fields over the characters that need quoting).
    @Test func writeThenReadIsTheIdentity() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        let alphabet: [Character] = ["a", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "\t", "é", "€", "𝄞", "-", "."]
        for trial in 0..<300 {
            let columns = Int(generator.next() % 5) + 1
            let records = (0..<Int(generator.next() % 6 + 1)).map { _ in
                (0..<columns).map { _ in
                    String((0..<Int(generator.next() % 8)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
                }
            }
            var writer = CSVWriter(lineEnding: trial % 2 == 0 ? "\n" : "\r\n")
            for record in records { writer.writeRecord(record) }
            let reader = CSVReader(text: writer.text, name: "property")
            reader.expectedFieldCount = columns
            #expect(try reader.readAllRecords() == records, "trial \(trial)")
        }
    }
}
