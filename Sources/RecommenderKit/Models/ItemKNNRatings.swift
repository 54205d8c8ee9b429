// Item-based kNN for ratings: Badrul Sarwar, George Karypis, Joseph Konstan and John Riedl,
// "Item-Based Collaborative Filtering Recommendation Algorithms", WWW 2001; the defaults and
// the mean-centred cosine follow LensKit's `ItemKNNScorer` for explicit feedback.
import Foundation
import TensorKit

/// Item-based k-nearest neighbours for rating prediction. Each item's ratings are centred
/// on the item's mean; sim(i, j) is the cosine of the centred item vectors (computed by
/// one sparse product, see `RatingNeighbourhood`). The prediction for (u, i) takes the
/// `neighbours` items most similar to i among those u rated (similarity above
/// `minSimilarity`) and returns
/// `mean_i + Σ_j sim(i, j) (r_uj − mean_j) / Σ_j sim(i, j)`, clamped to the training scale.
/// With fewer than `minNeighbours` such items, or an unknown user or item, it falls back to
/// the damped bias model (`BiasBaseline` with `damping`), as a LensKit pipeline with a
/// bias fallback does. Not the top-N `ItemKNN`, which works on implicit feedback.
///
/// ```swift
/// let knn = try ItemKNNRatings(ItemKNNRatings.Configuration(neighbours: 20))
/// try knn.fit(train)
/// try knn.evaluate(test).rmse
/// ```
public final class ItemKNNRatings: RatingModel {
    /// Hyperparameters; the defaults are LensKit's (20 neighbours, similarities above
    /// 10⁻⁶, at least one neighbour) and its bias damping 5 for the fallback.
    public struct Configuration: Sendable, Equatable {
        /// How many of the most similar rated items a prediction averages over.
        public var neighbours: Int
        /// Only neighbours with a similarity above this count (positive similarities only by default).
        public var minSimilarity: Float
        /// Fewer qualifying neighbours than this falls back to the bias model.
        public var minNeighbours: Int
        /// The damping of the fallback bias model.
        public var damping: Float

        /// A configuration; every argument has LensKit's default.
        public init(neighbours: Int = 20, minSimilarity: Float = 1e-6, minNeighbours: Int = 1, damping: Float = 5) {
            self.neighbours = neighbours; self.minSimilarity = minSimilarity
            self.minNeighbours = minNeighbours; self.damping = damping
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "ItemKNNRatings"
    var fitted: (table: RatingTable, terms: BiasTerms, neighbourhood: RatingNeighbourhood)?

    /// An unfitted model.
    /// - Throws: `ModelError` for fewer than 1 neighbour, a negative minimum neighbour
    ///   count, a non-finite minimum similarity or a bad damping.
    public init(_ configuration: Configuration = Configuration()) throws {
        try checkNeighbourhood(name, configuration.neighbours, configuration.minNeighbours, configuration.minSimilarity)
        try checkDamping(name, configuration.damping)
        self.configuration = configuration
    }

    public var ratingScale: ClosedRange<Float>? { fitted?.terms.scale }

    /// sim(i, j) of two items (0 for an unknown item or before `fit`).
    public func similarity(_ i: Int, _ j: Int) -> Float { fitted?.neighbourhood.similarity(i, j) ?? 0 }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let start = Date()
        try build(try RatingTable(ratings, model: name))
        return try closedFormRatingHistory(validation, options, start)
    }

    private func build(_ table: RatingTable) throws {
        fitted = (table, BiasTerms(table, userDamping: configuration.damping, itemDamping: configuration.damping),
                  try RatingNeighbourhood(table.byUser))
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let (_, terms, hood) = fitted else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        let c = configuration
        return zip(users, items).map { u, i in
            terms.scale.clamp(hood.predict(entity: i, context: u, k: c.neighbours, minSimilarity: c.minSimilarity,
                                           minNeighbours: c.minNeighbours) ?? terms.baseline(u, i))
        }
    }

    /// The training ratings (the similarities are recomputed from them on `load`).
    public func state() throws -> [String: Tensor] {
        guard let fitted else { throw ModelError("\(name).save", "the model is not fitted") }
        return try fitted.table.state(prefix: "ratings.")
    }

    public func restore(_ state: [String: Tensor]) throws {
        try build(try RatingTable(state: state, prefix: "ratings.", model: name))
    }
}

/// Checks the kNN hyperparameters, naming the model.
func checkNeighbourhood(_ model: String, _ neighbours: Int, _ minNeighbours: Int, _ minSimilarity: Float) throws {
    guard neighbours >= 1, minNeighbours >= 0, minNeighbours <= neighbours else {
        throw ModelError(model, "expected neighbours >= 1 and 0 <= minNeighbours <= neighbours, got \(neighbours) and \(minNeighbours)")
    }
    guard minSimilarity.isFinite else { throw ModelError(model, "minSimilarity must be finite, got \(minSimilarity)") }
}
