import Foundation
import ScorecastData
import Testing
import ZIPFoundation

/// The .xlsx writer round-trips a table through the reader, field for field, and lays out what
/// Excel needs: a frozen header row, number formats on numeric cells, text kept as text.
@Suite("xlsx writer")
struct XLSXWriterTests {
    static let header = ["measure", "year", "value", "note", "tricky"]
    static let rows: [[String]] = [
        ["cla_31mar_rate_per_10k", "2021", "100", "", "a, \"quoted\" <b> & </b>"],
        ["rereferrals_12m_pct", "2021", "19.299999999999997", "no interval: reason", " leading space"],
        ["x", "-3", "1e-05", "line\nbreak", "control\u{1}char"],
        ["only", "", "", "", ""],
    ]

    @Test func roundTripsThroughTheReader() throws {
        let bytes = try XLSXWriter.workbook(header: Self.header, rows: Self.rows, sheetName: "compare")
        let reader = try XLSXReader(data: Data(bytes), name: "t.xlsx")
        #expect(reader.sheets.map(\.name) == ["compare"])
        let read = try reader.sheet().rows.map(\.fields)
        #expect(read[0] == Self.header)
        for (index, row) in Self.rows.enumerated() {
            let expected = row.map { CSVNumber.parse($0).map(CSVNumber.format) ?? $0 }
            let padded = read[index + 1] + Array(repeating: "", count: max(0, expected.count - read[index + 1].count))
            #expect(padded == expected, "row \(index + 2)")
        }
        let cells = try reader.sheet().cells
        #expect(cells.first { $0.row == 2 && $0.column == 3 }?.value == .number(100))
        #expect(cells.first { $0.row == 3 && $0.column == 3 }?.value == .number(19.299999999999997))
        #expect(cells.first { $0.row == 2 && $0.column == 1 }?.value == .text("cla_31mar_rate_per_10k"))
    }

    @Test func freezesTheHeaderAndFormatsNumbers() throws {
        let bytes = try XLSXWriter.workbook(header: Self.header, rows: Self.rows, sheetName: "a/b:c")
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        func part(_ path: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let sheet = try part("xl/worksheets/sheet1.xml")
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<c r="B2" s="2"><v>2021</v></c>"#), "whole-number column: format 0")
        #expect(sheet.contains(#"<c r="C3" s="3"><v>19.299999999999997</v></c>"#), "decimal column: format 0.0###")
        #expect(sheet.contains(#"<c r="A1" s="1" t="inlineStr">"#), "bold header")
        #expect(try part("xl/styles.xml").contains(#"<numFmt numFmtId="164" formatCode="0.0###"/>"#))
        #expect(try part("xl/workbook.xml").contains(#"<sheet name="a_b_c""#))
        #expect(try XLSXWriter.workbook(header: Self.header, rows: Self.rows, sheetName: "a/b:c") == bytes, "same table, same bytes")
    }
}
