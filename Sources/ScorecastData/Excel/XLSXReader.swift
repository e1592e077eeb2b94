import Foundation
import ScorecastCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads worksheets of an Office Open XML workbook (`.xlsx`): a ZIP archive (``ZIPDirectory``,
/// parts inflated by the system zlib within bounds) of XML parts (Foundation's `XMLParser`,
/// streaming).
///
/// Follows ECMA-376 Part 1 (SpreadsheetML): `xl/workbook.xml` lists the sheets by name and
/// relationship id, `xl/_rels/workbook.xml.rels` maps ids to parts, `xl/sharedStrings.xml`
/// holds the strings cells of type `s` index, `xl/styles.xml`'s `cellXfs` give each cell's
/// number format (ids 14–22 and 45–47 are built-in dates and times; a custom format with `d`,
/// `m`, `y`, `h` or `s` outside quotes and brackets is a date). Cells: `t="s"` shared string,
/// `t="inlineStr"` inline string (`<is><t>`), `t="str"` formula string, `t="b"` boolean,
/// `t="e"` error, otherwise a number (a date serial when its format is a date). Rich-text runs
/// (`<r><t>`) are joined; phonetic runs (`<rPh>`) are skipped; `_xHHHH_` escapes are decoded
/// (22.9.2.19 ST_Xstring).
///
/// Complexity: O(bytes of the parts read); memory O(cells + shared strings).
public struct XLSXReader {
    /// The file name as given, for messages.
    public let file: String
    /// Sheet names and their part paths, in workbook order.
    public let sheets: [(name: String, path: String)]
    private let archive: ZIPDirectory
    private let sharedStrings: [String]
    private let dateStyles: Set<Int>

    /// Opens the workbook at `path`.
    ///
    /// - Throws: ``FileError`` when the file cannot be read; ``DataError`` (line 1, column 1,
    ///   or the XML line and column of a malformed part) when it is not a workbook.
    public init(path: String) throws {
        let bytes = try ByteSource(path: path).readAll()
        try self.init(data: Data(bytes), name: path)
    }

    /// Opens a workbook held in memory; `name` is used in messages.
    public init(data: Data, name: String) throws {
        file = name
        do {
            archive = try ZIPDirectory(bytes: [UInt8](data))
        } catch {
            throw DataError(
                file: name, line: 1, column: 1,
                expected: "expected an .xlsx workbook (a ZIP archive), found \(data.count) bytes that are not one (\(error.reason))")
        }
        let archive = archive
        func part(_ path: String) throws -> Data? { try Self.part(path, of: archive, name: name) }
        guard let workbook = try part("xl/workbook.xml") else {
            throw DataError(
                file: name, line: 1, column: 1, expected: "expected an .xlsx workbook with xl/workbook.xml, found a ZIP archive without it")
        }
        let listed = try XMLParts.parse(workbook, name: name + "(xl/workbook.xml)", WorkbookHandler())
        let relations =
            try part("xl/_rels/workbook.xml.rels").map { try XMLParts.parse($0, name: name + "(xl/_rels/workbook.xml.rels)", RelationshipsHandler()) }
            ?? [:]
        sheets = listed.map { sheet in
            let target = relations[sheet.relationship] ?? "worksheets/sheet\(sheet.index).xml"
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            return (sheet.name, path)
        }
        sharedStrings =
            try part("xl/sharedStrings.xml").map { try XMLParts.parse($0, name: name + "(xl/sharedStrings.xml)", SharedStringsHandler()) } ?? []
        dateStyles = try part("xl/styles.xml").map { try XMLParts.parse($0, name: name + "(xl/styles.xml)", StylesHandler()) } ?? []
    }

    /// The bytes of the part at `path` in `archive`, or nil when there is none.
    ///
    /// Read by ``ZIPDirectory`` (bounds-checked, inflated by zlib with the output capped at the
    /// declared size and at most ``ZIPDirectory/maximumEntrySize``, size and CRC-32 checked),
    /// not ZIPFoundation: its 0.9.20 extraction loops for ever on a deflate stream that does
    /// not end (found by the xlsx fuzz harness, `part-larger-than-the-file.xlsx`).
    static func part(_ path: String, of archive: ZIPDirectory, name: String) throws(DataError) -> Data? {
        guard let entry = archive.entry(path) else { return nil }
        do {
            return Data(try archive.contents(of: entry))
        } catch {
            throw DataError(file: name, line: 1, column: 1, expected: "expected a readable part \(path) in the workbook, found \(error.reason)")
        }
    }

    /// The sheet called `name`, or the first sheet when `name` is nil.
    ///
    /// - Throws: ``DataError`` for a sheet not in the workbook (listing those that are), a
    ///   malformed sheet, a cell reference that is not one, or a shared string index out of range.
    public func sheet(named name: String? = nil) throws -> XLSXSheet {
        guard let chosen = name.map({ wanted in sheets.first { $0.name == wanted } }) ?? sheets.first else {
            throw DataError(
                file: file, line: 1, column: 1,
                expected:
                    "expected a sheet named \(DataError.quote(name ?? "")), found \(sheets.map { DataError.quote($0.name) }.joined(separator: ", "))")
        }
        guard let data = try Self.part(chosen.path, of: archive, name: file) else {
            throw DataError(
                file: file, line: 1, column: 1, expected: "expected the part \(chosen.path) of sheet \(DataError.quote(chosen.name)), found none")
        }
        let handler = WorksheetHandler(sharedStrings: sharedStrings, dateStyles: dateStyles, file: file)
        let cells = try XMLParts.parse(data, name: file + "(" + chosen.path + ")", handler)
        return XLSXSheet(name: chosen.name, cells: cells)
    }
}
