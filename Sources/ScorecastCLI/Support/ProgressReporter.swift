import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// When progress is reported (`--progress`).
enum ProgressMode: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// On a terminal only (logs and pipelines stay clean).
    case auto
    /// On a terminal as with `auto`; otherwise a line every ``ProgressReporter/logInterval`` seconds.
    case always
    /// Never.
    case never
}

/// Progress on standard error, for people and for logs.
///
/// On a terminal (`auto` or `always`) one line redrawn at most ten times a second:
/// `forecast: 120/3000 series (4%), 15.2 per second, 3 min 9 s left`. When standard error is
/// not a terminal and the mode is `always`, a full line every `logInterval` seconds (10 by
/// default) and one at the end, so a long batch in a log says how far it got:
/// `forecast: 120 of 3000 series (4%) after 8 s, 15.2 per second, about 3 min 9 s left`.
/// The total is known when the reader scanned its input first
/// (``ScorecastData/ObservationReader/seriesCount``); without it, the count and rate only.
/// Time left is the remaining count over the mean rate so far.
struct ProgressReporter {
    private let label: String
    private let total: Int?
    private let isTerminal: Bool
    private let logs: Bool
    private let logInterval: Double
    private let started: Double
    private var lastDrawn = 0.0
    private var lastLogged: Double
    private(set) var count = 0

    /// A reporter for items called series, `total` of them when known.
    init(label: String, mode: ProgressMode = .auto, total: Int? = nil, logInterval: Double = 10) {
        self.label = label
        self.total = total
        let terminal = isatty(2) == 1
        self.isTerminal = terminal && mode != .never
        self.logs = !terminal && mode == .always
        self.logInterval = logInterval
        self.started = Self.now()
        self.lastLogged = started
    }

    /// Counts one more item done.
    mutating func advance() {
        count += 1
        guard isTerminal || logs else { return }
        let now = Self.now()
        if isTerminal, now - lastDrawn >= 0.1 {
            lastDrawn = now
            write("\r\u{1B}[K" + terminalLine(now: now))
        } else if logs, now - lastLogged >= logInterval {
            lastLogged = now
            write(logLine(now: now) + "\n")
        }
    }

    /// Draws the final count and ends the line (or logs the last line).
    func finish() {
        let now = Self.now()
        if isTerminal {
            write("\r\u{1B}[K" + terminalLine(now: now) + "\n")
        } else if logs {
            write(logLine(now: now) + "\n")
        }
    }

    private func rate(now: Double) -> Double { Double(count) / max(now - started, 1e-9) }

    private func fraction() -> String {
        guard let total, total > 0 else { return "" }
        return " (\(Int((Double(count) / Double(total) * 100).rounded(.down)))%)"
    }

    private func timeLeft(now: Double) -> String? {
        guard let total, count > 0, count < total else { return nil }
        return Self.duration(Double(total - count) / rate(now: now))
    }

    private func terminalLine(now: Double) -> String {
        let done = total.map { "\(count)/\($0)" } ?? String(count)
        var line = "\(label): \(done) series\(fraction()), \(Self.rateText(rate(now: now))) per second"
        if let left = timeLeft(now: now) { line += ", \(left) left" } else { line += ", \(Self.duration(now - started))" }
        return line
    }

    private func logLine(now: Double) -> String {
        let done = total.map { "\(count) of \($0)" } ?? String(count)
        var line = "\(label): \(done) series\(fraction()) after \(Self.duration(now - started)), \(Self.rateText(rate(now: now))) per second"
        if let left = timeLeft(now: now) { line += ", about \(left) left" }
        return line
    }

    /// One decimal below 100 a second, whole numbers above.
    static func rateText(_ rate: Double) -> String {
        rate >= 100 ? String(Int(rate.rounded())) : String(Double(Int((rate * 10).rounded())) / 10)
    }

    /// `42 s`, `3 min 9 s`, `2 h 5 min`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60) s" }
        return "\(whole / 3600) h \(whole % 3600 / 60) min"
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { _ = standardErrorWrite($0.baseAddress, $0.count) }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// `write(2)` to standard error, named so it does not clash with the reporter's `write(_:)`.
private func standardErrorWrite(_ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(2, buffer, count)
}
