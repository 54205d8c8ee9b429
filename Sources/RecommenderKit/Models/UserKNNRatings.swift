// User-based kNN for ratings: Jonathan L. Herlocker, Joseph A. Konstan, Al Borchers and John
// Riedl, "An Algorithmic Framework for Performing Collaborative Filtering", SIGIR 1999; the
// mean-centred cosine and the aggregation follow LensKit's `UserKNNScorer`.
import Foundation
import TensorKit

/// User-based k-nearest neighbours for rating prediction. Each user's ratings are centred
/// on the user's mean; sim(u, v) is the cosine of the centred user vectors over co-rated
/// items (computed by one sparse product over the items, see `RatingNeighbourhood`, never
/// a loop over user pairs). The prediction for (u, i) takes the `neighbours` users most
/// similar to u among those who rated i (similarity above `minSimilarity`) and returns
/// `mean_u + Σ_v sim(u, v) (r_vi − mean_v) / Σ_v sim(u, v)`, clamped to the training scale.
/// With fewer than `minNeighbours` such users, or an unknown user or item, it falls back to
/// the damped bias model (`BiasBaseline` with `damping`).
///
/// ```swift
/// let knn = try UserKNNRatings()                  // 30 neighbours
/// try knn.fit(train)
/// try knn.evaluate(test).rmse
/// ```
public final class UserKNNRatings: RatingModel {
    /// Hyperparameters (shared with `ItemKNNRatings`).
    public typealias Configuration = NeighbourhoodConfiguration
    public let name = "UserKNNRatings"
    private var core: NeighbourhoodRatings

    /// The hyperparameters.
    public var configuration: Configuration { core.configuration }

    /// An unfitted model; 30 neighbours by default (the LensKit run).
    /// - Throws: `ModelError` for fewer than 1 neighbour, a minimum neighbour count outside
    ///   0...neighbours, a non-finite minimum similarity or a bad damping.
    public init(_ configuration: Configuration = Configuration(neighbours: 30)) throws {
        core = try NeighbourhoodRatings(model: "UserKNNRatings", configuration: configuration, entitiesAreUsers: true)
    }

    public var ratingScale: ClosedRange<Float>? { core.scale }

    /// sim(u, v) of two users (0 for an unknown user or before `fit`).
    public func similarity(_ u: Int, _ v: Int) -> Float { core.similarity(u, v) }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let start = Date()
        try core.fit(try RatingTable(ratings, model: name))
        return try closedFormRatingHistory(validation, options, start)
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] { try core.predict(users: users, items: items) }

    /// The training ratings (the similarities are recomputed from them on `load`).
    public func state() throws -> [String: Tensor] { try core.state() }

    public func restore(_ state: [String: Tensor]) throws { try core.restore(state) }
}
