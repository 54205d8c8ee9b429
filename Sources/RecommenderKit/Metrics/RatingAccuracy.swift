import Foundation

/// How close predicted ratings are to the true ones: RMSE and MAE over the same pairs.
public struct RatingAccuracy: Sendable, Equatable, CustomStringConvertible {
    /// Root mean squared error.
    public var rmse: Double
    /// Mean absolute error.
    public var mae: Double
    /// The number of pairs.
    public var count: Int

    /// Both errors of `predictions` against `targets`.
    /// - Throws: when the arrays differ in length or are empty.
    public init(predictions: [Float], targets: [Float]) throws {
        rmse = try RMSE.value(predictions: predictions, targets: targets)
        mae = try MAE.value(predictions: predictions, targets: targets)
        count = predictions.count
    }

    /// `RMSE 0.9123, MAE 0.7201 (20000 ratings)`.
    public var description: String {
        "RMSE \(String(format: "%.4f", rmse)), MAE \(String(format: "%.4f", mae)) (\(count) ratings)"
    }
}
