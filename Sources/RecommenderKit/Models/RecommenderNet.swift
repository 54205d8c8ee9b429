// RecommenderNet: the demographic and metadata rating network of the course report
// "Final report" (shared/seeds/004): embeddings of zip code, release year and occupation,
// linear age and gender, genre features, 128-64-1 with batch norm, ReLU, dropout 0.2 and
// a sigmoid output, trained with MSE. The id embeddings are the usual neural CF addition
// (Xiangnan He et al., "Neural Collaborative Filtering", WWW 2017).
import Foundation
import TensorKit

/// A rating model that sees who the user is (age, gender, occupation, zip code) and what
/// the movie is (release year, genres), and optionally the user and item ids:
/// `r̂ = lo + (hi − lo) · σ(MLP([e_zip, e_year, e_occupation, W_age·age, W_gender·gender,
/// (e_user, e_item,) genres]))` with `lo...hi` the training rating scale. The MLP is
/// `hidden` blocks of Linear, batch norm and ReLU, with dropout after all but the last.
/// Trained by Adam on the mean squared error of the scaled output in mini-batches.
///
/// Without ids, two users with the same demographics get the same predictions, so the
/// model stays above the damped bias baseline (0.97-0.99 test RMSE on ML-100K, where the
/// bias model has 0.94); the ids let it personalise (0.92, biased MF's level, with weight
/// decay 1; `recommenderkit-eval recnet`). Users and items need features, but not training ratings: a user
/// without ratings is predicted from their demographics (their id embedding, when ids are
/// used, is set to the mean of the trained ones). An index outside the features predicts
/// the training mean.
///
/// ```swift
/// let data = try MovieLens.load("ml-100k")
/// let split = try data.ratings.randomSplit(testRatio: 0.2, seed: 1)
/// let net = try RecommenderNet(features: try RecommenderNetFeatures(data, for: data.ratings),
///                              configuration: RecommenderNet.Configuration(useIDs: true))
/// try net.fit(split.train, validation: split.test, options: FitOptions(patience: 3))
/// try net.recommend(user: 566, count: 5)
/// ```
public final class RecommenderNet: RatingModel {
    /// Hyperparameters; the defaults are the report's architecture.
    public struct Configuration: Sendable, Equatable {
        /// The size of every embedding and of the age and gender projections.
        public var embeddingSize: Int
        /// The sizes of the hidden blocks (Linear, batch norm, ReLU).
        public var hidden: [Int]
        /// Dropout after every hidden block but the last.
        public var dropout: Float
        /// Whether user and item id embeddings are added to the features.
        public var useIDs: Bool
        /// Adam's learning rate.
        public var learningRate: Float
        /// Decoupled weight decay (AdamW: every parameter shrinks by `lr · weightDecay` per step).
        public var weightDecay: Float
        /// Ratings per mini-batch.
        public var batchSize: Int
        /// Training epochs (the best on validation RMSE is kept).
        public var epochs: Int
        /// Seeds the weights, the batch order and dropout.
        public var seed: UInt64

        /// A configuration; by default the report's network (embeddings of 32, 128-64,
        /// dropout 0.2) without ids, Adam 1e-3, batches of 256, 20 epochs.
        public init(embeddingSize: Int = 32, hidden: [Int] = [128, 64], dropout: Float = 0.2, useIDs: Bool = false,
                    learningRate: Float = 1e-3, weightDecay: Float = 0, batchSize: Int = 256, epochs: Int = 20,
                    seed: UInt64 = 42) {
            self.embeddingSize = embeddingSize; self.hidden = hidden; self.dropout = dropout; self.useIDs = useIDs
            self.learningRate = learningRate; self.weightDecay = weightDecay; self.batchSize = batchSize
            self.epochs = epochs; self.seed = seed
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    /// The user and item features the network reads.
    public let features: RecommenderNetFeatures
    public var name: String { configuration.useIDs ? "RecommenderNet-ids" : "RecommenderNet" }
    public internal(set) var ratingScale: ClosedRange<Float>?
    /// The training mean (the prediction for indices outside the features).
    public internal(set) var globalMean: Float?
    var network: RecommenderNetNetwork?

    /// An unfitted model over `features`.
    /// - Throws: `ModelError` for a non-positive size, batch size below 2 (batch norm
    ///   needs two rows), epoch count or learning rate, a dropout outside [0, 1), or a
    ///   negative weight decay.
    public init(features: RecommenderNetFeatures, configuration: Configuration = Configuration()) throws {
        let c = configuration
        guard c.embeddingSize > 0, !c.hidden.isEmpty, c.hidden.allSatisfy({ $0 > 0 }) else {
            throw ModelError("RecommenderNet", "embeddingSize and hidden sizes must be positive (and hidden non-empty), got \(c.embeddingSize) and \(c.hidden)")
        }
        guard c.batchSize >= 2, c.epochs >= 1 else {
            throw ModelError("RecommenderNet", "batchSize must be >= 2 (batch norm) and epochs >= 1, got \(c.batchSize) and \(c.epochs)")
        }
        guard c.dropout >= 0, c.dropout < 1 else { throw ModelError("RecommenderNet", "dropout must be in [0, 1), got \(c.dropout)") }
        guard c.learningRate > 0, c.learningRate.isFinite, c.weightDecay >= 0, c.weightDecay.isFinite else {
            throw ModelError("RecommenderNet", "learningRate must be positive and weightDecay >= 0, got \(c.learningRate) and \(c.weightDecay)")
        }
        self.configuration = c
        self.features = features
    }

    func makeNetwork() throws -> RecommenderNetNetwork {
        let c = configuration
        return try RecommenderNetNetwork(features: features, ids: c.useIDs ? (features.userCount, features.itemCount) : nil,
                                         embedding: c.embeddingSize, hidden: c.hidden, dropout: c.dropout, seed: c.seed)
    }

    /// The logits of pairs inside the features, in evaluation mode, without gradients.
    func predictInside(_ users: [Int], _ items: [Int], network net: RecommenderNetNetwork,
                       scale: ClosedRange<Float>) throws -> [Float] {
        let wasTraining = net.isTraining
        net.eval()
        defer { net.train(wasTraining) }
        var out = [Float]()
        out.reserveCapacity(users.count)
        for start in stride(from: 0, to: users.count, by: 4096) {
            let end = min(users.count, start + 4096)
            let logits = try withNoGrad { try net(users: Array(users[start..<end]), items: Array(items[start..<end]), features: features) }
            let span = scale.upperBound - scale.lowerBound
            out += logits.scalars.map { scale.lowerBound + span / (1 + Foundation.exp(-$0)) }
        }
        return out
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let network, let scale = ratingScale, let mean = globalMean else {
            throw ModelError("\(name).predict", "the model is not fitted: call fit or load first")
        }
        let inside = (0..<users.count).filter {
            users[$0] >= 0 && users[$0] < features.userCount && items[$0] >= 0 && items[$0] < features.itemCount
        }
        var result = [Float](repeating: mean, count: users.count)
        let p = try predictInside(inside.map { users[$0] }, inside.map { items[$0] }, network: network, scale: scale)
        for (k, r) in zip(inside, p) { result[k] = r }
        return result
    }

    /// The `count` items with the highest predicted rating for `user`, best first, leaving
    /// out the items in `excluding` (for example what the user has already rated).
    /// - Throws: if the model is not fitted or `user` is outside the features.
    public func recommend(user: Int, count: Int = 10, excluding: Set<Int> = []) throws -> [ScoredItem] {
        guard user >= 0, user < features.userCount else {
            throw ModelError("\(name).recommend", "user \(user) is outside 0..<\(features.userCount)")
        }
        let candidates = (0..<features.itemCount).filter { !excluding.contains($0) }
        let p = try predict(users: [Int](repeating: user, count: candidates.count), items: candidates)
        return zip(candidates, p).map { ScoredItem(item: $0, score: $1) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }
            .prefix(max(0, count)).map { $0 }
    }

    public func state() throws -> [String: Tensor] {
        guard let network, let scale = ratingScale, let mean = globalMean else {
            throw ModelError("\(name).save", "the model is not fitted")
        }
        var s = Dictionary(uniqueKeysWithValues: network.namedState.map { ($0.name, $0.parameter.value) })
        s["scale"] = Tensor([scale.lowerBound, scale.upperBound])
        s["mean"] = Tensor([mean])
        return s
    }

    public func restore(_ state: [String: Tensor]) throws {
        guard let s = state["scale"]?.scalars, s.count == 2, s[0] < s[1], s.allSatisfy(\.isFinite),
              let m = state["mean"]?.scalars, m.count == 1, m[0].isFinite else {
            throw ModelError("\(name).load", "the state has no valid 'scale' (2 increasing values) and 'mean'")
        }
        let net = try makeNetwork()
        for (key, p) in net.namedState {
            guard let t = state[key] else { throw ModelError("\(name).load", "the state has no tensor '\(key)' (another configuration?)") }
            guard t.shape == p.shape else {
                throw ModelError("\(name).load", "'\(key)' has shape \(t.shape), expected \(p.shape) (other features or configuration?)")
            }
        }
        for (key, p) in net.namedState { p.value = state[key]! }
        net.eval()
        network = net; ratingScale = s[0]...s[1]; globalMean = m[0]
    }
}
