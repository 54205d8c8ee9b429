import Foundation
import Dispatch
import TensorKit

/// Item-item products of a sparse users x items matrix X, computed from its non-zeros
/// alone: row i of XᵀX is Σ over the users u of item i of x_ui · X[u, :]. The cost is
/// Σ_u nnz(u)², never a dense users x items matrix.
struct ItemCooccurrence {
    /// X in CSR form (rows = users).
    let byUser: SparseMatrix
    /// Xᵀ in CSR form (rows = items).
    let byItem: SparseMatrix

    init(_ x: SparseMatrix) {
        byUser = x
        byItem = x.transposed()
    }

    var itemCount: Int { byUser.columnCount }

    /// Calls `body(i, row)` for every item i with row i of XᵀX in a dense accumulator of
    /// length itemCount, on several threads (each call owns its row buffer until it returns).
    func forEachRow(_ body: (Int, UnsafeMutableBufferPointer<Float>) -> Void) {
        let n = itemCount
        guard n > 0 else { return }
        let chunks = min(n, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        byUser.rowOffsets.withUnsafeBufferPointer { uOff in
        byUser.columnIndices.withUnsafeBufferPointer { uCol in
        byUser.values.withUnsafeBufferPointer { uVal in
        byItem.rowOffsets.withUnsafeBufferPointer { iOff in
        byItem.columnIndices.withUnsafeBufferPointer { iCol in
        byItem.values.withUnsafeBufferPointer { iVal in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let acc = UnsafeMutableBufferPointer<Float>.allocate(capacity: n)
                defer { acc.deallocate() }
                for i in (n * c / chunks)..<(n * (c + 1) / chunks) {
                    acc.initialize(repeating: 0)
                    for e in iOff[i]..<iOff[i + 1] {
                        let u = Int(iCol[e]), x = iVal[e]
                        for f in uOff[u]..<uOff[u + 1] { acc[Int(uCol[f])] += x * uVal[f] }
                    }
                    body(i, acc)
                }
            }
        }}}}}}
    }

    /// XᵀX as a dense [items, items] tensor (EASE's Gram matrix).
    func gram() throws -> Tensor {
        let n = itemCount
        var g = try Tensor.zeros([n, n])
        g.withUnsafeMutableBufferPointer { out in
            let base = out.baseAddress!
            forEachRow { i, row in (base + i * n).update(from: row.baseAddress!, count: n) }
        }
        return g
    }

    /// The L2 norm of every item column of X.
    func columnNorms() -> [Float] {
        var norms = [Float](repeating: 0, count: itemCount)
        for (c, v) in zip(byUser.columnIndices, byUser.values) { norms[Int(c)] += v * v }
        return norms.map { $0.squareRoot() }
    }
}
