import Foundation

/// A progress bar for long library work that a bound call reports through (fetching a
/// dataset, training epochs and batches, t-SNE iterations). The session decides how it is
/// drawn: live with rate and ETA on a terminal, a few plain lines otherwise, one summary
/// line in reports.
///
/// ```swift
/// let bar = session?.progress("Training MultVAE", total: epochs * batches, unit: "batch")
/// bar?.update(completed: done, detail: "epoch 3 loss 412.1")
/// bar?.finish(summary: "12 epochs in 3.1 s")
/// ```
public final class ProgressReporter {
    /// What is being done ("Training MultVAE").
    public let title: String
    /// The number of steps planned, if known.
    public let total: Int?
    /// The unit of a step ("batch", "iteration", "byte").
    public let unit: String
    /// Which bar of its session this is.
    public let id: Int
    private let started = Date()
    private let sink: (ProgressReporter, ProgressEvent) -> Void
    /// Steps done so far.
    public private(set) var completed = 0
    /// Short free text shown after the bar (the loss, the epoch).
    public private(set) var detail = ""
    /// True once `finish(summary:)` was called (later calls do nothing).
    public private(set) var isFinished = false

    /// A reporter whose events go to `sink`.
    public init(title: String, total: Int?, unit: String, id: Int = 1,
                sink: @escaping (ProgressReporter, ProgressEvent) -> Void) {
        self.title = title
        self.total = total
        self.unit = unit
        self.id = id
        self.sink = sink
    }

    /// Seconds since the reporter was made.
    public var elapsed: Double { Date().timeIntervalSince(started) }

    /// Records that `completed` steps are done, with an optional detail.
    public func update(completed: Int, detail: String = "") {
        guard !isFinished else { return }
        self.completed = completed
        self.detail = detail
        sink(self, .update)
    }

    /// Ends the bar with a summary line ("12 epochs in 3.1 s, best NDCG@100 0.41").
    public func finish(summary: String) {
        guard !isFinished else { return }
        isFinished = true
        sink(self, .finish(summary))
    }

    /// The bar's state now (with `summary` once finished).
    public func snapshot(summary: String? = nil) -> ProgressSnapshot {
        ProgressSnapshot(id: id, title: title, total: total, unit: unit, completed: completed, detail: detail,
                         elapsed: elapsed, summary: summary)
    }
}

/// What a `ProgressReporter` tells the session.
public enum ProgressEvent {
    /// `completed` or `detail` changed.
    case update
    /// The bar ended with this summary line.
    case finish(String)
}

extension Session {
    /// A progress bar for a long bound call. Updates go to `onProgress` (a terminal draws
    /// them; a worker sends them to its supervisor), at most `ProgressThrottle.interval`
    /// apart; `finish` also prints the summary line (`title: summary`), which is what the
    /// reports keep.
    public func progress(_ title: String, total: Int?, unit: String) -> ProgressReporter {
        progressCount += 1
        var throttle = ProgressThrottle(interval: ProgressThrottle.sourceInterval)
        return ProgressReporter(title: title, total: total, unit: unit, id: progressCount) { [weak self] reporter, event in
            guard let self else { return }
            switch event {
            case .update:
                let last = reporter.total.map { reporter.completed >= $0 } ?? false
                if throttle.allows(now: reporter.elapsed, force: reporter.completed == 0 || last) {
                    self.onProgress?(reporter.snapshot())
                }
            case let .finish(summary):
                self.onProgress?(reporter.snapshot(summary: summary))
                self.interpreter.output("\(reporter.title): \(summary)\n")
            }
        }
    }
}

/// Lets through at most one event per `interval` seconds (forced ones always pass).
public struct ProgressThrottle {
    /// Seconds between two events let through.
    public let interval: Double
    private var last: Double?

    /// How often a session passes updates on (50 ms: a worker sends at most 20 a second).
    public static let sourceInterval = 0.05
    /// How often a terminal bar is redrawn (at most 10 times a second).
    public static let drawInterval = 0.1

    /// A throttle letting one event through per `interval`.
    public init(interval: Double) {
        self.interval = interval
    }

    /// Whether an event at time `now` (seconds on any clock) may pass; records it if so.
    public mutating func allows(now: Double, force: Bool = false) -> Bool {
        if !force, let last, now - last < interval { return false }
        last = now
        return true
    }
}
