import ScorecastCore

/// The training rows of one step's booster: every window of every series in a batch whose
/// value `step` periods after the origin was observed, capped by seeded sampling.
///
/// Origins run from each series' ``GlobalWindowSettings/minimumHistory``-th period to the
/// last one leaving `step` periods after it; windows without a level (``GlobalWindow/Unavailable``)
/// are skipped. When there are more than `maximumRows`, `maximumRows` of them are drawn without
/// replacement (a partial Fisher–Yates shuffle) from `generator` and kept in their original
/// order, so the same seed gives the same rows, whatever the batch's size.
///
/// - Complexity: O(windows × columns) time and memory before the cap.
struct GlobalTrainingWindows {
    /// Row-major features.
    var features: [Float]
    /// Targets over the window's level.
    var targets: [Float]
    var rows: Int { targets.count }

    init(
        batch: [TimeSeries], step: Int, settings: GlobalWindowSettings, maximumRows: Int, using generator: inout some RandomNumberGenerator
    ) {
        precondition(step >= 1 && step <= settings.horizon, "A step of the horizon")
        var features: [Float] = []
        var targets: [Float] = []
        for series in batch {
            let values = series.values[...]
            guard series.count - step >= settings.minimumHistory else { continue }
            for end in settings.minimumHistory...(series.count - step) {
                let target = values[end - 1 + step]
                guard !target.isNaN, let window = try? GlobalWindow(values: values, start: series.start, end: end, settings: settings) else {
                    continue
                }
                features += window.features
                targets.append(Float(target / window.level))
            }
        }
        if targets.count > maximumRows {
            var order = Array(0..<targets.count)
            for index in 0..<maximumRows {
                let pick = Int.random(in: index..<order.count, using: &generator)
                order.swapAt(index, pick)
            }
            let kept = order[..<maximumRows].sorted()
            let columns = settings.columns
            var sampledFeatures: [Float] = []
            sampledFeatures.reserveCapacity(maximumRows * columns)
            for row in kept { sampledFeatures += features[(row * columns)..<((row + 1) * columns)] }
            features = sampledFeatures
            targets = kept.map { targets[$0] }
        }
        self.features = features
        self.targets = targets
    }
}
