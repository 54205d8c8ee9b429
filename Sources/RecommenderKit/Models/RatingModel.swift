import Foundation
import TensorKit

/// A rating-prediction model over explicit feedback: it is fitted on (user, item, rating)
/// rows and predicts the rating of any (user, item) pair, the shape of LensKit's rating
/// scorers and Surprise's `AlgoBase`.
///
/// Users and items are the dense indices of the `Interactions` vocabularies (every part of
/// a split shares them). Predictions are clamped to the rating scale seen in training
/// (for ML-100K, 1...5). A user or item without training ratings, or an index outside the
/// fitted vocabulary, falls back to the bias terms every rating model keeps (global mean +
/// the user and item offsets that are known: the damped bias model, or the biases SGD
/// learned), so a prediction is never NaN.
///
/// ```swift
/// let folds = try data.ratings.kFold(5, seed: 1)
/// let mf = try BiasedMF(BiasedMF.Configuration(solver: .als))
/// try mf.fit(folds[0].train)
/// let accuracy = try mf.evaluate(folds[0].test)     // RMSE and MAE
/// let r = try mf.predict(user: 0, item: 50)
/// ```
public protocol RatingModel: AnyObject {
    /// The model's short name (`"BiasedMF"`), used in tables and saved files.
    var name: String { get }
    /// The rating scale seen in training (nil before `fit` or `load`).
    var ratingScale: ClosedRange<Float>? { get }
    /// Fits the model to the rating rows of `ratings` (a repeated (user, item) pair keeps
    /// its last rating). Iterative models measure RMSE and MAE on `validation` after every
    /// epoch and keep the epoch with the lowest RMSE; `options.patience` stops early.
    /// - Throws: `ModelError` for empty or non-finite ratings or training that diverged.
    func fit(_ ratings: Interactions, validation: Interactions?, options: FitOptions) throws -> TrainingHistory
    /// Predicted ratings of the pairs (users[k], items[k]), clamped to the training scale.
    /// - Throws: if the model is not fitted or the arrays differ in length.
    func predict(users: [Int], items: [Int]) throws -> [Float]
    /// The fitted state as named tensors (what `save(to:)` writes).
    func state() throws -> [String: Tensor]
    /// Restores a state written by `state()`.
    /// - Throws: if a tensor is missing or has the wrong shape.
    func restore(_ state: [String: Tensor]) throws
}

extension RatingModel {
    /// Fits without validation and with default options.
    @discardableResult
    public func fit(_ ratings: Interactions) throws -> TrainingHistory {
        try fit(ratings, validation: nil, options: FitOptions())
    }

    /// The predicted rating of one pair.
    /// - Throws: if the model is not fitted.
    public func predict(user: Int, item: Int) throws -> Float {
        try predict(users: [user], items: [item])[0]
    }

    /// Predicted ratings of every row of `pairs` (their ratings are ignored), in row order.
    /// - Throws: if the model is not fitted.
    public func predict(_ pairs: Interactions) throws -> [Float] {
        try predict(users: pairs.users.map(Int.init), items: pairs.items.map(Int.init))
    }

    /// RMSE and MAE of the predictions for the rows of `test` against their ratings.
    /// - Throws: if the model is not fitted or `test` is empty.
    public func evaluate(_ test: Interactions) throws -> RatingAccuracy {
        guard !test.isEmpty else { throw ModelError("\(name).evaluate", "the test set has no ratings") }
        return try RatingAccuracy(predictions: try predict(test), targets: test.ratings)
    }

    /// Writes the fitted state to a safetensors file, with the model's name in its metadata.
    /// - Throws: if the model is not fitted or the file cannot be written.
    public func save(to url: URL) throws {
        try Safetensors.save(try state(), to: url, metadata: ["model": name, "task": "rating"])
    }

    /// Loads a state saved by `save(to:)` from a model of the same kind and configuration
    /// (the file holds the fitted state, not the hyperparameters).
    /// - Throws: if the file is unreadable, was written by another kind of model, or a
    ///   tensor is missing or has another shape.
    public func load(from url: URL) throws {
        let meta = try Safetensors.metadata(from: url)
        guard meta["model"] == name else {
            throw ModelError("\(name).load", "\(url.lastPathComponent) holds a \(meta["model"].map { "'\($0)'" } ?? "file without a model name"), expected '\(name)'")
        }
        try restore(try Safetensors.load(from: url))
    }

    /// Checks that `users` and `items` pair up, naming the model.
    func checkPairs(_ users: [Int], _ items: [Int]) throws {
        guard users.count == items.count else {
            throw ModelError("\(name).predict", "expected as many users as items, got \(users.count) and \(items.count)")
        }
    }
}
