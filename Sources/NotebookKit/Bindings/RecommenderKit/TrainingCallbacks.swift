import Foundation
import ScriptKit

/// Script closures passed as library callbacks that cannot throw (FitOptions' `progress`):
/// an error thrown by the closure, an interrupt included (calling a script function
/// consumes a pending interrupt), is kept here so that the bound call running the library
/// work can stop it and report the error when the work returns.
enum TrainingCallbacks {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var failure: Error?

    /// A non-throwing Swift callback that calls the script function `fn` with one argument.
    static func wrap<T: ScriptConvertible>(_ fn: Value, _ args: Arguments, _: T.Type) -> (T) -> Void {
        { value in
            do { _ = try args.call(fn, [value.scriptValue]) } catch { record(error) }
        }
    }

    static func record(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if failure == nil { failure = error }
    }

    /// The first error recorded since the last call, cleared.
    static func take() -> Error? {
        lock.lock(); defer { lock.unlock() }
        defer { failure = nil }
        return failure
    }

    /// Whether `error` is the interpreter's interrupt (Ctrl-C), as opposed to a script error.
    static func isInterrupt(_ error: Error) -> Bool {
        String(describing: type(of: error)) == "Interrupted"
    }
}
