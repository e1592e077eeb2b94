import ScorecastData

/// Settings for a comparator table.
public struct ComparisonOptions: Sendable {
    /// The interval levels reported, in column order (default 95% and 99.8%).
    public var confidenceLevels: [Double]
    /// The level whose interval decides significance against England and the region
    /// (Fingertips' default is 95%).
    public var significanceLevel: Double
    /// The DfE statistical neighbour model year (2021 or 2025).
    public var neighbourModel: Int

    public init(confidenceLevels: [Double] = [0.95, 0.998], significanceLevel: Double = 0.95, neighbourModel: Int = 2021) {
        precondition(confidenceLevels.allSatisfy { $0 > 0 && $0 < 1 }, "confidence levels must be in (0, 1)")
        precondition(significanceLevel > 0 && significanceLevel < 1, "significance level must be in (0, 1)")
        self.confidenceLevels = confidenceLevels
        self.significanceLevel = significanceLevel
        self.neighbourModel = neighbourModel
    }

    /// The column suffix for a level, the level in percent as CSV writes numbers:
    /// 0.95 → `95`, 0.998 → `99.8`, 0.8 → `80`. Every Scorecast command names interval columns
    /// `lo_L,hi_L` with this `L` (`forecast`'s `--level 99.8` gives `lo_99.8` too), so
    /// `accuracy` and pandas read them alike.
    public static func label(for level: Double) -> String {
        CSVNumber.format((level * 1e8).rounded() / 1e6)
    }
}
