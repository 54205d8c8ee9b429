// The course knowledge-based recommender: F. M. Laudizi, "Numerical Analysis for ML"
// project report, Politecnico di Milano 2024-25 (seed report 000, `model_comparisons.py`);
// content-based profiles as in Michael J. Pazzani and Daniel Billsus, "Content-Based
// Recommendation Systems", The Adaptive Web, 2007.
import Foundation
import TensorKit

/// A knowledge-based (content) rating model: a user's profile is the rating-weighted mean
/// of the feature vectors of the items they rated, `profile_u = Σ_i r_ui f_i / Σ_i r_ui`,
/// and the predicted rating of (u, i) maps the cosine of profile and item features onto
/// the training scale: `low + max(cos, 0) · (high − low)`. With the non-negative features
/// of `ItemFeatures` (genres, knowledge-graph facts) the cosine lies in [0, 1]; a negative
/// cosine (other features) clamps to the lowest rating. Where the cosine is undefined (a
/// user without ratings, an item with an all-zero feature row, an index outside the fitted
/// range) the damped bias model (damping 5) answers instead.
///
/// ```swift
/// let kb = try KnowledgeBasedRatings(features: try ItemFeatures.genres(data))
/// try kb.fit(train)
/// try kb.predict(user: 0, item: 10)
/// ```
public final class KnowledgeBasedRatings: RatingModel {
    public let name = "KnowledgeBased"
    /// The item features, [items, f], row i for dense item i.
    public let features: Tensor
    private var profiles: [Float] = []
    private var terms: BiasTerms?

    /// An unfitted model over the given item features.
    /// - Throws: `ModelError` when `features` is not a finite [items, f] matrix.
    public init(features: Tensor) throws {
        _ = try analysisShape(features, "KnowledgeBasedRatings", minRows: 1)
        self.features = features
    }

    public var ratingScale: ClosedRange<Float>? { terms?.scale }

    /// The profile of user `u` (empty before `fit` or for an unknown user).
    public func profile(user u: Int) -> [Float] {
        let f = features.shape[1]
        guard u >= 0, (u + 1) * f <= profiles.count else { return [] }
        return Array(profiles[(u * f)..<((u + 1) * f)])
    }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let start = Date()
        let table = try RatingTable(ratings, model: name)
        guard table.itemCount <= features.shape[0] else {
            throw ModelError("\(name).fit", "the ratings have \(table.itemCount) items but the features only \(features.shape[0]) rows")
        }
        let f = features.shape[1], x = features.scalars, m = table.byUser
        var p = [Float](repeating: 0, count: m.rowCount * f)
        for u in 0..<m.rowCount {
            var weight: Float = 0
            for e in m.rowOffsets[u]..<m.rowOffsets[u + 1] {
                let i = Int(m.columnIndices[e]), r = m.values[e]
                weight += r
                for j in 0..<f { p[u * f + j] += r * x[i * f + j] }
            }
            if weight != 0 { for j in 0..<f { p[u * f + j] /= weight } }
        }
        profiles = p
        terms = BiasTerms(table, userDamping: 5, itemDamping: 5)
        return try closedFormRatingHistory(validation, options, start)
    }

    /// cos(profile_u, f_i), or nil where it is undefined.
    public func cosine(user u: Int, item i: Int) -> Float? {
        let f = features.shape[1]
        guard u >= 0, (u + 1) * f <= profiles.count, i >= 0, i < features.shape[0] else { return nil }
        return features.withUnsafeBufferPointer { x -> Float? in
            var dot: Float = 0, a: Float = 0, b: Float = 0
            for j in 0..<f {
                let pu = profiles[u * f + j], fi = x[i * f + j]
                dot += pu * fi; a += pu * pu; b += fi * fi
            }
            return a > 0 && b > 0 ? dot / (a.squareRoot() * b.squareRoot()) : nil
        }
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let terms else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        let s = terms.scale
        return zip(users, items).map { u, i in
            guard let c = cosine(user: u, item: i) else { return s.clamp(terms.baseline(u, i)) }
            return s.clamp(s.lowerBound + max(c, 0) * (s.upperBound - s.lowerBound))
        }
    }

    /// The profiles and the fallback biases (the features are the model's input, passed
    /// again to `init`).
    public func state() throws -> [String: Tensor] {
        guard let terms else { throw ModelError("\(name).save", "the model is not fitted") }
        var s = terms.state(prefix: "bias.")
        s["profiles"] = try Tensor(shape: [profiles.count / features.shape[1], features.shape[1]], scalars: profiles)
        return s
    }

    public func restore(_ state: [String: Tensor]) throws {
        let t = try BiasTerms(state: state, prefix: "bias.", model: name)
        guard let p = state["profiles"], p.shape == [t.user.count, features.shape[1]] else {
            throw ModelError("\(name).load", "'profiles' should have shape [\(t.user.count), \(features.shape[1])] (other features?)")
        }
        guard p.withUnsafeBufferPointer({ $0.allSatisfy(\.isFinite) }) else {
            throw ModelError("\(name).load", "the saved profiles hold NaN or infinite values")
        }
        terms = t; profiles = p.scalars
    }
}
