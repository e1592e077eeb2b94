import ScorecastData

extension AreaData {
    /// Reads the bundled DfE files (`notebooks-data/dfe/`): the indicators, the populations aged
    /// 0–17 and the statistical neighbours. Columns are found by name; other columns are ignored.
    ///
    /// - Throws: ``DataError`` naming file, line and column for malformed CSV, a missing column,
    ///   a year or value that is not a number, an unknown geographic level, a duplicated
    ///   area + year + measure, or a neighbour code that names no area;
    ///   `ByteSourceError` when a file cannot be read.
    /// - Complexity: O(rows).
    public static func load(indicators: String, populations: String, neighbours: String) throws -> AreaData {
        var data = AreaData()
        try data.readValues(path: indicators, valueColumn: "value", measureColumn: "measure")
        try data.readValues(path: populations, valueColumn: "value", measureColumn: nil)
        try data.readNeighbours(path: neighbours)
        return data
    }

    /// Reads indicator rows (with `measureColumn`) or population rows (without).
    mutating func readValues(path: String, valueColumn: String, measureColumn: String?) throws {
        let reader = try CSVReader(path: path)
        let header = try HeaderColumns(reader: reader,
            names: ["la_code", "la_name", "region", "year", valueColumn, "geographic_level"] + (measureColumn.map { [$0] } ?? []))
        var seen = Set<SeenKey>()
        while try reader.nextRecord() {
            let record = reader.record
            let code = record.string(at: header["la_code"])
            let levelText = record.string(at: header["geographic_level"])
            guard let level = Level(rawValue: levelText) else {
                throw header.error(record, "geographic_level", "expected National, Regional or Local authority, found \(DataError.quote(levelText))")
            }
            let year = try header.integer(record, "year")
            let index = add(area: Area(code: code, name: record.string(at: header["la_name"]),
                                       region: record.string(at: header["region"]), level: level))
            let value = try header.number(record, valueColumn)
            if let measureColumn {
                let measure = record.string(at: header[measureColumn])
                guard seen.insert(SeenKey(area: index, year: year, measure: measure)).inserted else {
                    throw header.error(record, measureColumn, "expected one row per la_code, year and measure, found a second \(DataError.quote(measure)) for \(code) \(year)")
                }
                setValue(value, area: index, year: year, measure: measure)
            } else {
                guard population(area: index, year: year).isNaN else {
                    throw header.error(record, "year", "expected one population per la_code and year, found a second for \(code) \(year)")
                }
                setPopulation(value, area: index, year: year)
            }
        }
    }

    mutating func readNeighbours(path: String) throws {
        let reader = try CSVReader(path: path)
        let header = try HeaderColumns(reader: reader, names: ["la_code", "model_year", "rank", "neighbour_la_code"])
        var lists: [Int: [Int: [(rank: Int, neighbour: Int)]]] = [:]
        while try reader.nextRecord() {
            let record = reader.record
            let code = record.string(at: header["la_code"])
            guard let area = index(ofCode: code) else {
                throw header.error(record, "la_code", "expected a code present in the indicators file, found \(DataError.quote(code))")
            }
            let neighbourCode = record.string(at: header["neighbour_la_code"])
            guard let neighbour = index(ofCode: neighbourCode) else {
                throw header.error(record, "neighbour_la_code", "expected a code present in the indicators file, found \(DataError.quote(neighbourCode))")
            }
            let model = try header.integer(record, "model_year")
            let rank = try header.integer(record, "rank")
            lists[model, default: [:]][area, default: []].append((rank, neighbour))
        }
        for (model, byArea) in lists {
            for (area, entries) in byArea {
                setNeighbours(entries.sorted { $0.rank < $1.rank }.map(\.neighbour), of: area, model: model)
            }
        }
    }
}

/// An area, year and measure already read (to reject duplicates).
private struct SeenKey: Hashable {
    var area: Int
    var year: Int
    var measure: String
}

/// The positions of named columns in a CSV header, and located errors for their fields.
struct HeaderColumns {
    let file: String
    private let positions: [String: Int]

    /// Reads the header record of `reader` and finds `names` in it.
    init(reader: CSVReader, names: [String]) throws {
        file = reader.fileName
        guard try reader.nextRecord() else {
            throw DataError(file: file, line: 1, column: 1, expected: "expected a header row naming \(names.joined(separator: ","))")
        }
        let header = reader.record.strings
        var positions: [String: Int] = [:]
        for name in names {
            guard let position = header.firstIndex(of: name) else {
                throw DataError(file: file, line: reader.record.line, column: 1, expected: "expected a column named '\(name)' in the header")
            }
            positions[name] = position
        }
        self.positions = positions
        reader.expectedFieldCount = header.count
    }

    subscript(name: String) -> Int { positions[name]! }

    func error(_ record: CSVRecord, _ column: String, _ expected: String) -> DataError {
        let index = self[column]
        return DataError(file: file, line: record.line(of: index), column: record.column(of: index), expected: expected)
    }

    func number(_ record: CSVRecord, _ column: String) throws -> Double {
        let text = record.string(at: self[column])
        guard let value = CSVNumber.parse(text), value.isFinite else {
            throw error(record, column, "expected a number in column '\(column)', found \(DataError.quote(text))")
        }
        return value
    }

    func integer(_ record: CSVRecord, _ column: String) throws -> Int {
        let text = record.string(at: self[column])
        guard let value = Int(text) else {
            throw error(record, column, "expected a whole number in column '\(column)', found \(DataError.quote(text))")
        }
        return value
    }
}
