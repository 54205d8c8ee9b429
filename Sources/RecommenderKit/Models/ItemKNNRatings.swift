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
/// let knn = try ItemKNNRatings()                  // 20 neighbours, LensKit's default
/// try knn.fit(train)
/// try knn.evaluate(test).rmse
/// ```
public final class ItemKNNRatings: RatingModel {
    /// Hyperparameters (shared with `UserKNNRatings`).
    public typealias Configuration = NeighbourhoodConfiguration
    public let name = "ItemKNNRatings"
    private var core: NeighbourhoodRatings

    /// The hyperparameters.
    public var configuration: Configuration { core.configuration }

    /// An unfitted model; the default keeps LensKit's 20 neighbours.
    /// - Throws: `ModelError` for fewer than 1 neighbour, a minimum neighbour count outside
    ///   0...neighbours, a non-finite minimum similarity or a bad damping.
    public init(_ configuration: Configuration = Configuration(neighbours: 20)) throws {
        core = try NeighbourhoodRatings(model: "ItemKNNRatings", configuration: configuration, entitiesAreUsers: false)
    }

    public var ratingScale: ClosedRange<Float>? { core.scale }

    /// sim(i, j) of two items (0 for an unknown item or before `fit`).
    public func similarity(_ i: Int, _ j: Int) -> Float { core.similarity(i, j) }

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
