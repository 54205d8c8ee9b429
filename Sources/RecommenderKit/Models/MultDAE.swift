// Mult-DAE: Dawen Liang, Rahul G. Krishnan, Matthew D. Hoffman and Tony Jebara,
// "Variational Autoencoders for Collaborative Filtering", WWW 2018
// (reference code: github.com/dawenl/vae_cf, VAE_ML20M_WWW2018.ipynb).
import TensorKit

/// Mult-DAE: a denoising autoencoder over a user's item set with a multinomial
/// likelihood. The L2-normalised click vector, with dropout on its entries while training,
/// goes through tanh layers to a tanh code and back to one logit per item; the loss is
/// the multinomial negative log-likelihood plus λ · Σ w² over the weight matrices.
/// The input stays sparse end to end.
///
/// ```swift
/// let dae = try MultDAE()
/// try dae.fit(split.train, validation: try RankingTask(split.validation))
/// ```
public final class MultDAE: Recommender, MiniBatchModel {
    /// Hyperparameters; the defaults are the paper's ([I-200-I], dropout 0.5,
    /// λ = 0.01 / batch size, Adam 1e-3, batch 500, 200 epochs).
    public struct Configuration: Sendable, Equatable {
        /// Hidden layer sizes between the input and the code (the decoder mirrors them).
        public var hidden: [Int]
        /// The size of the code.
        public var code: Int
        /// The probability of dropping an input entry while training.
        public var dropout: Float
        /// λ of the L2 penalty λ · Σ w² over the weight matrices.
        public var l2: Float
        /// Adam's learning rate.
        public var learningRate: Float
        /// Users per mini-batch.
        public var batchSize: Int
        /// Training epochs (the best on validation is kept).
        public var epochs: Int
        /// Seeds the initial weights, the batch order and dropout.
        public var seed: UInt64

        /// A configuration; every argument has the paper's default.
        public init(hidden: [Int] = [], code: Int = 200, dropout: Float = 0.5, l2: Float = 0.01 / 500,
                    learningRate: Float = 1e-3, batchSize: Int = 500, epochs: Int = 200, seed: UInt64 = 98765) {
            self.hidden = hidden; self.code = code; self.dropout = dropout; self.l2 = l2
            self.learningRate = learningRate; self.batchSize = batchSize; self.epochs = epochs; self.seed = seed
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "Mult-DAE"
    public private(set) var itemCount = 0
    public private(set) var trainingMatrix: SparseMatrix?
    private var net: AutoencoderNetwork?
    private var dropout: Dropout

    /// An unfitted model.
    /// - Throws: `ModelError` for a size below 1, a dropout outside [0, 1), or a
    ///   non-positive learning rate, batch size or epoch count.
    public init(_ configuration: Configuration = Configuration()) throws {
        let c = configuration
        try checkAutoencoder("MultDAE", hidden: c.hidden, code: c.code, dropout: c.dropout,
                             learningRate: c.learningRate, batchSize: c.batchSize, epochs: c.epochs, l2: c.l2)
        self.configuration = c
        dropout = try Dropout(rate: c.dropout, seed: c.seed &+ 1)
    }

    var network: Module { net! }

    private func makeNetwork(items: Int) throws -> AutoencoderNetwork {
        let c = configuration
        return try AutoencoderNetwork(encoderSizes: [items] + c.hidden + [c.code],
                                      decoderSizes: [c.code] + c.hidden.reversed() + [items], seed: c.seed)
    }

    @discardableResult
    public func fit(_ train: SparseMatrix, validation: RankingTask? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let c = configuration
        guard train.columnCount > 0 else { throw ModelError("MultDAE.fit", "the training matrix has no items") }
        let network = try makeNetwork(items: train.columnCount)
        net = network
        itemCount = train.columnCount
        trainingMatrix = train
        dropout = try Dropout(rate: c.dropout, seed: c.seed &+ 1)
        let adam = try Adam(network.parameters, learningRate: c.learningRate)
        return try TrainingLoop.run(self, train: train, validation: validation, options: options,
                                    epochs: c.epochs, batchSize: c.batchSize, optimizer: adam, seed: c.seed)
    }

    func batchLoss(_ batch: SparseMatrix, update: Int) throws -> (loss: Tensor, parts: [String: Double]) {
        guard let net else { throw ModelError("MultDAE.fit", "no network") }
        let code = try net.encode(dropout(batch.rowNormalizedL2()), activateLast: true)
        let nll = try Loss.multinomialNLL(logits: try net.decode(code), targets: batch)
        var loss = nll
        if configuration.l2 > 0 { loss = try loss + Loss.l2(net.weights) * configuration.l2 }
        return (loss, ["loss": Double(try loss.item()), "nll": Double(try nll.item())])
    }

    /// The decoder's logits for the code of each normalised history row (no dropout).
    public func scores(history: SparseMatrix) throws -> Tensor {
        guard let net else { throw ModelError("MultDAE.scores", "the model is not fitted: call fit or load first") }
        return try chunkedScores(history) { rows in
            try net.decode(try net.encode(rows.rowNormalizedL2(), activateLast: true))
        }
    }

    public func state() throws -> [String: Tensor] {
        guard let net else { throw ModelError("MultDAE.save", "the model is not fitted") }
        return net.state
    }

    public func restore(_ state: [String: Tensor]) throws {
        let network = try AutoencoderNetwork.restored(state, model: name, make: makeNetwork)
        net = network
        itemCount = network.encoder[0].weight.shape[0]
    }
}
