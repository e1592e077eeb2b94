import ScorecastCore
import ScorecastData

extension AreaData {
    /// Replaces the `model` year's statistical neighbours with `groups` (as read by
    /// ``NeighbourGroupsFile``) from `file`.
    ///
    /// Keys are ONS codes or DfE's three-digit LA numbers; a number shared by an old and a
    /// reorganised authority (North Yorkshire 815, Somerset 933, Buckinghamshire 825) is the
    /// one with data in the latest year up to the model's year (the authority the model was
    /// built for).
    ///
    /// - Throws: ``DataError`` at the group's row for a key that names no area of the data.
    /// - Complexity: O(groups × neighbours).
    public mutating func setNeighbours(_ groups: [NeighbourGroup], file: String, model: Int) throws {
        func area(_ key: String, _ group: NeighbourGroup) throws -> Int {
            if let index = index(ofCode: key) { return index }
            let candidates = indices(ofOldCode: key)
            guard !candidates.isEmpty else {
                throw DataError(
                    file: file, line: group.line, column: group.column,
                    expected: "expected an ONS code or DfE LA number of the data folder, found \(DataError.quote(key))")
            }
            return mostRecent(candidates, upTo: model)
        }
        var lists: [(Int, [Int])] = []
        for group in groups {
            lists.append((try area(group.authority, group), try group.neighbours.map { try area($0, group) }))
        }
        removeNeighbours(model: model)
        for (authority, neighbours) in lists { setNeighbours(neighbours, of: authority, model: model) }
    }
}
