// Popularity: the most-popular baseline (RecBole's `Pop`).
import Foundation
import TensorKit

/// Recommends the items with the most training interactions to everyone (each user's
/// seen items are still excluded when ranking). The baseline every model must beat.
public final class Popularity: Recommender {
    public let name = "Pop"
    public private(set) var itemCount = 0
    public private(set) var trainingMatrix: SparseMatrix?
    /// The number of training users of each item (nil before `fit`).
    public private(set) var counts: Tensor?

    /// An unfitted model.
    public init() {}

    @discardableResult
    public func fit(_ train: SparseMatrix, validation: RankingTask? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        guard train.columnCount > 0 else { throw ModelError("Pop.fit", "the training matrix has no items") }
        let start = Date()
        var c = [Float](repeating: 0, count: train.columnCount)
        for j in train.columnIndices { c[Int(j)] += 1 }
        counts = Tensor(c)
        itemCount = train.columnCount
        trainingMatrix = train
        return try closedFormHistory(validation, options, start)
    }

    /// The item counts, the same for every row.
    public func scores(history: SparseMatrix) throws -> Tensor {
        guard let counts else { throw ModelError("Pop.scores", "the model is not fitted: call fit or load first") }
        try checkHistory(history)
        var out = try Tensor.zeros([history.rowCount, itemCount])
        let n = itemCount
        out.withUnsafeMutableBufferPointer { o in
            counts.withUnsafeBufferPointer { c in
                for r in 0..<history.rowCount { (o.baseAddress! + r * n).update(from: c.baseAddress!, count: n) }
            }
        }
        return out
    }

    public func state() throws -> [String: Tensor] {
        guard let counts else { throw ModelError("Pop.save", "the model is not fitted") }
        return ["counts": counts]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let c = try stateTensor(state, "counts")
        guard c.rank == 1, c.count > 0 else { throw ModelError("Pop.load", "'counts' has shape \(c.shape), expected [items]") }
        counts = c
        itemCount = c.count
    }
}
