#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A one-line progress counter on standard error, shown only when standard error is a
/// terminal (so logs and pipelines stay clean), redrawn at most ten times a second.
struct ProgressReporter {
    private let label: String
    private let isShown: Bool
    private let started: Double
    private var lastDrawn = 0.0
    private(set) var count = 0

    init(label: String) {
        self.label = label
        self.isShown = isatty(2) == 1
        self.started = Self.now()
    }

    /// Counts one more item done.
    mutating func advance() {
        count += 1
        guard isShown else { return }
        let now = Self.now()
        if now - lastDrawn >= 0.1 {
            lastDrawn = now
            draw(now: now)
        }
    }

    /// Draws the final count and ends the line.
    func finish() {
        guard isShown else { return }
        draw(now: Self.now())
        printError("")
    }

    private func draw(now: Double) {
        let elapsed = max(now - started, 1e-9)
        let rate = Double(count) / elapsed
        let text = "\r\(label): \(count) series, \(Int(rate.rounded())) per second, \(Int(elapsed.rounded())) s"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
