import Foundation
import ScorecastCore
import ScorecastData
import Testing
import ZIPFoundation

/// The .xlsx reader on DfE's LAIT workbook and on a workbook assembled here part by part
/// (shared, rich and inline strings, numbers, built-in and custom date formats, booleans,
/// errors, cells without references), and the neighbour groupings read from the workbook and
/// from DfE's CSV of the same model.
@Suite("xlsx reader and DfE neighbour files")
struct XLSXReaderTests {
    static let neighbours = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("notebooks-data/dfe-neighbours")

    @Test func readsTheLAITWorkbook() throws {
        let reader = try XLSXReader(path: Self.neighbours.appendingPathComponent("sn_april_2021.xlsx").path)
        #expect(reader.sheets.map(\.name) == ["LA SN Groups"])
        let rows = try reader.sheet().rows
        #expect(rows.count == 164)
        #expect(Array(rows[2].fields.prefix(6)) == ["LA num", "LA Name", "LA number", "GOInd", "GOReg", "SN1"])
        #expect(Array(rows[3].fields.prefix(7)) == ["201", "City of London", "201", "3", "London (Inner)", "207", "Not Close"])
        #expect(rows[163].fields[1] == "Northamptonshire")
    }

    /// A workbook written part by part, as Excel lays them out.
    static func handmadeWorkbook() throws -> Data {
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#
            ),
            (
                "xl/workbook.xml",
                #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId2"/><sheet name="Data" sheetId="2" r:id="rId1"/></sheets></workbook>"#
            ),
            (
                "xl/_rels/workbook.xml.rels",
                #"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="worksheet" Target="worksheets/data.xml"/><Relationship Id="rId2" Type="worksheet" Target="/xl/worksheets/notes.xml"/></Relationships>"#
            ),
            (
                "xl/sharedStrings.xml",
                #"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3"><si><t>la_code</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh><t>ignored</t></rPh></si><si><t xml:space="preserve"> spaced &amp; escaped </t></si></sst>"#
            ),
            (
                "xl/styles.xml",
                #"<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0&quot;d&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>"#
            ),
            (
                "xl/worksheets/notes.xml",
                #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>notes</t></is></c></row></sheetData></worksheet>"#
            ),
            (
                "xl/worksheets/data.xml",
                #"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>inline</t></is></c><c><v>2.5</v></c><c s="1"><v>45383</v></c><c s="2"><v>45384.5</v></c><c s="3"><v>7</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="s"><v>2</v></c><c r="J3" s="0"/><c t="str"><f>A1</f><v>la_code</v></c></row></sheetData></worksheet>"#
            ),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    @Test func readsEveryKindOfCell() throws {
        let reader = try XLSXReader(data: try Self.handmadeWorkbook(), name: "handmade.xlsx")
        #expect(reader.sheets.map(\.name) == ["Notes", "Data"])
        #expect(try reader.sheet().cells == [XLSXCell(row: 1, column: 1, value: .text("notes"))])
        let cells = try reader.sheet(named: "Data").cells
        #expect(
            cells.map(\.value) == [
                .text("la_code"), .text("Rich text"),
                .text("inline"), .number(2.5), .date(serial: 45383), .date(serial: 45384.5), .number(7), .boolean(true), .error("#N/A"),
                .text(" spaced & escaped "), .text("la_code"),
            ])
        #expect(cells.map { XLSXCell.letters($0.column) + String($0.row) } == ["A1", "C1", "B3", "C3", "D3", "E3", "F3", "G3", "H3", "I3", "K3"])
        let rows = try reader.sheet(named: "Data").rows
        #expect(
            rows.map(\.fields) == [
                ["la_code", "", "Rich text"], [],
                ["", "inline", "2.5", "45383", "45384.5", "7", "TRUE", "#N/A", " spaced & escaped ", "", "la_code"],
            ])
    }

    @Test func notAWorkbookIsADataError() throws {
        #expect(throws: DataError.self) { try XLSXReader(data: Data("la_code,value\n".utf8), name: "plain.csv") }
        let error = try #require(throws: DataError.self) { try XLSXReader(data: try Self.handmadeWorkbook(), name: "w.xlsx").sheet(named: "Missing") }
        #expect(error.expected == "expected a sheet named 'Missing', found 'Notes', 'Data'")
    }

    @Test(arguments: [("AB12", 12, 28), ("A1", 1, 1), ("XFD1048576", 1_048_576, 16_384)])
    func cellReferences(reference: String, row: Int, column: Int) {
        #expect(XLSXCell.position(of: reference)! == (row, column))
        #expect(XLSXCell.letters(column) + String(row) == reference)
    }

    /// LAIT's workbook and DfE's CSV of the same model list the same neighbours for every
    /// authority the CSV has; the workbook adds only authorities abolished by reorganisations.
    @Test(arguments: [
        ("sn_april_2021.xlsx", "New_Statistical_Neighbour_Groupings_April_2021.csv", 156, [String]()),
        ("sn_may_2025.xlsx", "sn_model_2025_wide.csv", 153, ["835", "836", "837", "909", "928"]),
    ])
    func theWorkbookReadsToTheSameGroupsAsTheCSV(workbook: String, csv: String, count: Int, onlyInWorkbook: [String]) throws {
        let fromWorkbook = try NeighbourGroupsFile.read(path: Self.neighbours.appendingPathComponent(workbook).path)
        let fromCSV = try NeighbourGroupsFile.read(path: Self.neighbours.appendingPathComponent(csv).path)
        #expect(fromCSV.count == count)
        let workbookGroups = Dictionary(uniqueKeysWithValues: fromWorkbook.map { ($0.authority, $0.neighbours) })
        for group in fromCSV {
            #expect(workbookGroups[group.authority] == group.neighbours, "\(group.authority)")
            #expect(group.neighbours.count == 10)
        }
        #expect(Set(workbookGroups.keys).subtracting(fromCSV.map(\.authority)).sorted() == onlyInWorkbook)
    }
}
