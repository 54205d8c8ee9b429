// Movie-VAE: the item-side network of Kukunuri Dinesh Kumar, "Collaborative Filtering
// Enhanced by Hybrid Variational Autoencoder Framework" (shared/seeds/003, section 5B),
// a VAE (Diederik P. Kingma and Max Welling, "Auto-Encoding Variational Bayes", ICLR 2014)
// over movie feature vectors whose latent means serve as low-dimensional item embeddings.
import Foundation
import TensorKit

/// A variational autoencoder over item feature vectors (rows of an `ItemFeatureMatrix`):
/// a tanh encoder to a Gaussian code of `latent` dimensions (3 in the paper), a tanh
/// decoder to one logit per feature, and the loss
/// `Σ_features BCE(sigmoid(logits), x) + β · KL(q(z|x) || N(0, I))` averaged over the
/// items of a batch (the paper's equations 5-6 with a logistic likelihood). The item
/// embeddings are the code means, `embeddings(_:)`.
///
/// ```swift
/// let features = try ItemFeatureMatrix(data, items: data.ratings.itemVocabulary)
/// let mvae = try MovieVAE()
/// try mvae.fit(features.values)
/// let e = try mvae.embeddings(features.values)     // [items, 3]
/// ```
public final class MovieVAE {
    /// Hyperparameters.
    public struct Configuration: Sendable, Equatable {
        /// Hidden layer sizes of the encoder (the decoder mirrors them).
        public var hidden: [Int]
        /// The embedding size (the paper's 3).
        public var latent: Int
        /// The KL weight β.
        public var beta: Float
        /// Adam's learning rate.
        public var learningRate: Float
        /// Items per mini-batch.
        public var batchSize: Int
        /// Training epochs (the best on validation loss is kept when there is validation).
        public var epochs: Int
        /// Seeds the weights, the batch order and the sampling noise.
        public var seed: UInt64

        /// A configuration; the defaults: one hidden layer of 256, a 3-D code, β = 1,
        /// Adam 1e-3, batches of 128 items, 100 epochs.
        public init(hidden: [Int] = [256], latent: Int = 3, beta: Float = 1, learningRate: Float = 1e-3,
                    batchSize: Int = 128, epochs: Int = 100, seed: UInt64 = 7) {
            self.hidden = hidden; self.latent = latent; self.beta = beta; self.learningRate = learningRate
            self.batchSize = batchSize; self.epochs = epochs; self.seed = seed
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    /// "Movie-VAE", the name saved files carry.
    public let name = "Movie-VAE"
    var net: AutoencoderNetwork?

    /// An unfitted model.
    /// - Throws: `ModelError` for a non-positive size, batch size, epoch count or learning
    ///   rate, or a negative β.
    public init(_ configuration: Configuration = Configuration()) throws {
        let c = configuration
        try checkAutoencoder("MovieVAE", hidden: c.hidden, code: c.latent, dropout: 0, learningRate: c.learningRate,
                             batchSize: c.batchSize, epochs: c.epochs, l2: 0)
        guard c.beta >= 0, c.beta.isFinite else { throw ModelError("MovieVAE", "beta must be >= 0, got \(c.beta)") }
        self.configuration = c
    }

    func makeNetwork(features: Int) throws -> AutoencoderNetwork {
        let c = configuration
        return try AutoencoderNetwork(encoderSizes: [features] + c.hidden + [2 * c.latent],
                                      decoderSizes: [c.latent] + c.hidden.reversed() + [features], seed: c.seed)
    }

    /// Checks a feature matrix: rank 2, non-empty, values in [0, 1], and (once fitted) the
    /// fitted feature count.
    private func check(_ x: Tensor, _ op: String) throws {
        guard x.rank == 2, x.shape[0] > 0, x.shape[1] > 0 else {
            throw ModelError("\(name).\(op)", "expected features [items, features] with both sizes positive, got shape \(x.shape)")
        }
        if let net, net.encoder[0].weight.shape[0] != x.shape[1] {
            throw ModelError("\(name).\(op)", "the model was fitted on \(net.encoder[0].weight.shape[0]) features, got \(x.shape[1])")
        }
        if let bad = x.scalars.first(where: { !($0 >= 0 && $0 <= 1) }) {
            throw ModelError("\(name).\(op)", "feature values must be in [0, 1], found \(bad)")
        }
    }

    /// The loss of a batch of feature rows: its reconstruction and KL parts.
    func loss(_ x: Tensor, noise: inout SeededGenerator, sample: Bool) throws -> (total: Tensor, nll: Tensor, kl: Tensor) {
        guard let net else { throw ModelError("\(name).fit", "no network") }
        let latent = configuration.latent
        let stats = try net.encodeDense(x)
        let mean = try stats.slice(axis: 1, 0..<latent), logVariance = try stats.slice(axis: 1, latent..<(2 * latent))
        let z = sample ? try mean + (try Tensor.normal(mean.shape, generator: &noise)) * (logVariance * 0.5).exp() : mean
        let nll = try Loss.bceWithLogits(try net.decode(z), targets: x) * Float(x.shape[1])
        let kl = try Loss.gaussianKL(mean: mean, logVariance: logVariance)
        return (try nll + kl * configuration.beta, nll, kl)
    }

    /// Trains a fresh network on the rows of `features` [items, features] in shuffled
    /// mini-batches (Adam), through the shared epoch loop: with `validation` rows, their
    /// loss (at the code means) is measured after every epoch as `"loss"` and the best
    /// epoch kept; patience, progress per batch, cancellation before each batch and the
    /// NaN guard as for the other models.
    /// - Throws: `ModelError` for a malformed matrix or a loss that became NaN.
    @discardableResult
    public func fit(_ features: Tensor, validation: Tensor? = nil, options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let c = configuration
        net = nil
        try check(features, "fit")
        let network = try makeNetwork(features: features.shape[1])
        net = network
        if let validation { try check(validation, "fit") }
        let adam = try Adam(network.parameters, learningRate: c.learningRate)
        let parameters = network.namedState.map(\.parameter)
        var rng = SeededGenerator(seed: c.seed &+ 1), noise = SeededGenerator(seed: c.seed &+ 2)
        var order = Array(0..<features.shape[0])
        let batches = (order.count + c.batchSize - 1) / c.batchSize
        let selection = validation.map { v in
            EpochSelection(label: "loss", higherIsBetter: false) {
                var unused = SeededGenerator(seed: 0)
                let l = try withNoGrad { try self.loss(v, noise: &unused, sample: false) }
                return ["loss": Double(try l.total.item()), "nll": Double(try l.nll.item()), "kl": Double(try l.kl.item())]
            }
        }
        let start = Date()
        return try EpochLoop.run(
            "\(name).fit", epochs: c.epochs, selection: selection, options: options,
            snapshot: { parameters.map { $0.value.detached() } },
            restore: { for (p, v) in zip(parameters, $0) { p.value = v } }
        ) { epoch in
            seededShuffle(&order, &rng)
            var sums = ["loss": 0.0, "nll": 0.0, "kl": 0.0]
            for b in 0..<batches {
                if b > 0, options.cancellation?.isCancelled == true { return .cancelled(batch: b + 1) }
                let rows = Array(order[(b * c.batchSize)..<min(order.count, (b + 1) * c.batchSize)])
                let l = try loss(try features.detached().rows(rows), noise: &noise, sample: true)
                let value = Double(try l.total.item())
                guard value.isFinite else { return .diverged(part: "loss", value: value, batch: b + 1) }
                adam.zeroGrad()
                try l.total.backward()
                adam.step()
                sums["loss"]! += value / Double(batches)
                sums["nll"]! += Double(try l.nll.item()) / Double(batches)
                sums["kl"]! += Double(try l.kl.item()) / Double(batches)
                options.progress?(TrainingProgress(epoch: epoch, epochs: c.epochs, batch: b + 1, batches: batches,
                                                   loss: value, elapsed: Date().timeIntervalSince(start)))
            }
            return .finished(sums)
        }
    }

    /// The code means of the rows of `features`: [items, latent], the item embeddings.
    /// - Throws: if the model is not fitted or the matrix does not fit it.
    public func embeddings(_ features: Tensor) throws -> Tensor {
        guard let net else { throw ModelError("\(name).embeddings", "the model is not fitted: call fit or load first") }
        try check(features, "embeddings")
        return try withNoGrad { try net.encodeDense(features.detached()).slice(axis: 1, 0..<configuration.latent) }.detached()
    }

    /// The fitted weights by name.
    /// - Throws: if the model is not fitted.
    public func state() throws -> [String: Tensor] {
        guard let net else { throw ModelError("\(name).save", "the model is not fitted") }
        return net.state
    }

    /// Restores weights written by `state()` (the feature count is read from them).
    /// - Throws: if a tensor is missing or has another shape than this configuration's.
    public func restore(_ state: [String: Tensor]) throws {
        net = try AutoencoderNetwork.restored(state, model: name) { try makeNetwork(features: $0) }
    }

    /// Writes the weights to a safetensors file with the model's name in its metadata.
    /// - Throws: if the model is not fitted or the file cannot be written.
    public func save(to url: URL) throws {
        try Safetensors.save(try state(), to: url, metadata: ["model": name])
    }

    /// Loads weights saved by `save(to:)`.
    /// - Throws: if the file is unreadable, holds another model, or does not fit this configuration.
    public func load(from url: URL) throws {
        let meta = try Safetensors.metadata(from: url)
        guard meta["model"] == name else {
            throw ModelError("\(name).load", "\(url.lastPathComponent) holds \(meta["model"].map { "'\($0)'" } ?? "no model name"), expected '\(name)'")
        }
        try restore(try Safetensors.load(from: url))
    }
}

extension AutoencoderNetwork {
    /// The encoder applied to a dense batch, tanh between layers, raw output.
    func encodeDense(_ input: Tensor) throws -> Tensor {
        var h = try encoder[0](input)
        for layer in encoder.dropFirst() { h = try layer(h.tanh()) }
        return h
    }
}
