import Foundation

/// The epoch loop of the iterative rating models (biased MF by SGD or ALS): one call of
/// `epoch` per epoch, validation RMSE and MAE after each, the epoch with the lowest
/// validation RMSE kept (the last one without validation), early stopping after
/// `options.patience` epochs without improvement, a NaN guard, a progress report per
/// epoch and cancellation checked before every epoch.
enum RatingTrainingLoop {
    /// Runs up to `epochs` epochs. `epoch(e)` trains epoch e (1-based) and returns its
    /// loss parts, `"loss"` first among them (a training RMSE); `snapshot` and `restore`
    /// copy the trained parameters.
    /// - Throws: `ModelError` when a loss part becomes NaN or infinite (the parameters of
    ///   the best or last finished epoch are restored first).
    static func run<State>(_ model: some RatingModel, epochs: Int, validation: Interactions?, options: FitOptions,
                           snapshot: () -> State, restore: (State) -> Void,
                           epoch: (Int) throws -> [String: Double]) throws -> TrainingHistory {
        var history = TrainingHistory()
        history.selectionMetric = validation != nil ? "RMSE" : nil
        var best: State?
        var sinceBest = 0
        let start = Date()
        for e in 1...max(epochs, 1) {
            if options.cancellation?.isCancelled == true {
                history.stopReason = .cancelled(epoch: e, batch: 1)
                if let best { restore(best) }
                break
            }
            let epochStart = Date()
            let lastGood = snapshot()
            let losses = try epoch(e)
            if let bad = losses.first(where: { !$0.value.isFinite }) {
                restore(best ?? lastGood)
                throw ModelError("\(model.name).fit", "the \(bad.key) became \(bad.value) in epoch \(e); the parameters of \(best != nil ? "the best epoch" : "the end of epoch \(e - 1)") were kept (try a smaller learning rate or more regularisation)")
            }
            var record = EpochRecord(epoch: e, losses: losses, validation: [:], seconds: 0)
            if let validation {
                record.validation = try model.ratingValidation(validation)
                let rmse = record.validation["RMSE"] ?? .infinity
                if history.bestValue.map({ rmse < $0 }) ?? true {
                    history.bestValue = rmse; history.bestEpoch = e; best = snapshot(); sinceBest = 0
                } else {
                    sinceBest += 1
                }
            } else {
                history.bestEpoch = e
            }
            record.seconds = Date().timeIntervalSince(epochStart)
            history.epochs.append(record)
            options.progress?(TrainingProgress(epoch: e, epochs: epochs, batch: 1, batches: 1,
                                               loss: losses["loss"] ?? .nan, elapsed: Date().timeIntervalSince(start)))
            if let patience = options.patience, sinceBest >= patience, e < epochs {
                history.stopReason = .earlyStopped(epoch: e)
                break
            }
        }
        if let best { restore(best) }
        return history
    }
}

extension RatingModel {
    /// RMSE and MAE on `validation`, by label.
    func ratingValidation(_ validation: Interactions) throws -> [String: Double] {
        let accuracy = try evaluate(validation)
        return ["RMSE": accuracy.rmse, "MAE": accuracy.mae]
    }

    /// The history of a model fitted in one step: one record, with validation RMSE and
    /// MAE when a validation set is given, and one progress report.
    func closedFormRatingHistory(_ validation: Interactions?, _ options: FitOptions, _ start: Date) throws -> TrainingHistory {
        var history = TrainingHistory()
        var record = EpochRecord(epoch: 1, losses: [:], validation: [:], seconds: 0)
        if let validation {
            record.validation = try ratingValidation(validation)
            history.selectionMetric = "RMSE"
            history.bestValue = record.validation["RMSE"]
        }
        record.seconds = Date().timeIntervalSince(start)
        history.epochs = [record]
        history.bestEpoch = 1
        options.progress?(TrainingProgress(epoch: 1, epochs: 1, batch: 1, batches: 1, loss: .nan, elapsed: record.seconds))
        return history
    }
}
