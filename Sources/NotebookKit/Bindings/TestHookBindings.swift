import Foundation
import ScriptKit

/// Functions that break the notebook process on purpose, for the crash-containment tests.
/// Registered only when the environment has `SWIFTNB_TEST_HOOKS=1`; never otherwise, so no
/// notebook can call them by accident.
enum TestHookBindings {
    /// The environment variable that enables the hooks.
    static let variable = "SWIFTNB_TEST_HOOKS"

    /// Registers the hooks in `registry` when the environment asks for them.
    static func registerIfEnabled(in registry: Registry) {
        guard ProcessInfo.processInfo.environment[variable] == "1" else { return }
        registry.function("_testAbort()", doc: "Test hook: prints a last line to stderr and calls abort().") { _ in
            FileHandle.standardError.write(Data("test hook: aborting the process\n".utf8))
            abort()
        }
        registry.function("_testProcessID() -> Int", doc: "Test hook: the id of the process running the cell.") { _ in
            .int(Int(getpid()))
        }
        registry.function("_testBlock(seconds: Double)",
                          doc: "Test hook: blocks in native code, deaf to interrupts, for `seconds`.") { args in
            let end = Date().addingTimeInterval(args.double(0))
            while Date() < end { usleep(10_000) }
            return .void
        }
        registry.function("_testExit(_ status: Int)", doc: "Test hook: ends the process with `status`.") { args in
            exit(Int32(truncatingIfNeeded: args.int(0)))
        }
    }

    /// `_testProgress(steps:secondsPerStep:)`: long library work in miniature, for the
    /// progress-bar and Ctrl-C tests. Registered (when the environment enables the hooks) by
    /// `DisplayBindings`, which has the session, and by tests.
    static func registerProgress(in registry: Registry, session: Session?) {
        registry.function("_testProgress(steps: Int, secondsPerStep: Double) throws -> Int",
                          doc: "Test hook: reports `steps` steps of progress, polling for Ctrl-C; returns the steps done.") { [weak session] args in
            let steps = args.int(0), pause = args.double(1)
            let bar = session?.progress("Test work", total: steps, unit: "step")
            for step in 1...max(1, steps) {
                usleep(useconds_t(max(0, pause) * 1e6))
                bar?.update(completed: step, detail: "step \(step)")
                do {
                    try args.checkInterrupt()
                } catch {
                    bar?.finish(summary: "stopped after \(step) of \(steps) steps")
                    throw error
                }
            }
            bar?.finish(summary: "\(steps) steps")
            return .int(steps)
        }
    }
}
