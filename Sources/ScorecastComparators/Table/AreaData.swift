/// The local authority comparator data in memory: areas (England, regions, local
/// authorities), the measures catalogue, each measure's published values by year (and why a
/// value is missing, when the source said), populations aged 0–17, and DfE's statistical
/// neighbour lists.
///
/// Build it with ``add(area:)``, ``setValue(_:area:year:measure:)``, ``setPopulation(_:area:year:)``
/// and ``setNeighbours(_:of:model:)``, or read it from the bundled CSV files with
/// ``AreaData/load(indicators:populations:neighbours:)``. Lookups are O(1).
public struct AreaData: Sendable {
    /// The level of an area.
    public enum Level: String, Sendable {
        case national = "National"
        case regional = "Regional"
        case localAuthority = "Local authority"
    }

    /// An area: its ONS code, name, region name (empty for England and regions) and level.
    public struct Area: Sendable, Hashable {
        public var code: String
        public var name: String
        public var region: String
        public var level: Level
        public init(code: String, name: String, region: String, level: Level) {
            self.code = code
            self.name = name
            self.region = region
            self.level = level
        }
    }

    /// Every area, in the order first added.
    public private(set) var areas: [Area] = []
    /// What is known about each measure (`measures.csv`), in table order.
    public var catalogue = MeasureCatalogue()
    private var indexByCode: [String: Int] = [:]
    /// Areas by DfE's three-digit LA number (`old_la_code`); several when a reorganised
    /// authority kept its number (Buckinghamshire 825).
    private var indicesByOldCode: [String: [Int]] = [:]
    /// Values keyed by ``valueKey(area:year:measure:)``; measures are numbered in `measureIDs`.
    private var values: [Int: Double] = [:]
    private var measureIDs: [String: Int] = [:]
    /// Why a value is missing (`suppressed (c)`, ...), keyed like `values`.
    private var missingReasons: [Int: String] = [:]
    private var populations: [Int: Double] = [:]
    private var neighbourLists: [Int: [Int: [Int]]] = [:]
    /// Every year with at least one value, ascending.
    public private(set) var years: [Int] = []
    private var yearSet: Set<Int> = []

    /// One integer per (area, year, measure): hashing it is much cheaper than hashing strings.
    @inline(__always)
    static func valueKey(area: Int, year: Int, measure: Int) -> Int {
        (area << 28) | (measure << 16) | (year & 0xFFFF)
    }

    /// The number standing for a measure name in lookups (stable for this data set), or nil
    /// when the data hold no value of it.
    public func measureID(_ name: String) -> Int? { measureIDs[name] }

    public init() {}

    /// Adds `area` (or returns the index of the area with its code) and returns its index.
    @discardableResult
    public mutating func add(area: Area) -> Int {
        if let index = indexByCode[area.code] { return index }
        areas.append(area)
        indexByCode[area.code] = areas.count - 1
        return areas.count - 1
    }

    /// Records DfE's three-digit LA number of `area`.
    public mutating func setOldCode(_ oldCode: String, of area: Int) {
        guard !oldCode.isEmpty, !(indicesByOldCode[oldCode]?.contains(area) ?? false) else { return }
        indicesByOldCode[oldCode, default: []].append(area)
    }

    /// The areas with DfE's three-digit LA number `oldCode` (empty when none).
    public func indices(ofOldCode oldCode: String) -> [Int] { indicesByOldCode[oldCode] ?? [] }

    /// The index of the area with `code`.
    public func index(ofCode code: String) -> Int? { indexByCode[code] }

    /// England's index.
    public var englandIndex: Int? { areas.firstIndex { $0.level == .national } }

    /// The index of the region called `name`.
    public func regionIndex(named name: String) -> Int? {
        areas.firstIndex { $0.level == .regional && $0.name == name }
    }

    /// Indices of every local authority.
    public var localAuthorityIndices: [Int] { areas.indices.filter { areas[$0].level == .localAuthority } }

    public mutating func setValue(_ value: Double, area: Int, year: Int, measure: String) {
        let id = identifier(of: measure)
        values[Self.valueKey(area: area, year: year, measure: id)] = value
        if yearSet.insert(year).inserted { years = yearSet.sorted() }
    }

    /// Records that `measure` has no value for `area` in `year`, and why (`suppressed (c)`):
    /// the value reads as NaN and ``missingReason(area:year:measure:)`` gives `reason`.
    public mutating func setMissing(reason: String, area: Int, year: Int, measure: String) {
        let key = Self.valueKey(area: area, year: year, measure: identifier(of: measure))
        values[key] = nil
        missingReasons[key] = reason
        if yearSet.insert(year).inserted { years = yearSet.sorted() }
    }

    /// Why `measure` has no value for `area` in `year`, when the source said; nil otherwise.
    public func missingReason(area: Int, year: Int, measure: String) -> String? {
        guard let id = measureIDs[measure], !missingReasons.isEmpty else { return nil }
        return missingReasons[Self.valueKey(area: area, year: year, measure: id)]
    }

    private mutating func identifier(of measure: String) -> Int {
        if let known = measureIDs[measure] { return known }
        let id = measureIDs.count
        measureIDs[measure] = id
        return id
    }

    /// The published value, or NaN when there is none.
    public func value(area: Int, year: Int, measure: String) -> Double {
        guard let id = measureIDs[measure] else { return .nan }
        return value(area: area, year: year, measureID: id)
    }

    /// The published value by measure number (see ``measureID(_:)``), or NaN.
    @inline(__always)
    public func value(area: Int, year: Int, measureID: Int) -> Double {
        values[Self.valueKey(area: area, year: year, measure: measureID)] ?? .nan
    }

    /// Sets the population aged 0–17 at mid-`year`.
    public mutating func setPopulation(_ population: Double, area: Int, year: Int) {
        populations[Self.valueKey(area: area, year: year, measure: 0)] = population
    }

    /// The population aged 0–17 at mid-`year`, or NaN.
    public func population(area: Int, year: Int) -> Double {
        populations[Self.valueKey(area: area, year: year, measure: 0)] ?? .nan
    }

    /// Sets `area`'s statistical neighbours (indices, closest first) in the DfE model of `model` year.
    public mutating func setNeighbours(_ neighbours: [Int], of area: Int, model: Int) {
        neighbourLists[model, default: [:]][area] = neighbours
    }

    /// Removes every neighbour list of the `model` year's model.
    public mutating func removeNeighbours(model: Int) {
        neighbourLists[model] = nil
    }

    /// `area`'s statistical neighbours in the `model` year's model, closest first (empty if none).
    public func neighbours(of area: Int, model: Int) -> [Int] {
        neighbourLists[model]?[area] ?? []
    }

    /// The neighbour models present (2021, 2025).
    public var neighbourModels: [Int] { neighbourLists.keys.sorted() }
}
