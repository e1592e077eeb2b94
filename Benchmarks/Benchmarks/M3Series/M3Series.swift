// The M3 monthly training series for the benchmarks that fit models to them.
import Foundation
import ScorecastCore
import ScorecastTimeSeries

/// The 1,428 M3 monthly training series, read from ../notebooks-data/m3-monthly/train.csv (or
/// the path in SCORECAST_M3_TRAIN), in file order.
public enum M3Series {
    public static func load() -> [TimeSeries] {
        let path = ProcessInfo.processInfo.environment["SCORECAST_M3_TRAIN"] ?? "../notebooks-data/m3-monthly/train.csv"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            fatalError("cannot read \(path); set SCORECAST_M3_TRAIN")
        }
        var order: [String] = []
        var grouped: [String: [(period: Period, value: Double)]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            let name = String(fields[0])
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append((Period(parsing: fields[1])!, Double(fields[2])!))
        }
        return order.map { try! TimeSeries(name: $0, observations: grouped[$0]!) }
    }
}
