// EASE: Harald Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019.
import Foundation
import TensorKit

/// EASE: a linear item-item model fitted in closed form. With the Gram matrix
/// G = XᵀX + λI and P = G⁻¹, the weights are B = I − P · diag(1 / diag(P)), so
/// B_ij = −P_ij / P_jj off the diagonal and B_jj = 0; a user's scores are x_u · B.
/// The inverse goes through LAPACK's Cholesky routines (`spotrf`, `spotri`).
///
/// λ can be chosen on validation: give `Configuration.l2Candidates`, and `fit` with a
/// validation task tries each (the Gram matrix is built once) and keeps the best on the
/// first validation metric. The history then has one record per candidate, in order,
/// with `losses["l2"]` holding its λ.
///
/// ```swift
/// let ease = try EASE(EASE.Configuration(l2Candidates: [50, 100, 200, 500, 1000]))
/// try ease.fit(train, validation: validationTask)
/// ease.chosenL2        // the λ kept
/// ```
public final class EASE: Recommender {
    /// Hyperparameters.
    public struct Configuration: Sendable, Equatable {
        /// λ, the ridge added to the Gram matrix's diagonal (Steck: 500 on ML-20M and Netflix).
        public var l2: Float
        /// λ values tried on validation when `fit` gets a validation task; empty uses `l2`.
        public var l2Candidates: [Float]

        /// A configuration; `l2` defaults to the paper's 500.
        public init(l2: Float = 500, l2Candidates: [Float] = []) {
            self.l2 = l2
            self.l2Candidates = l2Candidates
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "EASE"
    public private(set) var itemCount = 0
    public private(set) var trainingMatrix: SparseMatrix?
    /// The λ of the fitted weights.
    public private(set) var chosenL2: Float
    /// The item-item weights B [items, items], zero on the diagonal (nil before `fit`).
    public private(set) var weights: Tensor?

    /// An unfitted model.
    /// - Throws: `ModelError` if a λ is negative or not finite.
    public init(_ configuration: Configuration = Configuration()) throws {
        for l in [configuration.l2] + configuration.l2Candidates where !(l >= 0 && l.isFinite) {
            throw ModelError("EASE", "l2 must be >= 0 and finite, got \(l)")
        }
        self.configuration = configuration
        chosenL2 = configuration.l2
    }

    @discardableResult
    public func fit(_ train: SparseMatrix, validation: RankingTask? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        guard train.columnCount > 0 else { throw ModelError("EASE.fit", "the training matrix has no items") }
        let start = Date()
        var gram: Tensor? = try ItemCooccurrence(train).gram()
        itemCount = train.columnCount
        trainingMatrix = train
        let candidates = validation != nil && !configuration.l2Candidates.isEmpty ? configuration.l2Candidates : [configuration.l2]
        weights = nil
        return try EpochLoop.run(
            "EASE.fit", epochs: candidates.count, selection: try rankingSelection(validation, options), options: options,
            snapshot: { (weights, chosenL2) }, restore: { weights = $0.0; chosenL2 = $0.1 }
        ) { k in
            let l2 = candidates[k - 1]
            // The last candidate may consume the Gram matrix (no copy of it is needed again).
            var g = gram!
            if k == candidates.count { gram = nil }
            weights = nil
            try EASE.solve(&g, l2: l2)
            weights = g
            chosenL2 = l2
            options.progress?(TrainingProgress(epoch: k, epochs: candidates.count, batch: 1, batches: 1,
                                               loss: .nan, elapsed: Date().timeIntervalSince(start)))
            return .finished(["l2": Double(l2)])
        }
    }

    /// Turns the Gram matrix XᵀX into B for λ, in place (no second n x n buffer when the
    /// storage is not shared).
    static func solve(_ b: inout Tensor, l2: Float) throws {
        let n = b.shape[0]
        b.withUnsafeMutableBufferPointer { p in for i in 0..<n { p[i * n + i] += l2 } }
        do {
            try b.invertSymmetricPositiveDefinite()
        } catch {
            throw ModelError("EASE.fit", "XᵀX + \(l2)·I cannot be inverted (\(error)); use a larger l2")
        }
        b.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress!
            var inverseDiagonal = [Float](repeating: 0, count: n)
            for j in 0..<n { inverseDiagonal[j] = -1 / p[j * n + j] }
            inverseDiagonal.withUnsafeBufferPointer { d in
                let chunks = min(n, 8 * ProcessInfo.processInfo.activeProcessorCount)
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for i in (n * c / chunks)..<(n * (c + 1) / chunks) {
                        for j in 0..<n { p[i * n + j] *= d[j] }
                        p[i * n + i] = 0
                    }
                }
            }
        }
    }

    /// x_u · B for each history row (the sparse rows are never densified).
    public func scores(history: SparseMatrix) throws -> Tensor {
        guard let weights else { throw ModelError("EASE.scores", "the model is not fitted: call fit or load first") }
        return try chunkedScores(history) { try $0.matmul(weights) }
    }

    public func state() throws -> [String: Tensor] {
        guard let weights else { throw ModelError("EASE.save", "the model is not fitted") }
        return ["weights": weights, "l2": Tensor([chosenL2])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let w = try stateTensor(state, "weights")
        guard w.rank == 2, w.shape[0] == w.shape[1], w.shape[0] > 0 else {
            throw ModelError("EASE.load", "'weights' has shape \(w.shape), expected [items, items]")
        }
        weights = w
        itemCount = w.shape[0]
        chosenL2 = (try? stateTensor(state, "l2", shape: [1]).item()) ?? configuration.l2
    }
}
