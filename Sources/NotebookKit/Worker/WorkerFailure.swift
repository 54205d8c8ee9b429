import Foundation

/// How a worker process ended a cell abnormally. Every case but `interruptedInTime` and
/// `timedOutInTime` means the worker is gone, and with it the session's state.
public enum WorkerFailure: Equatable, Sendable {
    /// The worker died by a signal it did not ask for (a native crash, the OOM killer, kill -9).
    case crashed(signal: Int32)
    /// The worker exited on its own while a cell ran.
    case exited(status: Int32)
    /// The cell ran past `--timeout`; the worker was killed because it did not stop when
    /// interrupted (`stateKept` false), or the interrupt stopped it (`stateKept` true).
    case timedOut(seconds: Double, stateKept: Bool)
    /// Ctrl-C twice within a second, or the cell ignored the first for 5 s: the worker was killed.
    case killedAfterInterrupt
    /// The worker sent something that is not a message of the protocol; it was killed.
    case protocolError(String)
    /// The worker could not be started.
    case couldNotStart(String)

    /// Whether the worker process (and so every variable of the session) is gone.
    public var lostState: Bool {
        if case let .timedOut(_, kept) = self { return !kept }
        return true
    }

    /// The error's one-line message, without the stderr lines (`memoryLimit` in bytes, if set).
    public func message(memoryLimit: Int?, stderrLine: String?) -> String {
        var text: String
        switch self {
        case let .crashed(signal):
            text = "the cell crashed the notebook process (signal \(signal), \(WorkerFailure.signalName(signal)))"
            if signal == SIGKILL {
                text += "; it was killed from outside (the system's out-of-memory killer or another process)"
            }
            if let stderrLine { text += ": " + stderrLine }
        case let .exited(status):
            text = "the notebook process exited with status \(status) while the cell ran"
            if let stderrLine { text += ": " + stderrLine }
        case let .timedOut(seconds, kept):
            text = "the cell ran past --timeout \(WorkerFailure.seconds(seconds))"
            text += kept ? " and was interrupted" : "; it did not stop when interrupted, so the notebook process was killed"
        case .killedAfterInterrupt:
            text = "interrupted: the cell did not stop at Ctrl-C, so the notebook process was killed"
        case let .protocolError(reason):
            text = "the notebook process sent a malformed message (\(reason)) and was stopped"
        case let .couldNotStart(reason):
            text = "could not start the notebook process: \(reason)"
        }
        if let memoryLimit, case .crashed = self {
            text += " (--memory-limit \(MemorySize.describe(memoryLimit)): the cell may have needed more memory)"
        }
        return text
    }

    /// How the process ended, in a few words: `signal 9, SIGKILL` or `exit status 3`.
    public var ending: String {
        switch self {
        case let .crashed(signal): return "signal \(signal), \(WorkerFailure.signalName(signal))"
        case let .exited(status): return "exit status \(status)"
        case .timedOut: return "killed after --timeout"
        case .killedAfterInterrupt: return "killed after Ctrl-C"
        case .protocolError: return "killed after a malformed message"
        case let .couldNotStart(reason): return "could not start: \(reason)"
        }
    }

    /// `SIGABRT` for 6, and so on; `SIG?` for a number not in the table.
    public static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL", SIGTRAP: "SIGTRAP",
            SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV",
            SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ",
            SIGSYS: "SIGSYS", SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2",
        ]
        return names[signal] ?? "SIG?"
    }

    static func seconds(_ s: Double) -> String {
        s == s.rounded() ? "\(Int(s)) s" : "\(s) s"
    }
}
