import Foundation

/// Numbers as readers expect them on a chart: thousands separated, sensible decimals.
public enum NumberText {
    /// `value` with `decimals` decimals and thousands separators, e.g. `1,190` or `12.5`;
    /// `–` for a missing value.
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(max(0, decimals))f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        let sign = value < 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// A value rounded for prose: three significant figures at most, no more than two
    /// decimals, e.g. `1,190`, `42.3`, `0.57`.
    public static func brief(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : (magnitude >= 10 ? 1 : 2)
        return format(value, decimals: decimals)
    }

    /// Decimals needed to tell ticks `step` apart.
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return max(0, Int((-log10(step)).rounded(.up)))
    }
}
