import ScorecastCore
import Testing

@testable import ScorecastData

@Suite("CSVReader")
struct CSVReaderTests {
    static func records(_ text: String) throws -> [[String]] {
        try CSVReader(text: text, name: "t.csv").readAllRecords()
    }

    static func failure(_ text: String, expectedFieldCount: Int? = nil) -> DataError? {
        let reader = CSVReader(text: text, name: "t.csv")
        reader.expectedFieldCount = expectedFieldCount
        do {
            while try reader.nextRecord() {}
            return nil
        } catch let error as DataError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test(arguments: [
        ("a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("a,b\r\n1,2\r\n", [["a", "b"], ["1", "2"]]),
        ("a,b\n1,2", [["a", "b"], ["1", "2"]]),
        ("\u{FEFF}a,b\n1,2\n", [["a", "b"], ["1", "2"]]),
        ("\"a,b\",\"c\"\"d\"\n", [["a,b", "c\"d"]]),
        ("\"line 1\nline 2\",x\r\n", [["line 1\nline 2", "x"]]),
        ("\"crlf\r\ninside\",x\n", [["crlf\r\ninside", "x"]]),
        (",\n", [["", ""]]),
        ("a,\n", [["a", ""]]),
        ("a,", [["a", ""]]),
        ("\"\"\n", [[""]]),
        ("é,ü€,𝄞\n", [["é", "ü€", "𝄞"]]),
        ("", []),
        ("\u{FEFF}", []),
        ("a\n\nb\n", [["a"], [""], ["b"]]),
        ("tab\there\n", [["tab\there"]]),
    ])
    func readsValidCSV(text: String, expected: [[String]]) throws {
        #expect(try Self.records(text) == expected)
    }

    @Test(arguments: [
        ("a,b\n\"open,x\n", 2, 1, "closing quote"),
        ("a,b\nx\"y,z\n", 2, 2, "no quote inside an unquoted field"),
        ("a,b\n\"x\"y,z\n", 2, 4, "after the closing quote"),
        ("a,b\rc\n", 1, 5, "line feed after the carriage return"),
        ("a,b\nc,\u{0}d\n", 2, 3, "control byte 0x0"),
        ("é,b\nc,\u{7F}\n", 2, 3, "control byte 0x7F"),
    ])
    func reportsMalformedCSVWhereItIs(text: String, line: Int, column: Int, words: String) throws {
        let error = try #require(Self.failure(text))
        #expect(error.file == "t.csv")
        #expect(error.line == line)
        #expect(error.column == column)
        #expect(error.expected.contains(words))
    }

    @Test func reportsInvalidUTF8() throws {
        let bytes: [UInt8] = Array("a,b\nc,".utf8) + [0xFF, 0x0A]
        let reader = CSVReader(source: ByteSource(bytes: bytes, name: "bin"))
        #expect(
            throws: DataError(
                file: "bin", line: 2, column: 3, expected: "expected UTF-8 text, found the byte 0xFF (is this a binary file or another encoding?)")
        ) {
            while try reader.nextRecord() {}
        }
    }

    @Test(arguments: [
        ("a,b\n1,2,3\n", 2, 5, "expected 2 fields as in the header, found 3"),
        ("a,b\n1\n", 2, 2, "expected 2 fields as in the header, found 1"),
        ("a,b\n1,2\n\n", 3, 1, "expected 2 fields as in the header, found an empty line"),
        ("a,b\n\"x\ny\"\n", 3, 3, "expected 2 fields as in the header, found 1"),
    ])
    func checksFieldCounts(text: String, line: Int, column: Int, expected: String) throws {
        let reader = CSVReader(text: text, name: "t.csv")
        _ = try reader.nextRecord()
        reader.expectedFieldCount = reader.record.count
        #expect(throws: DataError(file: "t.csv", line: line, column: column, expected: expected)) {
            while try reader.nextRecord() {}
        }
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(Self.failure("€€,x\"\n"))
        #expect(error.line == 1 && error.column == 5)
    }

    @Test func recordsKnowWhereFieldsBegin() throws {
        let reader = CSVReader(text: "a,\"b\nc\",d\n", name: "t")
        #expect(try reader.nextRecord())
        #expect(reader.record.line == 1)
        #expect(reader.record.column(of: 1) == 3)
        #expect(reader.record.line(of: 2) == 2)
        #expect(reader.record.column(of: 2) == 4)
    }

    @Test func descriptionIsOneCompilerStyleLine() {
        let error = DataError(file: "in.csv", line: 3, column: 7, expected: "expected a number, found 'a\nb'")
        #expect(error.description == "in.csv:3:7: expected a number, found 'a\\nb'")
    }

    @Test func readsAcrossChunkBoundaries() throws {
        // Records that straddle the 1 MiB chunk boundary of a real file.
        let row = "series-with-a-long-name,\"quoted, with comma\",12345.678\n"
        let rows = ByteSource.chunkSize / row.utf8.count + 50
        let text = String(repeating: row, count: rows)
        let path = try TemporaryDirectory.make().path + "/big.csv"
        try OutputFile.write(Array(text.utf8), to: path)
        let reader = try CSVReader(path: path)
        var count = 0
        while try reader.nextRecord() {
            #expect(reader.record.strings == ["series-with-a-long-name", "quoted, with comma", "12345.678"])
            count += 1
        }
        #expect(count == rows)
    }
}
