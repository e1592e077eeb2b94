import Foundation
import ZIPFoundation

/// Writes one table as an Office Open XML workbook (`.xlsx`) with one sheet: the header row
/// bold and frozen, numbers as numbers with a number format (whole-number columns `0`, others
/// `0.0###`, see ``numberFormats``), text as inline strings.
///
/// The parts are the minimum ECMA-376 Part 1 requires for Excel and LibreOffice to open the file
/// without repair: `[Content_Types].xml`, `_rels/.rels`, `xl/workbook.xml`,
/// `xl/_rels/workbook.xml.rels`, `xl/styles.xml` (with the two default fills Excel expects) and
/// `xl/worksheets/sheet1.xml` (a frozen pane below row 1). The archive is built in memory with
/// ZIPFoundation (deflate) and a fixed modification date, so the same table gives the same
/// bytes. `scripts/check-xlsx-libreoffice` opens the result in LibreOffice headless.
///
/// Complexity: O(cells) time and memory.
public enum XLSXWriter {
    /// Cell styles (indices into `cellXfs`): default, bold header, whole number, decimal.
    enum Style: Int {
        case plain = 0
        case header = 1
        case whole = 2
        case decimal = 3
    }

    /// The number formats: `0` for columns whose numbers are all whole, `0.0###` otherwise
    /// (one decimal at least, up to four shown; the stored value keeps full precision).
    public static let numberFormats = (whole: "0", decimal: "0.0###")

    /// The workbook for `header` and `rows` (fields as text, as a CSV holds them): a field that
    /// reads as a finite number is written as a number, anything else as text, an empty field
    /// as no cell. `sheetName` is cut to Excel's 31 characters and `[]:*?/\` replaced.
    public static func workbook(header: [String], rows: [[String]], sheetName: String) throws -> [UInt8] {
        let width = max(header.count, rows.map(\.count).max() ?? 0)
        var wholeColumn = Array(repeating: true, count: width)
        let numbers: [[Double?]] = rows.map { row in
            row.enumerated().map { index, field in
                guard !field.isEmpty, let value = CSVNumber.parse(field), value.isFinite else { return nil }
                if value != value.rounded() || abs(value) >= 1e15 { wholeColumn[index] = false }
                return value
            }
        }
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        sheet +=
            #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        if width > 0 { sheet += #"<dimension ref="A1:\#(XLSXCell.letters(width))\#(rows.count + 1)"/>"# }
        sheet +=
            #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        sheet += #"<sheetFormatPr defaultRowHeight="15"/><sheetData>"#
        sheet += #"<row r="1">"#
        for (index, name) in header.enumerated() where !name.isEmpty {
            sheet += inlineString(name, reference: XLSXCell.letters(index + 1) + "1", style: .header)
        }
        sheet += "</row>"
        for (rowIndex, row) in rows.enumerated() {
            let number = rowIndex + 2
            sheet += #"<row r="\#(number)">"#
            for (index, field) in row.enumerated() where !field.isEmpty {
                let reference = XLSXCell.letters(index + 1) + String(number)
                if let value = numbers[rowIndex][index] {
                    let style: Style = wholeColumn[index] ? .whole : .decimal
                    sheet += #"<c r="\#(reference)" s="\#(style.rawValue)"><v>\#(numberText(value))</v></c>"#
                } else {
                    sheet += inlineString(field, reference: reference, style: .plain)
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        return try archive([
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships), ("xl/workbook.xml", workbook(sheetName)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    /// A number as XML Schema `double` text (Swift's shortest round-trip spelling).
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    static func inlineString(_ text: String, reference: String, style: Style) -> String {
        let styleAttribute = style == .plain ? "" : #" s="\#(style.rawValue)""#
        return #"<c r="\#(reference)"\#(styleAttribute) t="inlineStr"><is><t xml:space="preserve">\#(escaped(text))</t></is></c>"#
    }

    /// `text` escaped for XML content; characters XML 1.0 forbids written as Excel's `_xHHHH_`.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "_x" + String(format: "%04X", scalar.value) + "_"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func workbook(_ sheetName: String) -> String {
        var name = String(sheetName.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
        if name.isEmpty { name = "Sheet1" }
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets><sheet name="\#(escaped(name))" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    }

    static let contentTypes =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#

    static let packageRelationships =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#

    static let workbookRelationships =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#

    static let styles =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="\#(numberFormats.decimal)"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// 2000-01-01, the modification date of every entry (reproducible bytes).
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    static func archive(_ parts: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { preconditionFailure("an in-memory archive has data") }
        return [UInt8](data)
    }
}
