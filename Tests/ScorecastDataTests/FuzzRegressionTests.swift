import Foundation
import ScorecastCore
import Testing

@testable import ScorecastData

/// Inputs the libFuzzer harnesses (`Fuzz/Harnesses`, run by `scripts/fuzz`) found to crash a
/// reader, minimised and committed under `Fixtures/fuzz/HARNESS/`. Each is replayed through
/// the same checks as its harness, so the bug it found stays fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// The committed inputs of one harness, as (file name, bytes).
    static func inputs(_ harness: String) -> [(name: String, bytes: [UInt8])] {
        guard let folder = Bundle.module.url(forResource: "Fixtures/fuzz/" + harness, withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.sorted().map { name in
            (name, [UInt8](FileManager.default.contents(atPath: folder.path + "/" + name) ?? Data()))
        }
    }

    /// The CSV codec: what the reader accepts, the writer writes so that it reads back the same.
    /// `second-byte-order-mark.csv`: a field opening the file with U+FEFF (after the real byte
    /// order mark) was written bare and then skipped as a byte order mark on reading.
    @Test func csvCodecRoundTrips() throws {
        let inputs = Self.inputs("CSVCodec")
        #expect(!inputs.isEmpty)
        for input in inputs {
            guard let records = try? CSVReader(source: ByteSource(bytes: input.bytes, name: input.name)).readAllRecords() else { continue }
            var writer = CSVWriter()
            for record in records { writer.writeRecord(record) }
            #expect(try CSVReader(source: ByteSource(bytes: writer.bytes, name: "again")).readAllRecords() == records, "\(input.name)")
        }
    }

    @Test func fieldOpeningWithByteOrderMarkIsQuoted() {
        var writer = CSVWriter()
        writer.writeRecord(["\u{FEFF}name", "x"])
        #expect(writer.text == "\"\u{FEFF}name\",x\n")
    }

    /// The xlsx reader: a damaged archive is a ``DataError``, never a trap or a hang.
    /// `central-directory-past-the-end.xlsx`: an end-of-central-directory record (22 bytes)
    /// pointing past the data trapped inside ZIPFoundation's in-memory file (reduced by hand
    /// from the harness's 17,500-byte crash, same stack).
    /// `part-larger-than-the-file.xlsx`: a LAIT-like workbook whose sheet1.xml holds a corrupt
    /// deflate stream; ZIPFoundation 0.9.20's extraction looped for ever at its end (the
    /// harness's timeout). Parts are now inflated by ``ZIPDirectory`` within bounds.
    @Test func damagedWorkbooksAreDataErrors() throws {
        let inputs = Self.inputs("XLSXReader")
        #expect(inputs.count >= 2)
        for input in inputs {
            #expect(throws: DataError.self, "\(input.name)") {
                let reader = try XLSXReader(data: Data(input.bytes), name: input.name)
                for sheet in reader.sheets { _ = try reader.sheet(named: sheet.name) }
            }
        }
    }

    @Test func corruptStreamNamesThePart() throws {
        let input = try #require(Self.inputs("XLSXReader").first { $0.name == "part-larger-than-the-file.xlsx" })
        let error = try #require(throws: DataError.self) { try XLSXReader(data: Data(input.bytes), name: input.name).sheet() }
        #expect(error.file == input.name && error.line == 1 && error.column == 1)
        #expect(error.expected.hasPrefix("expected a readable part xl/worksheets/sheet1.xml in the workbook, found "), "\(error.expected)")
    }
}
