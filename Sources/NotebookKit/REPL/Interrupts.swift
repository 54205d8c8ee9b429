import CReadline
import Foundation
import ScriptKit

/// Ctrl-C handling for the REPL: while a statement runs, SIGINT asks the interpreter to stop
/// at its next cooperative check (loops, long library calls) and the REPL returns to the
/// prompt; at the prompt, SIGINT clears the line being typed.
///
/// A signal handler cannot capture context, so the target interpreter lives in a global.
enum Interrupts {
    nonisolated(unsafe) static var target: Interpreter?
    nonisolated(unsafe) static var atPrompt = false

    static func install(_ interpreter: Interpreter) {
        target = interpreter
        // readline must not install its own handlers; ours below does the prompt's part.
        rl_catch_signals = 0
        signal(SIGINT) { _ in
            if Interrupts.atPrompt {
                if isatty(STDIN_FILENO) == 1 {
                    _ = write(STDOUT_FILENO, "^C\n", 3)
                    rl_replace_line("", 0)
                    rl_on_new_line()
                    rl_redisplay()
                }
            } else {
                Interrupts.target?.requestInterrupt()
            }
        }
    }

    static func uninstall() {
        signal(SIGINT, SIG_DFL)
        target = nil
    }
}
