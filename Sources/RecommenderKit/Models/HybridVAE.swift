// Hybrid-VAE: Kukunuri Dinesh Kumar, "Collaborative Filtering Enhanced by Hybrid
// Variational Autoencoder Framework" (shared/seeds/003, section 5B and Table 1), built on
// Mult-VAE (Dawen Liang et al., "Variational Autoencoders for Collaborative Filtering",
// WWW 2018). The item embeddings come from `MovieVAE` (or are random, the paper's control).
import TensorKit

/// Mult-VAE whose encoder reads, instead of the click vector x_u, the embeddings of the
/// clicked items: x'_u = ⟨x̃_u1 · e_1, ..., x̃_un · e_n⟩ with x̃_u the L2-normalised click
/// vector (dropout on its entries while training) and e_i the item's d-dimensional
/// embedding (a zero vector for an item not clicked, the paper's equation 7). The [n, d]
/// block reaches the first dense layer in one of the paper's two ways:
/// - `.flatten` (its "Approach 1"): the n·d values as they are;
/// - `.dense` ("Approach 2"): one shared Dense(d → 1) per item, leaving n values.
/// The embeddings start from the given table and are trained with the network
/// (`trainEmbeddings`); the decoder, loss (multinomial likelihood + annealed β · KL) and
/// scoring are Mult-VAE's, so a `MultVAE` with the same sizes is the standard model to
/// compare against.
///
/// ```swift
/// let e = try movieVAE.embeddings(features.values)          // [items, 3]
/// let hvae = try HybridVAE(embeddings: e, configuration: .init(approach: .flatten, epochs: 100))
/// try hvae.fit(split.train, validation: try RankingTask(split.validation))
/// ```
public final class HybridVAE: Recommender, MiniBatchModel {
    /// How the items x d embedding block enters the encoder.
    public enum Approach: String, Sendable {
        /// Flattened to n·d inputs.
        case flatten
        /// Reduced to n inputs by a shared Dense(d → 1).
        case dense
    }

    /// Hyperparameters; the network sizes and training defaults are Mult-VAE's.
    public struct Configuration: Sendable, Equatable {
        /// How the embedding block enters the encoder.
        public var approach: Approach
        /// Whether the embeddings are trained with the network.
        public var trainEmbeddings: Bool
        /// Hidden layer sizes of the encoder (the decoder mirrors them).
        public var hidden: [Int]
        /// The size of the user code.
        public var latent: Int
        /// Dropout on the clicks while training.
        public var dropout: Float
        /// The largest KL weight β.
        public var annealCap: Float
        /// Updates over which β rises to 1 (capped at `annealCap`); 0 uses the cap at once.
        public var totalAnnealSteps: Int
        /// Adam's learning rate.
        public var learningRate: Float
        /// Users per mini-batch.
        public var batchSize: Int
        /// Training epochs (the best on validation is kept).
        public var epochs: Int
        /// Seeds the weights, the batch order, dropout and the sampling noise.
        public var seed: UInt64

        /// A configuration; defaults as `MultVAE.Configuration`, flattened, trained embeddings.
        public init(approach: Approach = .flatten, trainEmbeddings: Bool = true, hidden: [Int] = [600], latent: Int = 200,
                    dropout: Float = 0.5, annealCap: Float = 0.2, totalAnnealSteps: Int = 200_000,
                    learningRate: Float = 1e-3, batchSize: Int = 500, epochs: Int = 200, seed: UInt64 = 98765) {
            self.approach = approach; self.trainEmbeddings = trainEmbeddings; self.hidden = hidden; self.latent = latent
            self.dropout = dropout; self.annealCap = annealCap; self.totalAnnealSteps = totalAnnealSteps
            self.learningRate = learningRate; self.batchSize = batchSize; self.epochs = epochs; self.seed = seed
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public var name: String { "Hybrid-VAE (\(configuration.approach.rawValue))" }
    public private(set) var itemCount: Int
    public private(set) var trainingMatrix: SparseMatrix?
    /// The embedding table the model starts from, [items, d].
    public let initialEmbeddings: Tensor
    private var net: HybridVAENetwork?
    private var dropout: Dropout
    private var noise: SeededGenerator

    /// An unfitted model over `embeddings` [items, d] (one row per item of the matrices it
    /// will be fitted on).
    /// - Throws: `ModelError` for an embedding table that is not [items, d] with finite
    ///   values, or hyperparameters as `MultVAE` checks them.
    public init(embeddings: Tensor, configuration: Configuration = Configuration()) throws {
        let c = configuration
        try checkAutoencoder("HybridVAE", hidden: c.hidden, code: c.latent, dropout: c.dropout, learningRate: c.learningRate,
                             batchSize: c.batchSize, epochs: c.epochs, l2: 0)
        guard c.annealCap >= 0, c.annealCap.isFinite, c.totalAnnealSteps >= 0 else {
            throw ModelError("HybridVAE", "annealCap must be >= 0 and totalAnnealSteps >= 0, got \(c.annealCap) and \(c.totalAnnealSteps)")
        }
        guard embeddings.rank == 2, embeddings.shape[0] > 0, embeddings.shape[1] > 0,
              embeddings.scalars.allSatisfy(\.isFinite) else {
            throw ModelError("HybridVAE", "embeddings must be a finite [items, d] table, got shape \(embeddings.shape)")
        }
        self.configuration = c
        initialEmbeddings = embeddings.detached()
        itemCount = embeddings.shape[0]
        dropout = try Dropout(rate: c.dropout, seed: c.seed &+ 1)
        noise = SeededGenerator(seed: c.seed &+ 2)
    }

    var network: Module { net! }

    /// The embedding table now (the trained one after `fit`), [items, d].
    public var embeddings: Tensor { net?.embedding.weight.value.detached() ?? initialEmbeddings }

    private func makeNetwork() throws -> HybridVAENetwork {
        try HybridVAENetwork(embeddings: initialEmbeddings, approach: configuration.approach, hidden: configuration.hidden,
                             latent: configuration.latent, seed: configuration.seed)
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
        guard train.columnCount == itemCount else {
            throw ModelError("\(name).fit", "the training matrix has \(train.columnCount) items, the embeddings \(itemCount)")
        }
        let network = try makeNetwork()
        net = network
        trainingMatrix = train
        dropout = try Dropout(rate: c.dropout, seed: c.seed &+ 1)
        noise = SeededGenerator(seed: c.seed &+ 2)
        let trained = c.trainEmbeddings ? network.parameters
            : network.namedParameters.filter { $0.name != "embedding.weight" }.map(\.parameter)
        let adam = try Adam(trained, learningRate: c.learningRate)
        return try TrainingLoop.run(self, train: train, validation: validation, options: options,
                                    epochs: c.epochs, batchSize: c.batchSize, optimizer: adam, seed: c.seed)
    }

    func batchLoss(_ batch: SparseMatrix, update: Int) throws -> (loss: Tensor, parts: [String: Double]) {
        guard let net else { throw ModelError("\(name).fit", "no network") }
        let latent = configuration.latent
        let stats = try net.encode(dropout(batch).rowNormalizedL2())
        let mean = try stats.slice(axis: 1, 0..<latent)
        let logVariance = try stats.slice(axis: 1, latent..<(2 * latent))
        let z = try mean + (try Tensor.normal(mean.shape, generator: &noise)) * (logVariance * 0.5).exp()
        let nll = try Loss.multinomialNLL(logits: try net.autoencoder.decode(z), targets: batch)
        let kl = try Loss.gaussianKL(mean: mean, logVariance: logVariance)
        let beta = beta(afterUpdates: update)
        let loss = try nll + kl * beta
        return (loss, ["loss": Double(try loss.item()), "nll": Double(try nll.item()),
                       "kl": Double(try kl.item()), "beta": Double(beta)])
    }

    /// The decoder's logits at the mean code of each history row.
    public func scores(history: SparseMatrix) throws -> Tensor {
        guard let net else { throw ModelError("\(name).scores", "the model is not fitted: call fit or load first") }
        let latent = configuration.latent
        return try chunkedScores(history, chunk: 512) { rows in
            try net.autoencoder.decode(try net.encode(rows.rowNormalizedL2()).slice(axis: 1, 0..<latent))
        }
    }

    /// The user codes (means) of each history row, [rows, latent]: the user embeddings the
    /// paper clusters.
    /// - Throws: if the model is not fitted or the history does not fit.
    public func userCodes(history: SparseMatrix) throws -> Tensor {
        guard let net else { throw ModelError("\(name).userCodes", "the model is not fitted: call fit or load first") }
        try checkHistory(history)
        return try withNoGrad { try net.encode(history.rowNormalizedL2()).slice(axis: 1, 0..<configuration.latent) }.detached()
    }

    public func state() throws -> [String: Tensor] {
        guard let net else { throw ModelError("\(name).save", "the model is not fitted") }
        return Dictionary(uniqueKeysWithValues: net.namedState.map { ($0.name, $0.parameter.value) })
    }

    public func restore(_ state: [String: Tensor]) throws {
        let network = try makeNetwork()
        for (key, p) in network.namedState {
            guard let t = state[key] else { throw ModelError("\(name).load", "the state has no tensor '\(key)' (another approach?)") }
            guard t.shape == p.shape else {
                throw ModelError("\(name).load", "'\(key)' has shape \(t.shape), expected \(p.shape) (another configuration?)")
            }
        }
        for (key, p) in network.namedState { p.value = state[key]! }
        network.eval()
        net = network
    }
}
