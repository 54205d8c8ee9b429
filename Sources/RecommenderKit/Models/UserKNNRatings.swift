// User-based kNN for ratings: Jonathan L. Herlocker, Joseph A. Konstan, Al Borchers and John
// Riedl, "An Algorithmic Framework for Performing Collaborative Filtering", SIGIR 1999; the
// mean-centred cosine and the aggregation follow LensKit's `UserKNNScorer`.
import Foundation
import TensorKit

/// User-based k-nearest neighbours for rating prediction. Each user's ratings are centred
/// on the user's mean; sim(u, v) is the cosine of the centred user vectors over co-rated
/// items (computed by one sparse product, see `RatingNeighbourhood`). The prediction for
/// (u, i) takes the `neighbours` users most similar to u among those who rated i
/// (similarity above `minSimilarity`) and returns
/// `mean_u + Σ_v sim(u, v) (r_vi − mean_v) / Σ_v sim(u, v)`, clamped to the training scale.
/// With fewer than `minNeighbours` such users, or an unknown user or item, it falls back to
/// the damped bias model (`BiasBaseline` with `damping`).
///
/// ```swift
/// let knn = try UserKNNRatings(UserKNNRatings.Configuration(neighbours: 30))
/// try knn.fit(train)
/// try knn.evaluate(test).rmse
/// ```
public final class UserKNNRatings: RatingModel {
    /// Hyperparameters; the defaults are LensKit's (similarities above 10⁻⁶, at least one
    /// neighbour, bias damping 5 for the fallback) with the 30 neighbours.
    public struct Configuration: Sendable, Equatable {
        /// How many of the most similar users who rated the item a prediction averages over.
        public var neighbours: Int
        /// Only neighbours with a similarity above this count (positive similarities only by default).
        public var minSimilarity: Float
        /// Fewer qualifying neighbours than this falls back to the bias model.
        public var minNeighbours: Int
        /// The damping of the fallback bias model.
        public var damping: Float

        /// A configuration; 30 neighbours and LensKit's other defaults.
        public init(neighbours: Int = 30, minSimilarity: Float = 1e-6, minNeighbours: Int = 1, damping: Float = 5) {
            self.neighbours = neighbours; self.minSimilarity = minSimilarity
            self.minNeighbours = minNeighbours; self.damping = damping
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "UserKNNRatings"
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

    /// sim(u, v) of two users (0 for an unknown user or before `fit`).
    public func similarity(_ u: Int, _ v: Int) -> Float { fitted?.neighbourhood.similarity(u, v) ?? 0 }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let start = Date()
        try build(try RatingTable(ratings, model: name))
        return try closedFormRatingHistory(validation, options, start)
    }

    private func build(_ table: RatingTable) throws {
        fitted = (table, BiasTerms(table, userDamping: configuration.damping, itemDamping: configuration.damping),
                  try RatingNeighbourhood(table.byItem))
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let (_, terms, hood) = fitted else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        let c = configuration
        return zip(users, items).map { u, i in
            terms.scale.clamp(hood.predict(entity: u, context: i, k: c.neighbours, minSimilarity: c.minSimilarity,
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
