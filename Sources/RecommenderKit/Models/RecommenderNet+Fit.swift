import Foundation
import TensorKit

extension RecommenderNet {
    /// Trains a fresh network on the rating rows of `ratings` (a repeated pair keeps its
    /// last rating) in shuffled mini-batches, one Adam step each, through `EpochLoop`:
    /// validation RMSE and MAE after every epoch with the best epoch's weights kept,
    /// early stopping with `options.patience`, progress after every batch, cancellation
    /// before every batch, and a NaN guard. The reported loss is the epoch's training
    /// RMSE (of the dropout-perturbed network, batch by batch).
    /// - Throws: `ModelError` for fewer than two ratings, non-finite ratings, users or
    ///   items outside the features, or a loss that became NaN.
    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let table = try RatingTable(ratings, model: name)
        let c = configuration
        guard table.userCount <= features.userCount, table.itemCount <= features.itemCount else {
            throw ModelError("\(name).fit", "the ratings have \(table.userCount) users and \(table.itemCount) items, the features only \(features.userCount) and \(features.itemCount) (build the features for these ratings' vocabularies)")
        }
        let m = table.byUser
        guard m.nnz >= 2 else { throw ModelError("\(name).fit", "batch norm needs at least 2 training ratings, got \(m.nnz)") }
        var users = [Int](), items = [Int]()
        users.reserveCapacity(m.nnz); items.reserveCapacity(m.nnz)
        for u in 0..<m.rowCount {
            for e in m.rowOffsets[u]..<m.rowOffsets[u + 1] { users.append(u); items.append(Int(m.columnIndices[e])) }
        }
        let targets = m.values
        let net = try makeNetwork()
        network = net; ratingScale = table.scale; globalMean = table.mean
        let scale = table.scale, span = scale.upperBound - scale.lowerBound
        let adam = try Adam(net.parameters, learningRate: c.learningRate, weightDecay: c.weightDecay, decoupled: true)
        let parameters = net.namedState.map(\.parameter)
        var rng = SeededGenerator(seed: c.seed &+ 2)
        var order = Array(0..<users.count)
        // Batch boundaries; a last batch of one row (batch norm needs two) joins the one before.
        var bounds = Array(stride(from: 0, to: order.count, by: c.batchSize)) + [order.count]
        if bounds.count > 2, bounds[bounds.count - 1] - bounds[bounds.count - 2] == 1 { bounds.remove(at: bounds.count - 2) }
        let batches = bounds.count - 1
        let selection = validation.map { v in EpochSelection(label: "RMSE", higherIsBetter: false) { try self.ratingValidation(v) } }
        let start = Date()
        defer { net.eval() }
        let history = try EpochLoop.run(
            "\(name).fit", epochs: c.epochs, selection: selection, options: options,
            snapshot: { parameters.map { $0.value.detached() } },
            restore: { for (p, v) in zip(parameters, $0) { p.value = v } }
        ) { epoch in
            seededShuffle(&order, &rng)
            net.train()
            defer { net.eval() }
            var squared = 0.0
            for b in 0..<batches {
                if b > 0, options.cancellation?.isCancelled == true { return .cancelled(batch: b + 1) }
                let rows = order[bounds[b]..<bounds[b + 1]]
                let logits = try net(users: rows.map { users[$0] }, items: rows.map { items[$0] }, features: features)
                let predicted = logits.sigmoid() * span + scale.lowerBound
                let target = try Tensor(shape: [rows.count, 1], scalars: rows.map { targets[$0] })
                let loss = try Loss.mse(predicted, target)
                let value = Double(try loss.item())
                guard value.isFinite else { return .diverged(part: "loss", value: value, batch: b + 1) }
                adam.zeroGrad()
                try loss.backward()
                adam.step()
                squared += value * Double(rows.count)
                options.progress?(TrainingProgress(epoch: epoch, epochs: c.epochs, batch: b + 1, batches: batches,
                                                   loss: value, elapsed: Date().timeIntervalSince(start)))
            }
            return .finished(["loss": (squared / Double(users.count)).squareRoot()])
        }
        fillUntrainedIDs(trainedUsers: Set(users), trainedItems: Set(items))
        return history
    }

    /// Sets the id embeddings of users and items without training ratings (still at their
    /// random initial values) to the mean of the trained ones.
    private func fillUntrainedIDs(trainedUsers: Set<Int>, trainedItems: Set<Int>) {
        guard let network else { return }
        for (table, trained) in [(network.userID, trainedUsers), (network.itemID, trainedItems)] {
            guard let table, !trained.isEmpty, trained.count < table.weight.shape[0] else { continue }
            var w = table.weight.value.detached()
            let (n, d) = (w.shape[0], w.shape[1])
            w.withUnsafeMutableBufferPointer { p in
                var mean = [Float](repeating: 0, count: d)
                for r in trained { for k in 0..<d { mean[k] += p[r * d + k] / Float(trained.count) } }
                for r in 0..<n where !trained.contains(r) { for k in 0..<d { p[r * d + k] = mean[k] } }
            }
            table.weight.value = w
        }
    }
}
