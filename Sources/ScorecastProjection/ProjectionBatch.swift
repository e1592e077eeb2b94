import ScorecastNumerics

/// Projects many caseloads at once (every council of a region, say), in parallel.
public enum ProjectionBatch {
    /// Simulates and summarises every model, with one task per model on all cores.
    ///
    /// Model `i` draws from a generator seeded by `seed` and `i` alone, so the result does
    /// not depend on how many cores ran it or in what order the tasks finished.
    ///
    /// - Returns: the summary rows of each model, in the order of `models`.
    public static func run(models: [StockFlowModel], scenarios: [Scenario], pathCount: Int, levels: [Double],
                           consequences: Consequences = Consequences(), seed: UInt64) async -> [[ProjectionRow]] {
        await withTaskGroup(of: (Int, [ProjectionRow]).self) { group in
            for (index, model) in models.enumerated() {
                group.addTask {
                    var generator = Xoshiro256StarStar(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
                    let paths = model.simulate(scenarios: scenarios, pathCount: pathCount, using: &generator)
                    return (index, paths.flatMap { $0.summary(levels: levels, consequences: consequences) })
                }
            }
            var results = [[ProjectionRow]](repeating: [], count: models.count)
            for await (index, rows) in group { results[index] = rows }
            return results
        }
    }
}
