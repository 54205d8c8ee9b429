// User-based CF in the course report's reading: F. M. Laudizi, "Numerical Analysis for ML"
// project report, Politecnico di Milano 2024-25 (seed report 000, `model_comparisons.py`:
// "predicts movie ratings by averaging the ratings of the top-k most similar users"); the
// user-user cosine of zero-filled rating vectors as in Badrul Sarwar et al., "Analysis of
// Recommendation Algorithms for E-Commerce", EC 2000.
import Foundation
import TensorKit

/// User-based collaborative filtering over a fixed neighbourhood: the `neighbours` users
/// most similar to u (cosine of the zero-filled rating vectors, one sparse product) form
/// u's neighbourhood for every item, and the prediction for (u, i) is their
/// similarity-weighted mean rating of i with an unrated item counting as 0:
/// `Σ_{v ∈ N(u)} s_uv r_vi / Σ_{v ∈ N(u)} s_uv`, clamped to the training scale.
///
/// This is how the report's "averaging the ratings of the top-k most similar users" reads
/// on a zero-filled user-movie matrix (the usual course implementation). The zeros make the
/// score a mix of "do my neighbours rate it" and "how highly", which ranks well (top-10
/// lists) but predicts ratings far below the truth (RMSE). `UserKNNRatings` is the rating
/// predictor (neighbours chosen among the users who rated the item); both are in the course
/// table. A user without training ratings, or without a positive similarity to anyone,
/// falls back to the damped bias model.
///
/// ```swift
/// let cf = try UserNeighbourhoodCF(neighbours: 30)
/// try cf.fit(train)
/// ```
public final class UserNeighbourhoodCF: RatingModel {
    public let name = "UserNeighbourhoodCF"
    /// How many of the most similar users form a neighbourhood.
    public let neighbours: Int
    private var fitted: (ratings: [Float], items: Int, hood: [[(user: Int, similarity: Float)]], terms: BiasTerms, table: RatingTable)?

    /// An unfitted model.
    /// - Throws: `ModelError` when `neighbours` is below 1.
    public init(neighbours: Int = 30) throws {
        guard neighbours >= 1 else { throw ModelError("UserNeighbourhoodCF", "neighbours must be >= 1, got \(neighbours)") }
        self.neighbours = neighbours
    }

    public var ratingScale: ClosedRange<Float>? { fitted?.terms.scale }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let start = Date()
        try fit(table: try RatingTable(ratings, model: name))
        return try closedFormRatingHistory(validation, options, start)
    }

    private func fit(table: RatingTable) throws {
        let similarity = try RatingNeighbourhood(table.byItem) { _, _ in 0 }
        let nU = table.userCount, nI = table.itemCount
        let hood: [[(user: Int, similarity: Float)]] = (0..<nU).map { u in
            var candidates = (0..<nU).compactMap { v -> (user: Int, similarity: Float)? in
                let s = similarity.similarity(u, v)
                return v != u && s > 1e-6 ? (v, s) : nil
            }
            candidates.sort { $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.user < $1.user) }
            return Array(candidates.prefix(neighbours))
        }
        var dense = [Float](repeating: 0, count: nU * nI)
        let m = table.byUser
        for u in 0..<nU { for e in m.rowOffsets[u]..<m.rowOffsets[u + 1] { dense[u * nI + Int(m.columnIndices[e])] = m.values[e] } }
        fitted = (dense, nI, hood, BiasTerms(table, userDamping: 5, itemDamping: 5), table)
    }

    /// The neighbourhood of user `u`, most similar first (empty before `fit` or out of range).
    public func neighbourhood(of u: Int) -> [(user: Int, similarity: Float)] {
        guard let fitted, u >= 0, u < fitted.hood.count else { return [] }
        return fitted.hood[u]
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let f = fitted else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        let s = f.terms.scale
        return zip(users, items).map { u, i in
            guard u >= 0, u < f.hood.count, i >= 0, i < f.items, !f.hood[u].isEmpty else { return s.clamp(f.terms.baseline(u, i)) }
            var weighted: Float = 0, total: Float = 0
            for (v, sim) in f.hood[u] { weighted += sim * f.ratings[v * f.items + i]; total += sim }
            return s.clamp(weighted / total)
        }
    }

    /// The training ratings (the neighbourhoods are recomputed from them on `load`).
    public func state() throws -> [String: Tensor] {
        guard let fitted else { throw ModelError("\(name).save", "the model is not fitted") }
        return try fitted.table.state(prefix: "ratings.")
    }

    public func restore(_ state: [String: Tensor]) throws {
        try fit(table: try RatingTable(state: state, prefix: "ratings.", model: name))
    }
}
