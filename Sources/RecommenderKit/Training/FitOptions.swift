/// How `fit` runs, apart from the model's hyperparameters: which validation metric picks
/// the best epoch, how long to wait for an improvement, and where progress goes.
public struct FitOptions {
    /// Metrics measured on the validation set after every epoch; the first one selects the
    /// best epoch (higher is better). Default: NDCG@100, Recall@20, Recall@50.
    public var validationMetrics: [RankingMetric]
    /// Epochs without improvement of the selection metric before training stops; nil runs
    /// every epoch (the best epoch's weights are still restored).
    public var patience: Int?
    /// Called after every batch (every epoch for closed-form models), on the training thread.
    public var progress: ((TrainingProgress) -> Void)?
    /// Checked before every batch: when cancelled, training stops, the best weights so far
    /// are restored, and `fit` returns a history whose `stopReason` says so.
    public var cancellation: CancellationToken?

    /// Options with the given values (all optional).
    public init(validationMetrics: [RankingMetric] = [.ndcg(100), .recall(20), .recall(50)],
                patience: Int? = nil, progress: ((TrainingProgress) -> Void)? = nil,
                cancellation: CancellationToken? = nil) {
        self.validationMetrics = validationMetrics
        self.patience = patience
        self.progress = progress
        self.cancellation = cancellation
    }
}
