// The course rating VAE: F. M. Laudizi, "Numerical Analysis for ML" project report,
// Politecnico di Milano 2024-25 (seed report 000), after Diederik P. Kingma and Max
// Welling, "Auto-Encoding Variational Bayes", ICLR 2014.
import Foundation
import TensorKit

/// A variational autoencoder over each user's rating vector, predicting ratings.
///
/// The report's model: a user's ratings over all items, divided by the top of the rating
/// scale (so 1...5 becomes 0.2...1 and an unrated item is 0), go through an encoder of
/// dense ReLU layers 1024-512-256 to a 50-dimensional Gaussian code (mean and log-variance
/// from one dense layer each), a sample `z = mean + exp(0.5 · logVar) · ε` goes through the
/// mirrored decoder 256-512-1024 (ReLU) to one sigmoid output per item. The loss is the
/// binary cross-entropy of output and input times the item count (Keras's
/// `binary_crossentropy`, a mean over items, times `n_movies`: a sum over items) plus
/// KL(q(z|x) || N(0, I)), averaged over the batch; Adam (1e-3), batch 64. Users with fewer
/// than `minUserRatings` ratings are left out of training. The predicted rating of (u, i) is
/// the decoder's output at the mean code of u's training vector times the scale's top,
/// clamped to the training scale.
///
/// What the report leaves open, and the reading taken here:
/// - **Whether unrated cells count in the BCE.** The report pivots the ratings "with missing
///   ratings replaced by zeros" and takes the BCE "between the input and the reconstructed
///   output", which reads as every cell counting, unrated ones as targets of 0:
///   `.allCells`, the default. That objective also learns *which* items a user rates, which
///   helps the top-10 lists, but pulls every unrated cell, and so every prediction for an
///   unseen item, towards 0 (the lowest rating after clamping): its RMSE and MAE are poor
///   by construction. `.ratedCells` is the masked variant: the BCE sums over the rated
///   cells only, so outputs estimate ratings and RMSE/MAE are meaningful.
/// - **How ratings reach [0, 1].** "Normalized to the [0, 1] range" with zeros for missing
///   ratings: r / 5 keeps 0 for "unrated" apart from every rating (min-max scaling would
///   map a 1-star rating to 0); predictions are output · 5.
/// - **Epochs and early stopping.** The report's default is 10 epochs with patience 8 (so
///   stopping rarely triggers). Here `epochs` caps training; with a validation set, the
///   epoch with the lowest validation RMSE is kept and `FitOptions.patience` stops early.
/// - **Weight initialisation**: Glorot uniform and zero biases (Keras's `Dense` defaults),
///   except that with `meanInitialisedOutput` (the default) each output bias starts at the
///   logit of its item's mean training target (damped towards the overall mean by 5
///   pseudo-counts): the mean scaled rating for `.ratedCells`, the mean cell for `.allCells`.
///   Adam at 1e-3 moves a bias by about 1e-3 a step, so from 0 (output 0.5, a rating of
///   2.5) the masked model needs hundreds of epochs just to reach the mean rating; this
///   changes the starting point only. `false` gives Keras's zero biases.
///
/// ```swift
/// let vae = try RatingVAE(.init(reconstruction: .ratedCells, epochs: 50))
/// try vae.fit(train, validation: validation, options: FitOptions(patience: 8))
/// let r = try vae.predict(user: 0, item: 10)
/// ```
public final class RatingVAE: RatingModel {
    /// Which cells of the rating vector count in the reconstruction loss.
    public enum Reconstruction: String, Sendable {
        /// Every cell, unrated ones with target 0 (the report's reading).
        case allCells
        /// Only the rated cells (the masked variant).
        case ratedCells
    }

    /// Hyperparameters; the defaults are the report's.
    public struct Configuration: Sendable, Equatable {
        /// Encoder layer sizes (the decoder mirrors them).
        public var hidden: [Int]
        /// The size of the latent code.
        public var latent: Int
        /// Which cells the BCE covers.
        public var reconstruction: Reconstruction
        /// Adam's learning rate (Keras's default).
        public var learningRate: Float
        /// Users per mini-batch.
        public var batchSize: Int
        /// The most epochs.
        public var epochs: Int
        /// Users with fewer training ratings are not trained on (their predictions still
        /// come from their vectors).
        public var minUserRatings: Int
        /// Whether the output biases start at the logits of the items' mean targets (see
        /// the type's notes) rather than at 0.
        public var meanInitialisedOutput: Bool
        /// Seeds the initial weights, the batch order and the sampling noise.
        public var seed: UInt64

        /// A configuration; every argument but `meanInitialisedOutput` has the report's default.
        public init(hidden: [Int] = [1024, 512, 256], latent: Int = 50, reconstruction: Reconstruction = .allCells,
                    learningRate: Float = 1e-3, batchSize: Int = 64, epochs: Int = 10, minUserRatings: Int = 20,
                    meanInitialisedOutput: Bool = true, seed: UInt64 = 42) {
            self.hidden = hidden; self.latent = latent; self.reconstruction = reconstruction
            self.learningRate = learningRate; self.batchSize = batchSize; self.epochs = epochs
            self.minUserRatings = minUserRatings; self.meanInitialisedOutput = meanInitialisedOutput; self.seed = seed
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public var name: String { configuration.reconstruction == .allCells ? "RatingVAE" : "RatingVAE-masked" }
    private var network: RatingVAENetwork?
    /// The training ratings divided by the scale's top, [users, items].
    private var inputs: SparseMatrix?
    private var scale: ClosedRange<Float>?
    private var mean: Float = 0

    /// An unfitted model.
    /// - Throws: `ModelError` for a non-positive layer size, learning rate, batch size or
    ///   epoch count, or a negative `minUserRatings`.
    public init(_ configuration: Configuration = Configuration()) throws {
        let c = configuration
        guard c.hidden.allSatisfy({ $0 > 0 }), c.latent > 0 else {
            throw ModelError("RatingVAE", "layer sizes must be positive, got hidden \(c.hidden) and latent \(c.latent)")
        }
        guard c.learningRate > 0, c.learningRate.isFinite, c.batchSize > 0, c.epochs > 0, c.minUserRatings >= 0 else {
            throw ModelError("RatingVAE", "expected a positive learning rate, batch size and epoch count and minUserRatings >= 0")
        }
        self.configuration = c
    }

    public var ratingScale: ClosedRange<Float>? { scale }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let c = configuration
        let table = try RatingTable(ratings, model: name)
        guard table.scale.upperBound > 0 else { throw ModelError("\(name).fit", "the ratings must have a positive maximum to scale by") }
        let top = table.scale.upperBound
        let x = table.byUser.mapEntries { _, _, v in v / top }
        let counts = x.nnzPerRow()
        var order = (0..<x.rowCount).filter { counts[$0] >= max(c.minUserRatings, 1) }
        guard !order.isEmpty else {
            throw ModelError("\(name).fit", "no user has at least \(c.minUserRatings) ratings to train on")
        }
        let net = try RatingVAENetwork(items: x.columnCount, hidden: c.hidden, latent: c.latent, seed: c.seed)
        network = net; inputs = x; scale = table.scale; mean = table.mean
        if c.meanInitialisedOutput, let bias = net.decoder.last?.bias {
            bias.value = Tensor(outputBiases(x, users: order))
        }
        let adam = try Adam(net.parameters, learningRate: c.learningRate)
        var rng = SeededGenerator(seed: c.seed &+ 1)
        var noise = SeededGenerator(seed: c.seed &+ 2)
        let batches = (order.count + c.batchSize - 1) / c.batchSize
        let parameters = net.parameters
        let selection = validation.map { v in EpochSelection(label: "RMSE", higherIsBetter: false) { try self.ratingValidation(v) } }
        let start = Date()
        return try EpochLoop.run("\(name).fit", epochs: c.epochs, selection: selection, options: options,
                                 snapshot: { parameters.map { $0.value.detached() } },
                                 restore: { for (p, v) in zip(parameters, $0) { p.value = v } }) { epoch in
            seededShuffle(&order, &rng)
            var sums: [String: Double] = [:]
            for b in 0..<batches {
                if b > 0, options.cancellation?.isCancelled == true { return .cancelled(batch: b + 1) }
                let batch = try x.rows(Array(order[(b * c.batchSize)..<min(order.count, (b + 1) * c.batchSize)]))
                let (loss, parts) = try batchLoss(net, batch, &noise)
                let value = Double(try loss.item())
                guard value.isFinite else { return .diverged(part: "loss", value: value, batch: b + 1) }
                adam.zeroGrad()
                try loss.backward()
                adam.step()
                for (k, v) in parts { sums[k, default: 0] += v }
                options.progress?(TrainingProgress(epoch: epoch, epochs: c.epochs, batch: b + 1, batches: batches,
                                                   loss: value, elapsed: Date().timeIntervalSince(start)))
            }
            return .finished(sums.mapValues { $0 / Double(batches) })
        }
    }

    /// The logit of each item's mean target over the training users `users` of `x`, damped
    /// towards the overall mean with 5 pseudo-counts.
    private func outputBiases(_ x: SparseMatrix, users: [Int]) -> [Float] {
        var sums = [Double](repeating: 0, count: x.columnCount), counts = [Double](repeating: 0, count: x.columnCount)
        for u in users {
            for e in x.rowOffsets[u]..<x.rowOffsets[u + 1] { sums[Int(x.columnIndices[e])] += Double(x.values[e]); counts[Int(x.columnIndices[e])] += 1 }
        }
        if configuration.reconstruction == .allCells { counts = counts.map { _ in Double(users.count) } }
        let overall = sums.reduce(0, +) / max(counts.reduce(0, +), 1)
        return sums.indices.map { i in
            let m = min(max((sums[i] + 5 * overall) / (counts[i] + 5), 1e-3), 1 - 1e-3)
            return Float(log(m / (1 - m)))
        }
    }

    /// The loss of one batch of scaled rating rows and its parts.
    private func batchLoss(_ net: RatingVAENetwork, _ batch: SparseMatrix,
                           _ noise: inout SeededGenerator) throws -> (Tensor, [String: Double]) {
        let (mean, logVariance) = try net.encode(batch)
        let eps = try Tensor.normal(mean.shape, generator: &noise)
        let logits = try net.decode(try mean + eps * (logVariance * 0.5).exp())
        let target = batch.toDense()
        let rows = Float(batch.rowCount)
        let reconstruction: Tensor
        switch configuration.reconstruction {
        case .allCells:
            reconstruction = try Loss.bceWithLogits(logits, targets: target) * Float(batch.columnCount)
        case .ratedCells:
            // Elementwise BCE on logits, max(x, 0) − x·t + log(1 + e^−|x|), on the rated cells.
            let perCell = try logits.relu() - logits * target + ((-logits.abs()).exp() + 1).log()
            let mask = batch.mapEntries { _, _, _ in 1 }.toDense()
            reconstruction = try (perCell * mask).sum() * (1 / rows)
        }
        let kl = try Loss.gaussianKL(mean: mean, logVariance: logVariance)
        let loss = try reconstruction + kl
        return (loss, ["loss": Double(try loss.item()), "bce": Double(try reconstruction.item()), "kl": Double(try kl.item())])
    }

    /// The predicted ratings of every item for the given users, row-major
    /// [users.count, items] (the decoder at each user's mean code, times the scale's top,
    /// clamped). A user outside the fitted range gets the training mean everywhere.
    /// - Throws: if the model is not fitted.
    public func predictedRatings(users: [Int]) throws -> [Float] {
        guard let network, let inputs, let scale else {
            throw ModelError("\(name).predict", "the model is not fitted: call fit or load first")
        }
        let n = inputs.columnCount
        var out = [Float](repeating: scale.clamp(mean), count: users.count * n)
        var rowsOf: [Int: [Int]] = [:]
        for (r, u) in users.enumerated() where u >= 0 && u < inputs.rowCount { rowsOf[u, default: []].append(r) }
        let unique = rowsOf.keys.sorted()
        for start in stride(from: 0, to: unique.count, by: 512) {
            let chunk = Array(unique[start..<min(unique.count, start + 512)])
            let probabilities = try withNoGrad { try network.decode(try network.encode(try inputs.rows(chunk)).mean).sigmoid() }.scalars
            for (c, u) in chunk.enumerated() {
                for r in rowsOf[u]! {
                    for i in 0..<n { out[r * n + i] = scale.clamp(probabilities[c * n + i] * scale.upperBound) }
                }
            }
        }
        return out
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let inputs, let scale else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        let n = inputs.columnCount
        let unique = Array(Set(users.filter { $0 >= 0 && $0 < inputs.rowCount })).sorted()
        let rows = try predictedRatings(users: unique)
        var position: [Int: Int] = [:]
        for (r, u) in unique.enumerated() { position[u] = r }
        return zip(users, items).map { u, i in
            guard let r = position[u], i >= 0, i < n else { return scale.clamp(mean) }
            return rows[r * n + i]
        }
    }

    public func state() throws -> [String: Tensor] {
        guard let network, let inputs, let scale else { throw ModelError("\(name).save", "the model is not fitted") }
        let top = scale.upperBound
        var s = try RatingTable(byUser: inputs.mapEntries { _, _, v in v * top }).state(prefix: "ratings.")
        for (key, p) in network.namedState { s["network." + key] = p.value }
        s["scale"] = Tensor([scale.lowerBound, scale.upperBound])
        return s
    }

    public func restore(_ state: [String: Tensor]) throws {
        let table = try RatingTable(state: state, prefix: "ratings.", model: name)
        guard let s = state["scale"]?.scalars, s.count == 2, s[0] <= s[1], s[1] > 0 else {
            throw ModelError("\(name).load", "the state has no valid 'scale' [low, high]")
        }
        let c = configuration
        let net = try RatingVAENetwork(items: table.itemCount, hidden: c.hidden, latent: c.latent, seed: c.seed)
        for (key, p) in net.namedState {
            guard let t = state["network." + key] else { throw ModelError("\(name).load", "the state has no tensor 'network.\(key)'") }
            guard t.shape == p.shape else {
                throw ModelError("\(name).load", "'network.\(key)' has shape \(t.shape), expected \(p.shape) (another configuration?)")
            }
        }
        for (key, p) in net.namedState { p.value = state["network." + key]! }
        network = net; inputs = table.byUser.mapEntries { _, _, v in v / s[1] }
        scale = s[0]...s[1]; mean = table.mean
    }
}

/// The encoder and decoder of `RatingVAE`: ReLU dense layers, a final encoder layer giving
/// the mean and log-variance side by side, raw logits out of the decoder.
final class RatingVAENetwork: Module {
    let encoder: [Linear]
    let decoder: [Linear]
    let latent: Int
    var isTraining = true

    init(items: Int, hidden: [Int], latent: Int, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        func stack(_ sizes: [Int]) throws -> [Linear] {
            try zip(sizes, sizes.dropFirst()).map { try Linear($0, $1, generator: &rng) }
        }
        encoder = try stack([items] + hidden + [2 * latent])
        decoder = try stack([latent] + hidden.reversed() + [items])
        self.latent = latent
    }

    var children: [(name: String, module: Module)] {
        encoder.enumerated().map { ("encoder.\($0.offset)", $0.element as Module) }
            + decoder.enumerated().map { ("decoder.\($0.offset)", $0.element as Module) }
    }

    /// The code's mean and log-variance for a sparse batch of scaled rating rows.
    func encode(_ input: SparseMatrix) throws -> (mean: Tensor, logVariance: Tensor) {
        var h = try encoder[0](input)
        for layer in encoder.dropFirst() { h = try layer(h.relu()) }
        return (try h.slice(axis: 1, 0..<latent), try h.slice(axis: 1, latent..<(2 * latent)))
    }

    /// The decoder's logits (apply a sigmoid for the scaled ratings).
    func decode(_ z: Tensor) throws -> Tensor {
        var h = z
        for (i, layer) in decoder.enumerated() { h = try layer(i == 0 ? h : h.relu()) }
        return h
    }
}
