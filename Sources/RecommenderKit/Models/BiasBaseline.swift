// Damped bias baseline: LensKit's `Bias` / `BiasScorer` (Michael D. Ekstrand, "The LensKit
// Python Library for Reproducible Recommender Systems Research", CIKM 2020); the damping is
// Funk's "Netflix Update: Try This at Home" (2006) Bayesian shrinkage of the means.
import Foundation
import TensorKit

/// Predicts `μ + b_i + b_u`: the global mean plus damped item and user offsets, with
/// `b_i = Σ (r_ui − μ) / (n_i + itemDamping)` and
/// `b_u = Σ (r_ui − μ − b_i) / (n_u + userDamping)`, clamped to the training scale.
/// A user or item without training ratings contributes offset 0. The baseline every
/// rating model must beat, and what the others fall back to.
///
/// ```swift
/// let bias = try BiasBaseline()
/// try bias.fit(folds[0].train)
/// try bias.evaluate(folds[0].test).rmse     // about 0.94 on ML-100K
/// ```
public final class BiasBaseline: RatingModel {
    /// Hyperparameters; the defaults are the damping of LensKit's biased MF and its
    /// evaluation examples (5 for both).
    public struct Configuration: Sendable, Equatable {
        /// Pseudo-ratings at the global mean added to every user (0 = plain means).
        public var userDamping: Float
        /// Pseudo-ratings at the global mean added to every item.
        public var itemDamping: Float

        /// A configuration; both dampings default to 5.
        public init(userDamping: Float = 5, itemDamping: Float = 5) {
            self.userDamping = userDamping
            self.itemDamping = itemDamping
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "Bias"
    var terms: BiasTerms?

    /// An unfitted model.
    /// - Throws: `ModelError` if a damping is negative or not finite.
    public init(_ configuration: Configuration = Configuration()) throws {
        try checkDamping("BiasBaseline", configuration.userDamping, configuration.itemDamping)
        self.configuration = configuration
    }

    public var ratingScale: ClosedRange<Float>? { terms?.scale }
    /// μ, the global mean (nil before `fit`).
    public var globalMean: Float? { terms?.mean }
    /// b_u per user (empty before `fit`).
    public var userOffsets: [Float] { terms?.user ?? [] }
    /// b_i per item (empty before `fit`).
    public var itemOffsets: [Float] { terms?.item ?? [] }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let start = Date()
        let table = try RatingTable(ratings, model: name)
        terms = BiasTerms(table, userDamping: configuration.userDamping, itemDamping: configuration.itemDamping)
        return try closedFormRatingHistory(validation, options, start)
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let terms else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        return zip(users, items).map { terms.scale.clamp(terms.baseline($0, $1)) }
    }

    public func state() throws -> [String: Tensor] {
        guard let terms else { throw ModelError("\(name).save", "the model is not fitted") }
        return terms.state(prefix: "bias.")
    }

    public func restore(_ state: [String: Tensor]) throws {
        terms = try BiasTerms(state: state, prefix: "bias.", model: name)
    }
}

/// Checks that dampings are >= 0 and finite, naming the model.
func checkDamping(_ model: String, _ dampings: Float...) throws {
    for d in dampings where !(d >= 0 && d.isFinite) {
        throw ModelError(model, "damping must be >= 0 and finite, got \(d)")
    }
}
