import Foundation

/// A progress bar for long library work that a bound call reports through (fetching a
/// dataset, training epochs and batches, t-SNE iterations). The session decides how it is
/// drawn: live with rate and ETA on a terminal, a few plain lines otherwise, one summary
/// line in reports.
public final class ProgressReporter {
    /// What is being done ("Training MultVAE").
    public let title: String
    /// The number of steps planned, if known.
    public let total: Int?
    /// The unit of a step ("batch", "iteration", "byte").
    public let unit: String
    private let started = Date()
    private let sink: (ProgressReporter, ProgressEvent) -> Void
    /// Steps done so far.
    public private(set) var completed = 0
    /// Short free text shown after the bar (the loss, the epoch).
    public private(set) var detail = ""

    /// A reporter whose events go to `sink`.
    public init(title: String, total: Int?, unit: String, sink: @escaping (ProgressReporter, ProgressEvent) -> Void) {
        self.title = title
        self.total = total
        self.unit = unit
        self.sink = sink
    }

    /// Seconds since the reporter was made.
    public var elapsed: Double { Date().timeIntervalSince(started) }

    /// Records that `completed` steps are done, with an optional detail.
    public func update(completed: Int, detail: String = "") {
        self.completed = completed
        self.detail = detail
        sink(self, .update)
    }

    /// Ends the bar with a summary line ("12 epochs in 3.1 s, best NDCG@100 0.41").
    public func finish(summary: String) {
        sink(self, .finish(summary))
    }
}

/// What a `ProgressReporter` tells the session.
public enum ProgressEvent {
    case update
    case finish(String)
}

extension Session {
    /// A progress bar for a long bound call. Until the terminal renderer lands, only the
    /// final summary line is shown, as printed text.
    public func progress(_ title: String, total: Int?, unit: String) -> ProgressReporter {
        ProgressReporter(title: title, total: total, unit: unit) { [weak self] reporter, event in
            if case .finish(let summary) = event { self?.interpreter.output("\(reporter.title): \(summary)\n") }
        }
    }
}
