import Foundation
import ScorecastCore
import ScorecastData
import Testing

@testable import ScorecastComparators

/// DfE's neighbour files (LAIT's workbook, DfE's wide CSV) resolved against the bundled data
/// give exactly the bundled `statistical_neighbours.csv` lists, which were built from the
/// same publications by other means (SOURCES.md).
@Suite("statistical neighbours from DfE files")
struct NeighbourFileTests {
    static let folder = BundledData.directory.deletingLastPathComponent().appendingPathComponent("dfe-neighbours")

    @Test(arguments: [("sn_april_2021.xlsx", 2021), ("New_Statistical_Neighbour_Groupings_April_2021.csv", 2021), ("sn_may_2025.xlsx", 2025)])
    func resolvedGroupsAreTheBundledModel(file: String, model: Int) throws {
        let bundled = try #require(BundledData.data)
        var replaced = bundled
        let path = Self.folder.appendingPathComponent(file).path
        try replaced.setNeighbours(try NeighbourGroupsFile.read(path: path), file: path, model: model)
        var compared = 0
        for area in bundled.localAuthorityIndices {
            #expect(replaced.neighbours(of: area, model: model) == bundled.neighbours(of: area, model: model), "\(bundled.areas[area].name)")
            if !bundled.neighbours(of: area, model: model).isEmpty { compared += 1 }
        }
        #expect(compared >= 150)
    }

    @Test func anUnknownAuthorityIsReportedAtItsRow() throws {
        var data = try #require(BundledData.data)
        let groups = [NeighbourGroup(authority: "999", neighbours: ["201"], line: 7, column: 1)]
        let error = try #require(throws: DataError.self) { try data.setNeighbours(groups, file: "sn.csv", model: 2021) }
        #expect(error.description == "sn.csv:7:1: expected an ONS code or DfE LA number of the data folder, found '999'")
    }
}
