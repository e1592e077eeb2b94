import Dispatch
import ScorecastNumerics

/// Projects many caseloads at once (every council of a region, say), in parallel.
public enum ProjectionBatch {
    /// Simulates and summarises every model, one model per work item, on all cores.
    ///
    /// Model `i` draws from a generator seeded by `seed` and `i` alone, so the result does
    /// not depend on how many cores ran it or in what order the work finished. The work is
    /// spread with `DispatchQueue.concurrentPerform`, which runs on real threads whatever the
    /// caller's executor (a task group inside a single-threaded executor, as some harnesses
    /// use, would run the councils one after another).
    ///
    /// - Returns: the summary rows of each model, in the order of `models`.
    /// - Complexity: O(models × scenarios × paths × horizon), divided among the cores.
    public static func run(
        models: [StockFlowModel], scenarios: [Scenario], pathCount: Int, levels: [Double],
        consequences: Consequences = Consequences(), seed: UInt64
    ) -> [[ProjectionRow]] {
        var results = [[ProjectionRow]](repeating: [], count: models.count)
        results.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: models.count) { index in
                var generator = Xoshiro256StarStar(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
                let paths = models[index].simulate(scenarios: scenarios, pathCount: pathCount, using: &generator)
                // Each index is written by exactly one work item.
                slots[index] = paths.flatMap { $0.summary(levels: levels, consequences: consequences) }
            }
        }
        return results
    }
}
