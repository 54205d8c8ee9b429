import Foundation

/// The epoch loop of the iterative rating models (biased MF by SGD or ALS): one call of
/// `epoch` per epoch, validation RMSE and MAE after each, the epoch with the lowest
/// validation RMSE kept (the last one without validation), early stopping after
/// `options.patience` epochs without improvement, a NaN guard, a progress report per
/// epoch and cancellation checked before every epoch.
enum RatingTrainingLoop {
    /// Runs up to `epochs` epochs through `EpochLoop`. `epoch(e)` trains epoch e (1-based)
    /// and returns its loss parts, `"loss"` first among them (a training RMSE); `snapshot`
    /// and `restore` copy the trained parameters.
    /// - Throws: `ModelError` when a loss part becomes NaN or infinite (the parameters of
    ///   the best or last finished epoch are restored first).
    static func run<State>(_ model: some RatingModel, epochs: Int, validation: Interactions?, options: FitOptions,
                           snapshot: () -> State, restore: (State) -> Void,
                           epoch: (Int) throws -> [String: Double]) throws -> TrainingHistory {
        let start = Date()
        let selection = validation.map { v in
            EpochSelection(label: "RMSE", higherIsBetter: false) { try model.ratingValidation(v) }
        }
        return try EpochLoop.run("\(model.name).fit", epochs: epochs, selection: selection, options: options,
                                 snapshot: snapshot, restore: restore) { e in
            let losses = try epoch(e)
            if let bad = losses.first(where: { !$0.value.isFinite }) {
                return .diverged(part: bad.key, value: bad.value, batch: nil)
            }
            options.progress?(TrainingProgress(epoch: e, epochs: epochs, batch: 1, batches: 1,
                                               loss: losses["loss"] ?? .nan, elapsed: Date().timeIntervalSince(start)))
            return .finished(losses)
        }
    }
}

extension RatingModel {
    /// RMSE and MAE on `validation`, by label.
    func ratingValidation(_ validation: Interactions) throws -> [String: Double] {
        let accuracy = try evaluate(validation)
        return ["RMSE": accuracy.rmse, "MAE": accuracy.mae]
    }

    /// The history of a model fitted in one step (see `EpochLoop.closedForm`), selected on
    /// validation RMSE when a validation set is given.
    func closedFormRatingHistory(_ validation: Interactions?, _ options: FitOptions, _ start: Date) throws -> TrainingHistory {
        let selection = validation.map { v in EpochSelection(label: "RMSE", higherIsBetter: false) { try self.ratingValidation(v) } }
        return try EpochLoop.closedForm(selection: selection, options: options, start: start)
    }
}
