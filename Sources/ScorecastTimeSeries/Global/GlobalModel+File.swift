import ScorecastCore

extension GlobalModel {
    /// The first line of every model file.
    static let magic = "scorecast-global-model"

    /// The model as a file (`--save-global`): a text header, then each step's booster in
    /// XGBoost's own JSON model format.
    ///
    ///     scorecast-global-model 2
    ///     frequency monthly
    ///     lags 24
    ///     level-length 12
    ///     horizon 18
    ///     features none                    (or a list such as season-position,history-length)
    ///     parameters trees=300 eta=0.05 depth=6 huber=0.1 subsample=0.8 colsample=0.8 seed=2021 bins=64
    ///     recursive none                   (or the recursive member's parameters and windows=N)
    ///     trained series=1428 windows=…
    ///     scores 1 1428 0.12 0.31 …        (one line per step, sorted, shortest round-trip decimals)
    ///     booster 1 BYTES                  (then BYTES bytes of XGBoost JSON and a line break)
    ///     booster recursive BYTES          (with a recursive member, after the steps' boosters)
    ///
    /// The same model gives the same bytes. Version 1 files (before the recursive member) have
    /// no `recursive` line and read as direct models.
    public func serialized() throws(XGBoostError) -> [UInt8] {
        var header = "\(Self.magic) \(Self.formatVersion)\n"
        header += "frequency \(settings.frequency)\n"
        header += "lags \(settings.lags)\nlevel-length \(settings.levelLength)\nhorizon \(settings.horizon)\n"
        header += "features \(GlobalFeature.listText(settings.features))\n"
        header += "parameters \(Self.parametersText(parameters))\n"
        header += "recursive \(recursive.map { "\(Self.parametersText($0.parameters)) windows=\($0.maximumRows)" } ?? "none")\n"
        header += "trained series=\(trainingSeries) windows=\(trainingWindows)\n"
        for (step, scores) in calibrationScores.enumerated() {
            header += "scores \(step + 1) \(scores.count) " + scores.map { "\($0)" }.joined(separator: " ") + "\n"
        }
        var bytes = Array(header.utf8)
        for (step, booster) in boosters.enumerated() {
            let json = try booster.jsonModel()
            bytes += Array("booster \(step + 1) \(json.count)\n".utf8)
            bytes += json
            bytes.append(UInt8(ascii: "\n"))
        }
        if let recursiveBooster {
            let json = try recursiveBooster.jsonModel()
            bytes += Array("booster recursive \(json.count)\n".utf8)
            bytes += json
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    private static func parametersText(_ parameters: GlobalBoostingParameters) -> String {
        "trees=\(parameters.trees) eta=\(parameters.learningRate) depth=\(parameters.maximumDepth) huber=\(parameters.huberSlope.map { "\($0)" } ?? "none") subsample=\(parameters.rowSample) colsample=\(parameters.columnSample) seed=\(parameters.seed) bins=\(parameters.maximumBins)"
    }

    /// Reads a model written by ``serialized()``, predicting on `threads` XGBoost threads.
    ///
    /// - Throws: ``DataError`` naming `file`, the line and what was expected: another format or
    ///   version, a malformed header, a booster XGBoost cannot read.
    public init(serialized bytes: [UInt8], file: String, threads: Int = 1) throws(DataError) {
        var reader = ModelFileReader(bytes: bytes, file: file)
        let first = reader.line()
        guard let first, first.hasPrefix(Self.magic + " ") else {
            throw reader.error("expected a Scorecast global model file starting '\(Self.magic) \(Self.formatVersion)'")
        }
        let version = first == "\(Self.magic) 1" ? 1 : Self.formatVersion
        guard first == "\(Self.magic) \(version)" else {
            throw reader.error(
                "expected global model format version \(Self.formatVersion), found '\(first.dropFirst(Self.magic.count + 1))' (retrain with this version's --save-global)"
            )
        }
        let frequencyText = try reader.field("frequency")
        guard let frequency = Frequency.allCases.first(where: { $0.description == frequencyText }) else {
            throw reader.error("expected frequency monthly, quarterly or annual, found '\(frequencyText)'")
        }
        let lags = try reader.integer("lags")
        let levelLength = try reader.integer("level-length")
        let horizon = try reader.integer("horizon")
        guard lags >= 1, levelLength >= 1, levelLength <= lags, horizon >= 1 else {
            throw reader.error("expected lags ≥ level-length ≥ 1 and horizon ≥ 1")
        }
        let featureText = try reader.field("features")
        let features: [GlobalFeature]
        do {
            features = try GlobalFeature.list(parsing: featureText)
        } catch {
            throw reader.error(error.description)
        }
        let settings = GlobalWindowSettings(horizon: horizon, frequency: frequency, lags: lags, levelLength: levelLength, features: features)
        let parameters = try Self.parameters(try reader.field("parameters"), threads: threads, reader: reader)
        var recursiveMember: GlobalRecursiveMember?
        if version >= 2 {
            let text = try reader.field("recursive")
            if text != "none" {
                guard let split = text.range(of: " windows="), let rows = Int(text[split.upperBound...]), rows >= 1 else {
                    throw reader.error("expected 'recursive none' or the recursive member's parameters and windows=N")
                }
                recursiveMember = GlobalRecursiveMember(
                    parameters: try Self.parameters(String(text[..<split.lowerBound]), threads: threads, reader: reader), maximumRows: rows)
            }
        }
        let trained = try reader.field("trained").split(separator: " ")
        guard trained.count == 2, let series = Int(trained[0].dropFirst("series=".count)), let windows = Int(trained[1].dropFirst("windows=".count))
        else { throw reader.error("expected 'trained series=N windows=N'") }
        var scores: [[Double]] = []
        for step in 1...horizon {
            let parts = try reader.field("scores").split(separator: " ")
            guard parts.count >= 2, Int(parts[0]) == step, let count = Int(parts[1]), count >= 1, parts.count == count + 2 else {
                throw reader.error("expected 'scores \(step) N' and N numbers")
            }
            let values = parts.dropFirst(2).compactMap { Double($0) }
            guard values.count == count, values.allSatisfy({ $0.isFinite && $0 >= 0 }), values == values.sorted() else {
                throw reader.error("expected \(count) sorted non-negative scores for step \(step)")
            }
            scores.append(values)
        }
        var boosters: [XGBoostBooster] = []
        for step in 1...horizon {
            let parts = try reader.field("booster").split(separator: " ")
            guard parts.count == 2, Int(parts[0]) == step, let length = Int(parts[1]), length > 0, let json = reader.bytes(length) else {
                throw reader.error("expected 'booster \(step) BYTES' then that many bytes of XGBoost JSON")
            }
            do {
                boosters.append(try XGBoostBooster.load(jsonModel: json, threads: threads))
            } catch {
                throw reader.error("expected booster \(step) in XGBoost's JSON format: \(error.message)")
            }
            guard reader.line() == "" else { throw reader.error("expected a line break after booster \(step)") }
        }
        var recursive: (member: GlobalRecursiveMember, booster: XGBoostBooster)?
        if let recursiveMember {
            let parts = try reader.field("booster").split(separator: " ")
            guard parts.count == 2, parts[0] == "recursive", let length = Int(parts[1]), length > 0, let json = reader.bytes(length) else {
                throw reader.error("expected 'booster recursive BYTES' then that many bytes of XGBoost JSON")
            }
            do {
                recursive = (recursiveMember, try XGBoostBooster.load(jsonModel: json, threads: threads))
            } catch {
                throw reader.error("expected the recursive booster in XGBoost's JSON format: \(error.message)")
            }
            guard reader.line() == "" else { throw reader.error("expected a line break after the recursive booster") }
        }
        guard reader.isAtEnd else { throw reader.error("expected the end of the file after the last booster") }
        self.init(
            settings: settings, parameters: parameters, boosters: boosters, recursive: recursive, calibrationScores: scores,
            trainingSeries: series, trainingWindows: windows)
    }

    private static func parameters(_ text: String, threads: Int, reader: ModelFileReader) throws(DataError) -> GlobalBoostingParameters {
        var values: [String: String] = [:]
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw reader.error("expected NAME=VALUE parameters, found '\(pair)'") }
            values[String(parts[0])] = String(parts[1])
        }
        var parameters = GlobalBoostingParameters()
        guard let trees = values["trees"].flatMap({ Int($0) }), let eta = values["eta"].flatMap({ Double($0) }),
            let depth = values["depth"].flatMap({ Int($0) }), let huber = values["huber"],
            let subsample = values["subsample"].flatMap({ Double($0) }), let colsample = values["colsample"].flatMap({ Double($0) }),
            let seed = values["seed"].flatMap({ UInt64($0) })
        else { throw reader.error("expected parameters trees, eta, depth, huber, subsample, colsample and seed") }
        parameters.trees = trees
        parameters.learningRate = eta
        parameters.maximumDepth = depth
        parameters.huberSlope = huber == "none" ? nil : Double(huber)
        parameters.rowSample = subsample
        parameters.columnSample = colsample
        parameters.seed = seed
        // Files written before `bins` was saved were trained with XGBoost's default, 256.
        guard let bins = Int(values["bins"] ?? "256"), bins >= 2 else { throw reader.error("expected bins=N with N ≥ 2") }
        parameters.maximumBins = bins
        parameters.threads = threads
        return parameters
    }
}

/// Reads a model file line by line, knowing the line it is on for errors.
private struct ModelFileReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0
    var lineNumber = 0

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The next line without its line break; `nil` at the end or for a line that is not UTF-8.
    mutating func line() -> String? {
        guard offset < bytes.count else { return nil }
        lineNumber += 1
        let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        defer { offset = min(bytes.count, end + 1) }
        return String(validating: bytes[offset..<end], as: UTF8.self)
    }

    /// The rest of the line `NAME VALUE`.
    mutating func field(_ name: String) throws(DataError) -> String {
        guard let line = line(), line.hasPrefix(name + " ") else { throw error("expected a '\(name)' line") }
        return String(line.dropFirst(name.count + 1))
    }

    mutating func integer(_ name: String) throws(DataError) -> Int {
        let text = try field(name)
        guard let value = Int(text) else { throw error("expected a whole number after '\(name)', found '\(text)'") }
        return value
    }

    /// The next `count` bytes (counted as one more line: the JSON is one line).
    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    func error(_ expected: String) -> DataError {
        DataError(file: file, line: max(1, lineNumber), column: 1, expected: expected)
    }
}
