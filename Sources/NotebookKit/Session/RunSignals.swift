import Foundation
import ScriptKit

/// SIGINT and SIGTERM during a headless run (`swiftnb run`): the first one asks the running
/// cell to stop at its next cooperative check (loops, calls, long library work) and the run
/// to end after it, so the partial report can still be written; a second one ends the
/// process at once with status 128 + signal, as an impatient user expects (with cells in a
/// worker, the second kills the worker and the partial report is still written).
///
/// The handler only stores into globals and calls `Interpreter.requestInterrupt()`, which
/// stores one word: nothing else is async-signal-safe. A signal handler cannot capture
/// context, hence the globals.
public enum RunSignals {
    nonisolated(unsafe) static var target: Interpreter?
    nonisolated(unsafe) static var received: Int32 = 0
    nonisolated(unsafe) static var count = 0
    nonisolated(unsafe) static var exitAfter = 2

    /// The signal received since `install`, if any.
    public static var receivedSignal: Int32? { received == 0 ? nil : received }

    /// Catches SIGINT and SIGTERM on behalf of `interpreter` until `uninstall()`. With no
    /// interpreter (cells run in a worker), each signal also wakes `WorkerSession` through
    /// `InterruptPipe`, which interrupts the worker and kills it on a second signal; only a
    /// third then ends this process at once.
    static func install(_ interpreter: Interpreter?) {
        target = interpreter
        received = 0
        count = 0
        exitAfter = interpreter == nil ? 3 : 2
        let handler: @convention(c) (Int32) -> Void = { signal in
            RunSignals.count += 1
            if RunSignals.count >= RunSignals.exitAfter { _exit(128 + signal) }
            if RunSignals.received == 0 { RunSignals.received = signal }
            RunSignals.target?.requestInterrupt()
            InterruptPipe.notify()
        }
        installSignalHandler(handler, for: [SIGINT, SIGTERM])
    }

    /// Stops routing signals to the interpreter. A signal that arrives afterwards (while the
    /// reports are written) is still recorded, so the writing finishes and the exit status
    /// says the run was interrupted.
    static func detach() {
        target = nil
    }
}
