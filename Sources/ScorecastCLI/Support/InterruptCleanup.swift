import Dispatch
import ScorecastData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `scorecast` does when it is interrupted (Ctrl-C's SIGINT, SIGTERM from a scheduler or
/// `kill`, SIGHUP when its terminal goes): it removes the temporary files and folders it has
/// made (``TemporaryPaths``: outputs not yet renamed into place, scratch folders), then ends
/// with the same signal, so the shell sees 130, 143 or 129 as for any interrupted program.
///
/// Each signal is taken by a Dispatch signal source (its default action set aside), so the
/// removal runs on an ordinary thread, where taking a lock and walking a folder are safe; a
/// signal handler could do neither. A signal the process was started ignoring (SIGINT for a
/// background job of a non-interactive shell) stays ignored, as POSIX shells expect.
///
/// Removing a command's files under it makes the command fail (its next write finds no
/// folder); once interrupted, the failure is not reported and the process does not exit on its
/// own (``holdIfInterrupted()``), so it always ends by the signal.
enum InterruptCleanup {
    /// The signals that end a run and are cleaned up after.
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handling, once, before any work starts (the executable's `main`).
    static func install() {
        for signalNumber in signals {
            // Replacing the disposition returns the one the process started with (C function
            // pointers compare by address).
            let started = signal(signalNumber, SIG_IGN)
            guard started.map({ unsafeBitCast($0, to: Int.self) }) != unsafeBitCast(SIG_IGN, to: Int.self) else { continue }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                TemporaryPaths.removeAll()
                endBy(signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Ends the process by `signalNumber`, its default action restored: raised in this thread
    /// with the signal unblocked here (the process may have been started with it blocked, and
    /// Dispatch blocks it to take it), so it cannot stay pending; `_exit(128 + signal)` if it
    /// somehow returns.
    private static func endBy(_ signalNumber: Int32) -> Never {
        signal(signalNumber, SIG_DFL)
        var only = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, signalNumber)
        pthread_sigmask(SIG_UNBLOCK, &only, nil)
        raise(signalNumber)
        _exit(128 + signalNumber)
    }

    /// Whether an interrupt has begun the cleanup (the only caller of
    /// ``TemporaryPaths/removeAll()`` in the executable).
    static var isInterrupted: Bool { TemporaryPaths.isEnding }

    /// Waits, once interrupted, for the signal to end the process: called before `scorecast`
    /// exits, so a command that fails because its files were removed does not exit first.
    static func holdIfInterrupted() {
        guard isInterrupted else { return }
        while true { pause() }
    }

    /// The sources, kept for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
}
