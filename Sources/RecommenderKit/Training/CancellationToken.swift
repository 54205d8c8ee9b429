import Foundation

/// A flag that asks long-running work (training, scoring) to stop at its next check
/// point. Thread-safe: a signal handler's thread or the REPL may call `cancel()` while
/// training runs on another thread. Training checks it before every batch and keeps the
/// model usable when it stops.
public final class CancellationToken: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// A token that is not cancelled.
    public init() {}

    /// Asks the work to stop at its next check point.
    public func cancel() { lock.lock(); cancelled = true; lock.unlock() }

    /// Clears the request, so the token can be reused for the next run.
    public func reset() { lock.lock(); cancelled = false; lock.unlock() }

    /// Whether `cancel()` was called since creation or the last `reset()`.
    public var isCancelled: Bool { lock.lock(); defer { lock.unlock() }; return cancelled }
}
