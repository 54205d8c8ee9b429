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

/// The mini-batch epochs of the gradient-trained models, run by `EpochLoop`: shuffled
/// batches of the non-empty training rows, one optimizer step each, cancellation and the
/// NaN guard checked at every batch, progress after every batch; validation on the
/// selection metric (the first of `options.validationMetrics`) after every epoch.
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
        var update = 0
        let start = Date()
        defer { model.network.eval() }
        return try EpochLoop.run(
            "\(model.name).fit", epochs: epochs, selection: try model.rankingSelection(validation, options), options: options,
            snapshot: { parameters.map { $0.value.detached() } },
            restore: { for (p, v) in zip(parameters, $0) { p.value = v } }
        ) { epoch in
            seededShuffle(&order, &rng)
            model.network.train()
            defer { model.network.eval() }
            var sums: [String: Double] = [:]
            for b in 0..<batches {
                if b > 0, options.cancellation?.isCancelled == true { return .cancelled(batch: b + 1) }
                let rows = Array(order[(b * batchSize)..<min(order.count, (b + 1) * batchSize)])
                let (loss, parts) = try model.batchLoss(try train.rows(rows), update: update)
                let value = Double(try loss.item())
                guard value.isFinite else { return .diverged(part: "loss", value: value, batch: b + 1) }
                optimizer.zeroGrad()
                try loss.backward()
                optimizer.step()
                update += 1
                for (k, v) in parts { sums[k, default: 0] += v }
                options.progress?(TrainingProgress(epoch: epoch, epochs: epochs, batch: b + 1, batches: batches,
                                                   loss: value, elapsed: Date().timeIntervalSince(start)))
            }
            return .finished(sums.mapValues { $0 / Double(batches) })
        }
    }
}

extension Recommender {
    /// The selection of a ranking model: the first validation metric of `options`, higher
    /// is better, measured on `validation` (nil without a validation task).
    /// - Throws: if there is a validation task but no metric.
    func rankingSelection(_ validation: RankingTask?, _ options: FitOptions) throws -> EpochSelection? {
        guard let validation else { return nil }
        guard let first = options.validationMetrics.first else {
            throw ModelError("\(name).fit", "a validation task needs at least one metric in FitOptions.validationMetrics")
        }
        return EpochSelection(label: first.label, higherIsBetter: true) {
            try self.validationMetrics(validation, options)
        }
    }
}
