// The course hybrid recommender: F. M. Laudizi, "Numerical Analysis for ML" project
// report, Politecnico di Milano 2024-25 (seed report 000); a weighted hybrid in Robin
// Burke's terms ("Hybrid Recommender Systems: Survey and Experiments", UMUAI 12, 2002).
import Foundation
import TensorKit

/// A weighted hybrid of two rating models: `alpha · collaborative + (1 − alpha) · knowledge`
/// (the report: user-based CF and the knowledge-based model, alpha 0.6), clamped to the
/// training scale. `alphaSweep` measures every metric of the course evaluation for a list
/// of alphas from one fit (the report's sensitivity figure).
///
/// ```swift
/// let cf = try UserKNNRatings(.init(neighbours: 30, centring: .raw))
/// let kb = try KnowledgeBasedRatings(features: try ItemFeatures.genres(data))
/// let hybrid = try HybridRatings(collaborative: cf, knowledge: kb)
/// try hybrid.fit(split.train)
/// let curve = try hybrid.alphaSweep(train: split.train, test: split.test)
/// ```
public final class HybridRatings: RatingModel {
    public let name = "Hybrid"
    /// The collaborative part (weight `alpha`).
    public let collaborative: RatingModel
    /// The knowledge-based part (weight 1 − `alpha`).
    public let knowledge: RatingModel
    /// The collaborative weight, in [0, 1].
    public private(set) var alpha: Float

    /// A hybrid of two (unfitted or fitted) models.
    /// - Throws: `ModelError` when `alpha` is outside [0, 1] or both parts are one object.
    public init(collaborative: RatingModel, knowledge: RatingModel, alpha: Float = 0.6) throws {
        guard collaborative !== knowledge else { throw ModelError("HybridRatings", "the two parts must be different model objects") }
        try HybridRatings.check(alpha)
        self.collaborative = collaborative; self.knowledge = knowledge; self.alpha = alpha
    }

    private static func check(_ alpha: Float) throws {
        guard alpha >= 0, alpha <= 1 else { throw ModelError("HybridRatings", "alpha must be in [0, 1], got \(alpha)") }
    }

    /// Changes the collaborative weight (no refit needed).
    /// - Throws: `ModelError` when `alpha` is outside [0, 1].
    public func setAlpha(_ alpha: Float) throws {
        try HybridRatings.check(alpha)
        self.alpha = alpha
    }

    public var ratingScale: ClosedRange<Float>? {
        guard let a = collaborative.ratingScale, let b = knowledge.ratingScale else { return nil }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }

    /// Fits both parts on `ratings` (each without validation); with `validation`, the
    /// hybrid's RMSE and MAE there are recorded.
    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let start = Date()
        let inner = FitOptions(patience: options.patience, cancellation: options.cancellation)
        _ = try collaborative.fit(ratings, validation: nil, options: inner)
        _ = try knowledge.fit(ratings, validation: nil, options: inner)
        return try closedFormRatingHistory(validation, options, start)
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        return try blend(try collaborative.predict(users: users, items: items), try knowledge.predict(users: users, items: items), alpha)
    }

    private func blend(_ cf: [Float], _ kb: [Float], _ a: Float) throws -> [Float] {
        guard let s = ratingScale else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        return zip(cf, kb).map { s.clamp(a * $0 + (1 - a) * $1) }
    }

    /// The course evaluation (`evaluateCourse`) of the fitted hybrid at every alpha of
    /// `alphas`, in order, computed from one set of predictions of each part.
    /// - Throws: as `evaluateCourse`, or when an alpha is outside [0, 1].
    public func alphaSweep(train: Interactions, test: Interactions,
                           alphas: [Float] = stride(from: 0, through: 1, by: 0.1).map { Float($0) },
                           k: Int = 10, relevantAtLeast: Float = 4) throws -> [(alpha: Float, result: CourseEvaluation)] {
        for a in alphas { try HybridRatings.check(a) }
        guard k >= 1 else { throw ModelError("\(name).alphaSweep", "k must be >= 1, got \(k)") }
        guard !test.isEmpty else { throw ModelError("\(name).alphaSweep", "the test set has no ratings") }
        let task = try CourseRankingTask(train: train, test: test, relevantAtLeast: relevantAtLeast)
        let pairs = task.allPairs
        let cfTest = try collaborative.predict(test), kbTest = try knowledge.predict(test)
        let cfAll = try collaborative.predict(users: pairs.users, items: pairs.items)
        let kbAll = try knowledge.predict(users: pairs.users, items: pairs.items)
        return try alphas.map { a in
            (a, try task.evaluate(ratings: try blend(cfTest, kbTest, a), targets: test.ratings,
                                  scores: try blend(cfAll, kbAll, a), k: k))
        }
    }

    /// Both parts' states, under `collaborative.` and `knowledge.`, and alpha.
    public func state() throws -> [String: Tensor] {
        var s: [String: Tensor] = ["alpha": Tensor([alpha])]
        for (k, v) in try collaborative.state() { s["collaborative." + k] = v }
        for (k, v) in try knowledge.state() { s["knowledge." + k] = v }
        return s
    }

    public func restore(_ state: [String: Tensor]) throws {
        guard let a = state["alpha"]?.scalars, a.count == 1, a[0] >= 0, a[0] <= 1 else {
            throw ModelError("\(name).load", "the state has no 'alpha' in [0, 1]")
        }
        func part(_ prefix: String) -> [String: Tensor] {
            Dictionary(uniqueKeysWithValues: state.compactMap { k, v in k.hasPrefix(prefix) ? (String(k.dropFirst(prefix.count)), v) : nil })
        }
        try collaborative.restore(part("collaborative."))
        try knowledge.restore(part("knowledge."))
        alpha = a[0]
    }
}
