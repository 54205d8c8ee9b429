import Foundation
import Dispatch
import TensorKit

extension BiasedMF {
    /// LensKit's explicit ALS: the damped biases stay fixed, and each epoch solves every
    /// user's factors given the items', then every item's given the users', on the
    /// residuals r − μ − b_u − b_i. The reported loss is the training RMSE after the epoch.
    func fitALS(_ table: RatingTable, validation: Interactions?, options: FitOptions) throws -> TrainingHistory {
        let c = configuration
        let t = terms!
        let residualsByUser = BiasedMF.residuals(table.byUser) { u, i in t.mean + t.user[u] + t.item[i] }
        let residualsByItem = residualsByUser.transposed()
        return try RatingTrainingLoop.run(
            self, epochs: c.epochs, validation: validation, options: options,
            snapshot: { (userFactors, itemFactors) },
            restore: { userFactors = $0.0; itemFactors = $0.1 }
        ) { _ in
            BiasedMF.solveRows(residualsByUser, other: itemFactors, into: &userFactors, factors: c.factors, reg: c.regularization)
            BiasedMF.solveRows(residualsByItem, other: userFactors, into: &itemFactors, factors: c.factors, reg: c.regularization)
            return ["loss": trainingRMSE(table)]
        }
    }

    /// The matrix `m` with `baseline(row, column)` subtracted from every stored value.
    static func residuals(_ m: SparseMatrix, baseline: (Int, Int) -> Float) -> SparseMatrix {
        var values = m.values
        for r in 0..<m.rowCount {
            for e in m.rowOffsets[r]..<m.rowOffsets[r + 1] { values[e] -= baseline(r, Int(m.columnIndices[e])) }
        }
        return try! SparseMatrix(rowCount: m.rowCount, columnCount: m.columnCount, rowOffsets: m.rowOffsets,
                                 columnIndices: m.columnIndices, values: values)
    }

    /// One half of an ALS round: for every row r of `m` with ratings, x_r solves
    /// `(Σ_j y_j y_jᵀ + reg · n_r · I) x_r = Σ_j m_rj y_j` over the row's columns j, with y
    /// the rows of `other` [columns, factors]. Rows run in parallel; each is independent.
    static func solveRows(_ m: SparseMatrix, other: [Float], into result: inout [Float], factors k: Int, reg: Float) {
        let n = m.rowCount
        let chunks = min(n, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard chunks > 0 else { return }
        other.withUnsafeBufferPointer { yBuf in
        result.withUnsafeMutableBufferPointer { xBuf in
            let y = yBuf.baseAddress!, x = xBuf.baseAddress!
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let gram = UnsafeMutablePointer<Float>.allocate(capacity: k * k)
                let a = UnsafeMutablePointer<Double>.allocate(capacity: k * k)
                let b = UnsafeMutablePointer<Double>.allocate(capacity: k)
                let rhs = UnsafeMutablePointer<Float>.allocate(capacity: k)
                defer { gram.deallocate(); a.deallocate(); b.deallocate(); rhs.deallocate() }
                for r in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                    let range = m.rowOffsets[r]..<m.rowOffsets[r + 1]
                    guard !range.isEmpty else { continue }
                    gram.initialize(repeating: 0, count: k * k)
                    rhs.initialize(repeating: 0, count: k)
                    for e in range {
                        let yj = y + Int(m.columnIndices[e]) * k, v = m.values[e]
                        for f in 0..<k {     // the lower triangle only; mirrored below
                            let yf = yj[f], row = gram + f * k
                            rhs[f] += v * yf
                            for g in 0...f { row[g] += yf * yj[g] }
                        }
                    }
                    let ridge = Double(reg) * Double(range.count)
                    for f in 0..<k { for g in 0...f { a[f * k + g] = Double(gram[f * k + g]); a[g * k + f] = a[f * k + g] } }
                    for f in 0..<k { a[f * k + f] += ridge; b[f] = Double(rhs[f]) }
                    // reg > 0 makes the system positive definite; keep the old x if rounding says otherwise.
                    if choleskySolve(a, b, k) { for f in 0..<k { x[r * k + f] = Float(b[f]) } }
                }
            }
        }}
    }
}
