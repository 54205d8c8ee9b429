import Foundation

/// What happened in one epoch: the loss parts averaged over its batches and the
/// validation metrics measured after it.
public struct EpochRecord: Sendable {
    /// The 1-based epoch.
    public var epoch: Int
    /// Loss parts averaged over the epoch's batches, by name (`"loss"`, `"nll"`, `"kl"`,
    /// `"beta"`, ...).
    public var losses: [String: Double]
    /// Validation metrics by label (`"NDCG@100"`), empty without a validation set.
    public var validation: [String: Double]
    /// Wall-clock seconds of the epoch, validation included.
    public var seconds: Double

    /// The value of a series named as `TrainingHistory.subscript(_:)` names it: a loss part,
    /// or `"validation "` + a metric label.
    func value(_ name: String) -> Double? {
        let prefix = "validation "
        return name.hasPrefix(prefix) ? validation[String(name.dropFirst(prefix.count))] : losses[name]
    }
}

/// Why training ended.
public enum StopReason: Equatable, Sendable {
    /// Every planned epoch ran (or the model is fitted in closed form).
    case completed
    /// The validation metric did not improve for `patience` epochs.
    case earlyStopped(epoch: Int)
    /// A `CancellationToken` was cancelled; training stopped before this batch.
    case cancelled(epoch: Int, batch: Int)
}

/// The record of one `fit`: per-epoch losses and validation metrics (for training
/// curves), the epoch whose weights were kept, and why training stopped.
///
/// ```swift
/// let history = try vae.fit(train, validation: task)
/// history["validation NDCG@100"]     // one value per epoch
/// history.bestEpoch                  // the epoch whose weights the model now has
/// ```
public struct TrainingHistory: Sendable, CustomStringConvertible {
    /// One record per epoch that finished.
    public var epochs: [EpochRecord] = []
    /// The epoch whose weights the model holds after `fit` (the best on validation when
    /// a validation set was given), or nil when no epoch finished.
    public var bestEpoch: Int?
    /// The best value of the selection metric, when there was validation.
    public var bestValue: Double?
    /// The label of the metric that chose the best epoch (`"NDCG@100"`), if any.
    public var selectionMetric: String?
    /// Why training ended.
    public var stopReason: StopReason = .completed

    /// Creates an empty history.
    public init() {}

    /// The series named `name`, one value per epoch: a loss part (`"loss"`, `"kl"`) or
    /// `"validation "` + a metric label (`"validation NDCG@100"`). Empty when unknown.
    public subscript(name: String) -> [Double] {
        epochs.compactMap { $0.value(name) }
    }

    /// Every series name that `subscript(_:)` answers, losses first, sorted.
    public var seriesNames: [String] {
        let losses = Set(epochs.flatMap { $0.losses.keys }).sorted()
        let metrics = Set(epochs.flatMap { $0.validation.keys }).sorted().map { "validation " + $0 }
        return losses + metrics
    }

    /// A table: one line per epoch with its losses and validation metrics.
    public var description: String {
        let names = seriesNames
        var lines = [(["epoch"] + names + ["seconds"]).joined(separator: "\t")]
        for r in epochs {
            let values = names.map { n -> String in
                r.value(n).map { String(format: "%.6g", $0) } ?? "-"
            }
            lines.append((["\(r.epoch)"] + values + [String(format: "%.2f", r.seconds)]).joined(separator: "\t"))
        }
        if let best = bestEpoch { lines.append("best epoch: \(best)" + (bestValue.map { ", \(selectionMetric ?? "") \(String(format: "%.6g", $0))" } ?? "")) }
        switch stopReason {
        case .completed: break
        case .earlyStopped(let e): lines.append("stopped early after epoch \(e)")
        case .cancelled(let e, let b): lines.append("cancelled before epoch \(e), batch \(b)")
        }
        return lines.joined(separator: "\n")
    }
}
