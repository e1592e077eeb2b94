/// Applies `transform` to items read one at a time from `next`, up to `jobs` at once in child
/// tasks, and hands the results to `consume` in input order.
///
/// At most `4 · jobs` items are in flight or waiting for an earlier one to finish, so memory
/// stays bounded however long the input, and the first results are consumed while later items
/// are still being read: a grouped input streams through. `next` and `consume` run on the
/// calling task only.
///
/// - Complexity: O(items) bookkeeping; the work is in `transform`.
func forEachConcurrently<Input: Sendable, Output: Sendable>(
    jobs: Int,
    next: () throws -> Input?,
    transform: @escaping @Sendable (Input) -> Output,
    consume: (Output) throws -> Void
) async throws {
    let window = max(1, jobs) * 4
    try await withThrowingTaskGroup(of: (Int, Output).self) { group in
        var submitted = 0, written = 0, running = 0
        var finished: [Int: Output] = [:]
        func drainInOrder() throws {
            while let output = finished.removeValue(forKey: written) {
                try consume(output)
                written += 1
            }
        }
        func awaitOne() async throws {
            guard let (index, output) = try await group.next() else { return }
            running -= 1
            finished[index] = output
            try drainInOrder()
        }
        while let input = try next() {
            let index = submitted
            submitted += 1
            // Keep `jobs` tasks running, and no more than `window` results outstanding.
            while running >= max(1, jobs) || submitted - written > window { try await awaitOne() }
            group.addTask { (index, transform(input)) }
            running += 1
        }
        while running > 0 { try await awaitOne() }
    }
}
