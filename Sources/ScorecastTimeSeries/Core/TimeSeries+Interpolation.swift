import ScorecastCore

extension TimeSeries {
    /// The values with each run of missing ones replaced by the straight line between its
    /// observed neighbours, and leading or trailing runs by the nearest observed value; the
    /// values themselves when none is missing (or none is observed).
    ///
    /// Used where a method needs a complete grid (STL's loess, ARIMA's recursions); callers
    /// say so in their notes or outputs.
    ///
    /// - Complexity: O(n).
    var interpolatedValues: [Double] {
        guard values.contains(where: \.isNaN) else { return values }
        var result = values
        let observed = values.indices.filter { !values[$0].isNaN }
        guard let first = observed.first, let last = observed.last else { return values }
        for index in 0..<first { result[index] = values[first] }
        for index in (last + 1)..<values.count { result[index] = values[last] }
        for (left, right) in zip(observed, observed.dropFirst()) where right > left + 1 {
            for index in (left + 1)..<right {
                result[index] = values[left] + (values[right] - values[left]) * Double(index - left) / Double(right - left)
            }
        }
        return result
    }
}
