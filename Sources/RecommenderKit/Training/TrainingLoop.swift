import Foundation
import TensorKit

/// A model trained by mini-batch gradient descent over the rows of its training matrix
/// (Mult-VAE, Mult-DAE). It supplies the loss of one batch; `TrainingLoop` does the rest.
protocol MiniBatchModel: Recommender {
    /// The module holding every trained parameter (its train/eval mode is switched here).
    var network: Module { get }
    /// The loss of one batch of history rows and its named parts for the history.
    /// `update` counts the optimizer steps taken before this batch (for KL annealing).
    func batchLoss(_ batch: SparseMatrix, update: Int) throws -> (loss: Tensor, parts: [String: Double])
}

/// The one training loop of the gradient-trained models: shuffled mini-batches of the
/// non-empty training rows, one optimizer step each, a validation pass after every epoch,
/// early stopping with patience, the best epoch's weights restored at the end, a NaN
/// guard, progress reports and cooperative cancellation.
enum TrainingLoop {
    /// Trains `model` for up to `epochs` epochs and returns the history.
    /// - Throws: `ModelError` when the loss becomes NaN or infinite (the weights of the
    ///   last finished epoch, or the best one, are restored first).
    static func run(_ model: some MiniBatchModel, train: SparseMatrix, validation: RankingTask?,
                    options: FitOptions, epochs: Int, batchSize: Int, optimizer: Optimizer,
                    seed: UInt64) throws -> TrainingHistory {
        var rng = SeededGenerator(seed: seed)
        let nnz = train.nnzPerRow()
        var order = (0..<train.rowCount).filter { nnz[$0] > 0 }
        guard !order.isEmpty else { throw ModelError("\(model.name).fit", "the training matrix has no interactions") }
        let batches = (order.count + batchSize - 1) / batchSize
        let parameters = model.network.namedState.map(\.parameter)
        func snapshot() -> [Tensor] { parameters.map { $0.value.detached() } }
        func restore(_ values: [Tensor]) { for (p, v) in zip(parameters, values) { p.value = v } }

        var history = TrainingHistory()
        history.selectionMetric = validation != nil ? options.validationMetrics.first?.label : nil
        var best: [Tensor]?
        var sinceBest = 0
        var update = 0
        let start = Date()
        defer { model.network.eval() }
        epochLoop: for epoch in 1...max(epochs, 1) {
            let epochStart = Date()
            let lastGood = snapshot()
            seededShuffle(&order, &rng)
            model.network.train()
            var sums: [String: Double] = [:]
            for b in 0..<batches {
                if options.cancellation?.isCancelled == true {
                    history.stopReason = .cancelled(epoch: epoch, batch: b + 1)
                    restore(best ?? lastGood)
                    break epochLoop
                }
                let rows = Array(order[(b * batchSize)..<min(order.count, (b + 1) * batchSize)])
                let (loss, parts) = try model.batchLoss(try train.rows(rows), update: update)
                let value = Double(try loss.item())
                guard value.isFinite else {
                    restore(best ?? lastGood)
                    throw ModelError("\(model.name).fit", "the loss became \(value) in epoch \(epoch), batch \(b + 1); the weights of \(best != nil ? "the best epoch" : "the end of epoch \(epoch - 1)") were kept (try a smaller learning rate)")
                }
                optimizer.zeroGrad()
                try loss.backward()
                optimizer.step()
                update += 1
                for (k, v) in parts { sums[k, default: 0] += v }
                options.progress?(TrainingProgress(epoch: epoch, epochs: epochs, batch: b + 1, batches: batches,
                                                   loss: value, elapsed: Date().timeIntervalSince(start)))
            }
            model.network.eval()
            var record = EpochRecord(epoch: epoch, losses: sums.mapValues { $0 / Double(batches) },
                                     validation: [:], seconds: 0)
            if let validation {
                record.validation = try model.validationMetrics(validation, options)
                let label = options.validationMetrics.first?.label ?? ""
                let value = record.validation[label] ?? -.infinity
                if history.bestValue.map({ value > $0 }) ?? true {
                    history.bestValue = value; history.bestEpoch = epoch; best = snapshot(); sinceBest = 0
                } else {
                    sinceBest += 1
                }
            } else {
                history.bestEpoch = epoch
            }
            record.seconds = Date().timeIntervalSince(epochStart)
            history.epochs.append(record)
            if let patience = options.patience, sinceBest >= patience, epoch < epochs {
                history.stopReason = .earlyStopped(epoch: epoch)
                break
            }
        }
        if let best { restore(best) }
        return history
    }
}
