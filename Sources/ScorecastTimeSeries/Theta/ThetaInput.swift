import ScorecastCore

/// A series made ready for a theta fit: leading and trailing gaps dropped, interior gaps filled
/// by straight lines between their neighbours.
///
/// The theta recursions need every value. Interior gaps are interpolated linearly and the
/// fitted model says so in its notes; missing values after the last observation are counted so
/// that forecasts still start right after the series' last period.
struct ThetaInput {
    /// The observed stretch, gaps filled.
    var series: TimeSeries
    /// Missing periods after the last observation (forecasts skip them).
    var trailingGap: Int
    /// Plain-language notes on what was done.
    var notes: [String]

    init(_ original: TimeSeries) throws {
        guard let first = original.values.firstIndex(where: { !$0.isNaN }),
            let last = original.values.lastIndex(where: { !$0.isNaN })
        else {
            throw TimeSeriesError.empty(series: original.name)
        }
        var values = Array(original.values[first...last])
        notes = []
        if first > 0 { notes.append("\(first) leading missing values ignored") }
        trailingGap = original.values.count - 1 - last
        if trailingGap > 0 { notes.append("\(trailingGap) trailing missing values: forecasts start after the series' last period") }
        var filled = 0
        var index = 0
        while index < values.count {
            if values[index].isNaN {
                var end = index
                while values[end].isNaN { end += 1 }
                let before = values[index - 1], after = values[end]
                let span = Double(end - index + 1)
                for gap in index..<end {
                    values[gap] = before + (after - before) * Double(gap - index + 1) / span
                    filled += 1
                }
                index = end
            }
            index += 1
        }
        if filled > 0 { notes.append("\(filled) missing values interpolated linearly") }
        series = TimeSeries(name: original.name, start: original.start.advanced(by: first), values: values)
    }

    /// Puts adjusted-scale fitted values back on the data's scale and aligns them with the
    /// original series (`NaN` over the dropped leading and trailing gaps).
    func alignedFittedValues(_ adjustedFitted: [Double], adjustment: ThetaSeasonalAdjustment, original: TimeSeries) -> [Double] {
        let fitted = adjustment.reseasonalise(adjustedFitted, factors: adjustment.seasonal ?? [])
        let leading = original.values.firstIndex { !$0.isNaN } ?? 0
        let aligned = [Double](repeating: .nan, count: leading) + fitted
        return aligned + [Double](repeating: .nan, count: original.count - aligned.count)
    }

    /// The input's notes and the adjustment's.
    func notes(with adjustment: ThetaSeasonalAdjustment) -> [String] {
        notes + (adjustment.note.map { [$0] } ?? [])
    }

    /// Whether all values are equal.
    var isConstant: Bool {
        guard let first = series.values.first else { return true }
        return series.values.allSatisfy { $0 == first }
    }
}
