import ScorecastCore
import ScorecastTimeSeries

extension XmR {
    /// Analyses `series` as an XmR chart.
    ///
    /// The series is cut into segments at each rebase period. In each segment the observed
    /// values (missing values are skipped; moving ranges join consecutive observed values)
    /// give the mean and limits, from the first `fixAfter` of them when that is set. A
    /// segment whose baseline has fewer than `minimumPoints` observed values gets no limits,
    /// no special causes and the ``VariationIcon/tooFewPoints`` icon: Making Data Count asks
    /// for at least 12, and inventing limits from fewer misleads. Otherwise every observed
    /// point is classified by ``SpecialCauseRules`` within its segment.
    ///
    /// - Throws: ``TimeSeriesError/unsuitable(series:reason:)`` when a rebase period is of
    ///   another frequency or lies outside the series.
    /// - Complexity: O(n).
    public func analyse(_ series: TimeSeries) throws -> XmRAnalysis {
        var boundaries = [0]
        for period in Set(rebaseAt).sorted(by: { $0.ordinal < $1.ordinal }) {
            guard period.frequency == series.frequency else {
                throw TimeSeriesError.unsuitable(series: series.name, reason: "rebase period \(period) is not \(series.frequency)")
            }
            let index = series.start.distance(to: period)
            guard series.values.indices.contains(index) else {
                throw TimeSeriesError.unsuitable(
                    series: series.name, reason: "rebase period \(period) is outside the series (\(series.start) to \(series.end))")
            }
            if index > 0 { boundaries.append(index) }
        }
        boundaries.append(series.count)

        let periods = series.periods
        var points = series.values.indices.map {
            XmRPoint(period: periods[$0], value: series.values[$0], segment: 0, specialCause: nil, type: nil)
        }
        var segments: [XmRSegment] = []
        for (segmentIndex, (lower, upper)) in zip(boundaries, boundaries.dropFirst()).enumerated() {
            let observed = (lower..<upper).filter { !series.values[$0].isNaN }
            let values = observed.map { series.values[$0] }
            let baseline = values.prefix(fixAfter ?? values.count)
            for index in lower..<upper { points[index].segment = segmentIndex }

            var segment = XmRSegment(
                indices: lower..<upper, start: periods.isEmpty ? series.start : periods[lower],
                observedCount: values.count, limits: nil, variation: .tooFewPoints)
            if baseline.count >= minimumPoints {
                let limits = ProcessLimits(baseline: baseline, screening: screensMovingRanges)
                let causes = SpecialCauseRules.classify(values, limits: limits)
                for (position, index) in observed.enumerated() {
                    points[index].specialCause = causes[position]
                    points[index].type = PointType(causes[position], direction: improvement)
                }
                segment.limits = limits
                if let last = observed.last, let type = points[last].type {
                    segment.variation = VariationIcon(latest: type, direction: improvement)
                }
            }
            segments.append(segment)
        }

        var assurance: Assurance?
        if let target, let limits = segments.last?.limits {
            assurance = Assurance(target: target, limits: limits, direction: improvement)
        }
        return XmRAnalysis(spec: self, series: series, segments: segments, points: points, assurance: assurance)
    }
}
