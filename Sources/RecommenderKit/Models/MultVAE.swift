// Mult-VAE: Dawen Liang, Rahul G. Krishnan, Matthew D. Hoffman and Tony Jebara,
// "Variational Autoencoders for Collaborative Filtering", WWW 2018
// (reference code: github.com/dawenl/vae_cf, VAE_ML20M_WWW2018.ipynb).
import TensorKit

/// Mult-VAE: a variational autoencoder over a user's item set with a multinomial
/// likelihood. The L2-normalised click vector (dropout on its entries while training)
/// goes through a tanh encoder to a Gaussian code (mean and log-variance); a sample of it
/// (the mean when scoring) goes through a tanh decoder to one logit per item. The loss is
/// the multinomial negative log-likelihood plus β · KL(q(z|x) || N(0, I)), with β
/// annealed linearly from 0 by `1 / totalAnnealSteps` per update up to `annealCap`.
/// The input stays sparse end to end.
///
/// ```swift
/// let vae = try MultVAE(MultVAE.Configuration(epochs: 100))
/// let history = try vae.fit(split.train, validation: try RankingTask(split.validation))
/// ```
public final class MultVAE: Recommender, MiniBatchModel {
    /// Hyperparameters; the defaults are the paper's ([I-600-200-600-I], dropout 0.5,
    /// β cap 0.2 over 200,000 steps, Adam 1e-3, batch 500, 200 epochs, no L2).
    public struct Configuration: Sendable, Equatable {
        /// Hidden layer sizes of the encoder (the decoder mirrors them).
        public var hidden: [Int]
        /// The size of the latent code.
        public var latent: Int
        /// The probability of dropping an input entry while training.
        public var dropout: Float
        /// The largest KL weight β.
        public var annealCap: Float
        /// Updates over which β rises from 0 to 1 (then capped at `annealCap`); 0 uses the cap from the start.
        public var totalAnnealSteps: Int
        /// Adam's learning rate.
        public var learningRate: Float
        /// Users per mini-batch.
        public var batchSize: Int
        /// Training epochs (the best on validation is kept).
        public var epochs: Int
        /// λ of the L2 penalty λ · Σ w² over the weight matrices (Liang: 0 for the VAE).
        public var l2: Float
        /// Seeds the initial weights, the batch order, dropout and the sampling noise.
        public var seed: UInt64

        /// A configuration; every argument has the paper's default.
        public init(hidden: [Int] = [600], latent: Int = 200, dropout: Float = 0.5, annealCap: Float = 0.2,
                    totalAnnealSteps: Int = 200_000, learningRate: Float = 1e-3, batchSize: Int = 500,
                    epochs: Int = 200, l2: Float = 0, seed: UInt64 = 98765) {
            self.hidden = hidden; self.latent = latent; self.dropout = dropout; self.annealCap = annealCap
            self.totalAnnealSteps = totalAnnealSteps; self.learningRate = learningRate
            self.batchSize = batchSize; self.epochs = epochs; self.l2 = l2; self.seed = seed
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "Mult-VAE"
    public private(set) var itemCount = 0
    public private(set) var trainingMatrix: SparseMatrix?
    private var net: AutoencoderNetwork?
    private var dropout: Dropout
    private var noise: SeededGenerator

    /// An unfitted model.
    /// - Throws: `ModelError` for a size below 1, a dropout outside [0, 1), or a
    ///   non-positive learning rate, batch size or epoch count.
    public init(_ configuration: Configuration = Configuration()) throws {
        let c = configuration
        try checkAutoencoder("MultVAE", hidden: c.hidden, code: c.latent, dropout: c.dropout,
                             learningRate: c.learningRate, batchSize: c.batchSize, epochs: c.epochs, l2: c.l2)
        guard c.annealCap >= 0, c.annealCap.isFinite, c.totalAnnealSteps >= 0 else {
            throw ModelError("MultVAE", "annealCap must be >= 0 and totalAnnealSteps >= 0, got \(c.annealCap) and \(c.totalAnnealSteps)")
        }
        self.configuration = c
        dropout = try Dropout(rate: c.dropout, seed: c.seed &+ 1)
        noise = SeededGenerator(seed: c.seed &+ 2)
    }

    var network: Module { net! }

    private func makeNetwork(items: Int) throws -> AutoencoderNetwork {
        let c = configuration
        return try AutoencoderNetwork(encoderSizes: [items] + c.hidden + [2 * c.latent],
                                      decoderSizes: [c.latent] + c.hidden.reversed() + [items], seed: c.seed)
    }

    /// The KL weight β used for the batch after `update` optimizer steps.
    public func beta(afterUpdates update: Int) -> Float {
        let c = configuration
        guard c.totalAnnealSteps > 0 else { return c.annealCap }
        return min(c.annealCap, Float(update) / Float(c.totalAnnealSteps))
    }

    @discardableResult
    public func fit(_ train: SparseMatrix, validation: RankingTask? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let c = configuration
        guard train.columnCount > 0 else { throw ModelError("MultVAE.fit", "the training matrix has no items") }
        let network = try makeNetwork(items: train.columnCount)
        net = network
        itemCount = train.columnCount
        trainingMatrix = train
        dropout = try Dropout(rate: c.dropout, seed: c.seed &+ 1)
        noise = SeededGenerator(seed: c.seed &+ 2)
        let adam = try Adam(network.parameters, learningRate: c.learningRate)
        return try TrainingLoop.run(self, train: train, validation: validation, options: options,
                                    epochs: c.epochs, batchSize: c.batchSize, optimizer: adam, seed: c.seed)
    }

    func batchLoss(_ batch: SparseMatrix, update: Int) throws -> (loss: Tensor, parts: [String: Double]) {
        guard let net else { throw ModelError("MultVAE.fit", "no network") }
        let latent = configuration.latent
        let stats = try net.encode(dropout(batch.rowNormalizedL2()), activateLast: false)
        let mean = try stats.slice(axis: 1, 0..<latent)
        let logVariance = try stats.slice(axis: 1, latent..<(2 * latent))
        let eps = try Tensor.normal(mean.shape, generator: &noise)
        let z = try mean + eps * (logVariance * 0.5).exp()
        let nll = try Loss.multinomialNLL(logits: try net.decode(z), targets: batch)
        let kl = try Loss.gaussianKL(mean: mean, logVariance: logVariance)
        let beta = beta(afterUpdates: update)
        var loss = try nll + kl * beta
        if configuration.l2 > 0 { loss = try loss + Loss.l2(net.weights) * configuration.l2 }
        return (loss, ["loss": Double(try loss.item()), "nll": Double(try nll.item()),
                       "kl": Double(try kl.item()), "beta": Double(beta)])
    }

    /// The decoder's logits at the mean code of each normalised history row.
    public func scores(history: SparseMatrix) throws -> Tensor {
        guard let net else { throw ModelError("MultVAE.scores", "the model is not fitted: call fit or load first") }
        let latent = configuration.latent
        return try chunkedScores(history) { rows in
            let stats = try net.encode(rows.rowNormalizedL2(), activateLast: false)
            return try net.decode(try stats.slice(axis: 1, 0..<latent))
        }
    }

    public func state() throws -> [String: Tensor] {
        guard let net else { throw ModelError("MultVAE.save", "the model is not fitted") }
        return net.state
    }

    public func restore(_ state: [String: Tensor]) throws {
        let network = try AutoencoderNetwork.restored(state, model: name, make: makeNetwork)
        net = network
        itemCount = network.encoder[0].weight.shape[0]
    }
}
