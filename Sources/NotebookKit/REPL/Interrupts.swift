import Foundation
import ScriptKit

/// Ctrl-C handling for the REPL: while a statement runs, SIGINT asks the interpreter to stop
/// at its next cooperative check (loops, long library calls) and the REPL returns to the
/// prompt; at the prompt, SIGINT cancels the entry being typed (continuation lines too).
/// With cells in a worker (no target interpreter) the handler wakes `WorkerSession` through
/// `InterruptPipe`, which sends the interrupt on (or kills the worker on a second Ctrl-C).
///
/// The handler only sets flags (nothing else is async-signal-safe); the line reader notices
/// `cancelRequested` while it waits for a key. A signal handler cannot capture context, so
/// the target interpreter lives in a global.
enum Interrupts {
    nonisolated(unsafe) static var target: Interpreter?
    nonisolated(unsafe) static var atPrompt = false
    /// Set by SIGINT at the prompt; the line reader clears it when it cancels the line.
    nonisolated(unsafe) static var cancelRequested = false
    /// Ctrl-C presses while a statement ran, since the start (tells the REPL whether output
    /// came after the last one).
    nonisolated(unsafe) static var presses = 0

    static func install(_ interpreter: Interpreter?) {
        target = interpreter
        let handler: @convention(c) (Int32) -> Void = { _ in
            if Interrupts.atPrompt {
                Interrupts.cancelRequested = true
            } else {
                Interrupts.presses += 1
                Interrupts.target?.requestInterrupt()
                InterruptPipe.notify()
            }
        }
        // Interrupted reads and writes restart; the line reader waits in poll(), which
        // returns on a signal regardless, so it sees the request at once.
        installSignalHandler(handler, for: [SIGINT])
    }

    static func uninstall() {
        signal(SIGINT, SIG_DFL)
        target = nil
        cancelRequested = false
    }
}
