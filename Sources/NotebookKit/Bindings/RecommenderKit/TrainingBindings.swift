import RecommenderKit
import ScriptKit

/// How `fit` runs and what it reports: FitOptions, TrainingProgress, CancellationToken,
/// TrainingHistory with its EpochRecord and StopReason, and ModelError.
enum TrainingBindings {
    static func register(in registry: Registry) {
        registerOptions(registry)
        registerHistory(registry)
        registry.type("ModelError", doc: "An error raised by a recommender model: bad hyperparameters, data that does not fit, divergence, or a foreign file.")
            .equatable(ModelError.self)
            .initializer("init(_ operation: String, _ message: String)", doc: "Creates an error for `operation`.") { a in
                ModelError(try a.get(0), try a.get(1)).scriptValue
            }
            .field("operation: String", \ModelError.operation, doc: "The model and operation, e.g. `MultVAE.fit`.")
            .field("message: String", \ModelError.message, doc: "What went wrong, in words.")
            .readOnly("description: String", \ModelError.description, doc: "`\"operation: message\"`.")
    }

    /// A script closure as FitOptions' progress callback; an error it throws stops the fit
    /// (see `TrainingCallbacks`).
    static func progressCallback(_ args: Arguments, _ i: Int) -> ((TrainingProgress) -> Void)? {
        guard let fn = args.optional(i) else { return nil }
        return TrainingCallbacks.wrap(fn, args, TrainingProgress.self)
    }

    static func registerOptions(_ registry: Registry) {
        let tail = "patience: Int? = nil, progress: ((TrainingProgress) -> Void)? = nil, cancellation: CancellationToken? = nil"
        let doc = "Options with the given values (all optional); the default validation metrics are NDCG@100, Recall@20, Recall@50."
        registry.type("FitOptions", doc: "How `fit` runs apart from the hyperparameters: validation metrics, patience, progress, cancellation.")
            .initializer("init(\(tail))", doc: doc) { a in
                FitOptions(patience: try a.get(0), progress: progressCallback(a, 1), cancellation: try a.get(2)).scriptValue
            }
            .initializer("init(validationMetrics: [RankingMetric], \(tail))", doc: doc) { a in
                FitOptions(validationMetrics: try a.get(0), patience: try a.get(1), progress: progressCallback(a, 2),
                           cancellation: try a.get(3)).scriptValue
            }
            .field("validationMetrics: [RankingMetric]", \FitOptions.validationMetrics,
                   doc: "Metrics measured on the validation set after every epoch; the first one selects the best epoch.")
            .field("patience: Int?", \FitOptions.patience, doc: "Epochs without improvement before training stops; nil runs every epoch.")
            .field("cancellation: CancellationToken?", \FitOptions.cancellation,
                   doc: "Checked before every batch: when cancelled, training stops and the best weights so far are restored.")

        typealias P = TrainingProgress
        registry.type("TrainingProgress", doc: "One progress report from training, sent after every mini-batch.")
            .initializer("init(epoch: Int, epochs: Int, batch: Int, batches: Int, loss: Double, elapsed: Double)", doc: "Creates a report.") { a in
                P(epoch: try a.get(0), epochs: try a.get(1), batch: try a.get(2), batches: try a.get(3), loss: try a.get(4),
                  elapsed: try a.get(5)).scriptValue
            }
            .field("epoch: Int", \P.epoch, doc: "The 1-based epoch.")
            .field("epochs: Int", \P.epochs, doc: "The number of epochs planned.")
            .field("batch: Int", \P.batch, doc: "The 1-based batch within the epoch.")
            .field("batches: Int", \P.batches, doc: "The number of batches per epoch.")
            .field("loss: Double", \P.loss, doc: "The loss of this batch (NaN for closed-form models).")
            .field("elapsed: Double", \P.elapsed, doc: "Seconds since training started.")
            .property("fraction: Double", doc: "The fraction of all planned batches done, in [0, 1].") { this in
                try checkedProgress(this, "fraction").fraction.scriptValue
            }
            .property("batchesPerSecond: Double", doc: "Batches per second so far.") { this in
                try checkedProgress(this, "batchesPerSecond").batchesPerSecond.scriptValue
            }
            .property("estimatedSecondsLeft: Double", doc: "Estimated seconds left at the average batch time so far.") { this in
                try checkedProgress(this, "estimatedSecondsLeft").estimatedSecondsLeft.scriptValue
            }
            .property("description: String", doc: "`epoch 3/200 batch 2/2 loss 412.1 (5.3 batch/s, ETA 1m14s)`.") { this in
                let p = try checkedProgress(this, "description")
                let eta = p.estimatedSecondsLeft
                guard !eta.isFinite || abs(eta) < 1e15 else {
                    throw BindingError("TrainingProgress.description: the time left (\(eta) s) is too large to print; check elapsed, got \(p.elapsed)")
                }
                return p.description.scriptValue
            }

        registry.type("CancellationToken", doc: "A flag that asks long-running work (training, scoring) to stop at its next check point.")
            .referenceType()
            .initializer("init()", doc: "A token that is not cancelled.") { _ in CancellationToken().scriptValue }
            .method("cancel()", doc: "Asks the work to stop at its next check point.") { this, _ in
                try CancellationToken.fromScript(this).cancel()
                return .void
            }
            .method("reset()", doc: "Clears the request, so the token can be reused for the next run.") { this, _ in
                try CancellationToken.fromScript(this).reset()
                return .void
            }
            .readOnly("isCancelled: Bool", \CancellationToken.isCancelled, doc: "Whether `cancel()` was called since creation or the last `reset()`.")
    }

    /// A script-made report whose counts keep the computed properties' products in range
    /// (they multiply epochs by batches).
    static func checkedProgress(_ value: Value, _ member: String) throws -> TrainingProgress {
        let p = try TrainingProgress.fromScript(value)
        let limit = Int(Int32.max)
        for (name, v) in [("epoch", p.epoch), ("epochs", p.epochs), ("batch", p.batch), ("batches", p.batches)] where v < 0 || v > limit {
            throw BindingError("TrainingProgress.\(member): \(name) must be in 0...\(limit), got \(v)")
        }
        return p
    }

    static func registerHistory(_ registry: Registry) {
        registry.type("StopReason", doc: "Why training ended.")
            .equatable(StopReason.self)
            .staticProperty("completed: StopReason", doc: "Every planned epoch ran (or the model is fitted in closed form).") {
                StopReason.completed.scriptValue
            }
            .staticMethod("earlyStopped(epoch: Int) -> StopReason", doc: "The validation metric did not improve for `patience` epochs.") { a in
                StopReason.earlyStopped(epoch: try a.get(0)).scriptValue
            }
            .staticMethod("cancelled(epoch: Int, batch: Int) -> StopReason",
                          doc: "A `CancellationToken` was cancelled; training stopped before this batch.") { a in
                StopReason.cancelled(epoch: try a.get(0), batch: try a.get(1)).scriptValue
            }
        registry.type("EpochRecord", doc: "What happened in one epoch: the averaged loss parts and the validation metrics after it.")
            .field("epoch: Int", \EpochRecord.epoch, doc: "The 1-based epoch.")
            .field("losses: [String: Double]", \EpochRecord.losses, doc: "Loss parts averaged over the epoch's batches, by name.")
            .field("validation: [String: Double]", \EpochRecord.validation, doc: "Validation metrics by label (`\"NDCG@100\"`), empty without validation.")
            .field("seconds: Double", \EpochRecord.seconds, doc: "Wall-clock seconds of the epoch, validation included.")
        typealias H = TrainingHistory
        registry.type("TrainingHistory", doc: "The record of one `fit`: per-epoch losses and validation metrics, the kept epoch and why training stopped.")
            .initializer("init()", doc: "Creates an empty history.") { _ in H().scriptValue }
            .field("epochs: [EpochRecord]", \H.epochs, doc: "One record per epoch that finished.")
            .field("bestEpoch: Int?", \H.bestEpoch, doc: "The epoch whose weights the model holds after `fit`, or nil when no epoch finished.")
            .field("bestValue: Double?", \H.bestValue, doc: "The best value of the selection metric, when there was validation.")
            .field("selectionMetric: String?", \H.selectionMetric, doc: "The label of the metric that chose the best epoch, if any.")
            .field("stopReason: StopReason", \H.stopReason, doc: "Why training ended.")
            .readOnly("seriesNames: [String]", \H.seriesNames, doc: "Every series name that `subscript(_:)` answers, losses first, sorted.")
            .readOnly("description: String", \H.description, doc: "A table: one line per epoch with its losses and validation metrics.")
            .method("subscript(_ name: String) -> [Double]",
                    doc: "The series named `name`, one value per epoch: a loss part or `\"validation \"` + a metric label.") { this, a in
                try H.fromScript(this)[try a.get(0, as: String.self)].scriptValue
            }
    }
}
