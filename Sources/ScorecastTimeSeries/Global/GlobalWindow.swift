import Foundation
import ScorecastCore

/// One window of a series for the global model: the normalised lags and features at an
/// origin, the level that normalises them and the series' relative spread there.
///
/// - Complexity: O(``GlobalWindowSettings/lags``).
public struct GlobalWindow: Sendable, Equatable {
    /// The model's inputs, ``GlobalWindowSettings/columns`` of them (`NaN` = missing).
    public var features: [Float]
    /// The divisor: the mean absolute value of the observed values among the last
    /// ``GlobalWindowSettings/levelLength``.
    public var level: Double
    /// The mean absolute change between consecutive observed values in the lags, over the
    /// level: the scale of the conformal scores (``GlobalModel``), so a volatile series gets
    /// wider intervals than a smooth one.
    public var relativeSpread: Double

    /// Why a series has no window at an origin.
    public enum Unavailable: Error, Equatable, Sendable {
        /// Fewer periods than ``GlobalWindowSettings/minimumHistory``.
        case tooShort(got: Int, needed: Int)
        /// No observed value, or only zeros, among the last ``GlobalWindowSettings/levelLength``.
        case noLevel
    }

    /// The window of `values` at origin `end - 1` (the values before index `end`), whose
    /// first period is `start`.
    public init(values: ArraySlice<Double>, start: Period, end: Int, settings: GlobalWindowSettings) throws(Unavailable) {
        let first = values.startIndex
        guard end - first >= settings.minimumHistory else { throw .tooShort(got: end - first, needed: settings.minimumHistory) }
        var levelSum = 0.0
        var levelCount = 0
        for index in (end - settings.levelLength)..<end where !values[index].isNaN {
            levelSum += abs(values[index])
            levelCount += 1
        }
        guard levelCount > 0, levelSum > 0, levelSum.isFinite else { throw .noLevel }
        let level = levelSum / Double(levelCount)
        var features = [Float](repeating: .nan, count: settings.columns)
        var changeSum = 0.0
        var changes = 0
        var previous = Double.nan
        for lag in 0..<settings.lags {
            let index = end - settings.lags + lag
            guard index >= first else { continue }
            let value = values[index]
            if !value.isNaN {
                features[lag] = Float(value / level)
                if !previous.isNaN {
                    changeSum += abs(value - previous)
                    changes += 1
                }
            }
            previous = value
        }
        var column = settings.lags
        for feature in settings.features {
            switch feature {
            case .seasonPosition:
                features[column] = Float(start.advanced(by: end - 1 - first).position)
            case .historyLength:
                features[column] = Float(log(Double(min(end - first, 10 * settings.frequency.periodsPerYear))))
            case .logLevel:
                features[column] = Float(log(level))
            }
            column += 1
        }
        self.features = features
        self.level = level
        // A series flat over its window still gets a positive scale, so no score is infinite.
        self.relativeSpread = changes > 0 && changeSum > 0 ? changeSum / Double(changes) / level : 1e-6
    }

    /// The window of `series` at its last period.
    public init(lastOf series: TimeSeries, settings: GlobalWindowSettings) throws(Unavailable) {
        try self.init(values: series.values[...], start: series.start, end: series.count, settings: settings)
    }
}
