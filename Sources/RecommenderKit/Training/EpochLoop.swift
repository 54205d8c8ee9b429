import Foundation

/// What one epoch of training did.
enum EpochOutcome {
    /// The epoch finished; its loss parts (averaged over its batches).
    case finished([String: Double])
    /// A cancellation was seen before `batch` of the epoch; the epoch is not kept.
    case cancelled(batch: Int)
    /// A loss part became NaN or infinite (in `batch`, for models trained in batches).
    case diverged(part: String, value: Double, batch: Int?)
}

/// How the best epoch is chosen: a label among the validation measurements and whether
/// higher is better (NDCG) or lower (RMSE).
struct EpochSelection {
    /// The label that decides (`"NDCG@100"`, `"RMSE"`).
    var label: String
    /// Whether a higher value is better.
    var higherIsBetter: Bool
    /// Measures the model on the validation data, by label.
    var measure: () throws -> [String: Double]
}

/// The one epoch loop of every model trained in steps (the autoencoders' mini-batch
/// epochs, the rating models' SGD or ALS sweeps, EASE's λ candidates): cancellation before
/// each epoch, a snapshot that the NaN guard and cancellation fall back to, validation after
/// each epoch, the best epoch's state kept and restored at the end, early stopping with
/// `options.patience`. Progress is reported by the epoch bodies, which know their batches.
enum EpochLoop {
    /// Runs up to `epochs` epochs of `epoch(e)` and returns the history.
    /// - Throws: `ModelError` (naming `operation`) when an epoch diverges; the state of the
    ///   best epoch, or else of the last finished one, is restored first.
    static func run<State>(_ operation: String, epochs: Int, selection: EpochSelection?, options: FitOptions,
                           snapshot: () -> State, restore: (State) -> Void,
                           epoch: (Int) throws -> EpochOutcome) throws -> TrainingHistory {
        var history = TrainingHistory()
        history.selectionMetric = selection?.label
        var best: State?
        var sinceBest = 0
        loop: for e in 1...max(epochs, 1) {
            let epochStart = Date()
            let lastGood = snapshot()
            let outcome: EpochOutcome = options.cancellation?.isCancelled == true ? .cancelled(batch: 1) : try epoch(e)
            switch outcome {
            case .cancelled(let batch):
                history.stopReason = .cancelled(epoch: e, batch: batch)
                restore(best ?? lastGood)
                break loop
            case .diverged(let part, let value, let batch):
                restore(best ?? lastGood)
                throw ModelError(operation, "the \(part) became \(value) in epoch \(e)\(batch.map { ", batch \($0)" } ?? ""); "
                    + "\(best != nil ? "the best epoch's state" : e == 1 ? "the initial state" : "the state at the end of epoch \(e - 1)") was kept "
                    + "(try a smaller learning rate or more regularisation)")
            case .finished(let losses):
                var record = EpochRecord(epoch: e, losses: losses, validation: [:], seconds: 0)
                if let selection {
                    record.validation = try selection.measure()
                    let worst = selection.higherIsBetter ? -Double.infinity : .infinity
                    let value = record.validation[selection.label] ?? worst
                    if history.bestValue.map({ selection.higherIsBetter ? value > $0 : value < $0 }) ?? true {
                        history.bestValue = value; history.bestEpoch = e; best = snapshot(); sinceBest = 0
                    } else {
                        sinceBest += 1
                    }
                } else {
                    history.bestEpoch = e
                }
                record.seconds = Date().timeIntervalSince(epochStart)
                history.epochs.append(record)
                if let patience = options.patience, selection != nil, sinceBest >= patience, e < epochs {
                    history.stopReason = .earlyStopped(epoch: e)
                    break loop
                }
            }
        }
        if let best { restore(best) }
        return history
    }

    /// The history of a model fitted in one step: one record, with the validation
    /// measurements when there is a selection, and one progress report.
    static func closedForm(selection: EpochSelection?, options: FitOptions, start: Date) throws -> TrainingHistory {
        var history = TrainingHistory()
        var record = EpochRecord(epoch: 1, losses: [:], validation: [:], seconds: 0)
        if let selection {
            record.validation = try selection.measure()
            history.selectionMetric = selection.label
            history.bestValue = record.validation[selection.label]
        }
        record.seconds = Date().timeIntervalSince(start)
        history.epochs = [record]
        history.bestEpoch = 1
        options.progress?(TrainingProgress(epoch: 1, epochs: 1, batch: 1, batches: 1, loss: .nan, elapsed: record.seconds))
        return history
    }
}
