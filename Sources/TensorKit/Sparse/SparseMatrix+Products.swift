/// Sparse x dense products. The sparse operand is never densified: the cost is
/// O(nnz · columns of the dense operand).
extension SparseMatrix {
    /// `self · dense` for `dense` of shape [columnCount, n]; differentiable with respect to
    /// `dense` (the gradient is `selfᵀ · g`, again without densifying).
    /// - Throws: if `dense` is not rank 2 or its row count differs from `columnCount`.
    public func matmul(_ dense: Tensor) throws -> Tensor {
        try SparseMatrix.linear(self, weight: dense, bias: nil, name: "SparseMatrix.matmul")
    }

    /// `x · weight + bias` for a sparse batch `x` [batch, in], `weight` [in, out] and
    /// `bias` [out] (differentiable with respect to `weight` and `bias`): the input layer
    /// of models over item sets.
    /// - Throws: if the shapes do not fit together.
    public static func linear(_ x: SparseMatrix, weight: Tensor, bias: Tensor?) throws -> Tensor {
        try linear(x, weight: weight, bias: bias, name: "linear")
    }

    private static func linear(_ x: SparseMatrix, weight: Tensor, bias: Tensor?, name: String) throws -> Tensor {
        guard weight.rank == 2, weight.shape[0] == x.columnCount else {
            throw TensorError.shapes(name, x.shape, weight.shape,
                                     weight.rank == 2 ? "\(x.columnCount) != \(weight.shape[0])" : "the dense operand must be rank 2")
        }
        let n = weight.shape[1]
        if let bias, bias.shape != [n] {
            throw TensorError.shapes(name, weight.shape, bias.shape, "bias must have shape [\(n)]")
        }
        let out = Tensor(uninitializedShape: [x.rowCount, n])
        x.multiply(dense: weight.storage.pointer, columns: n, bias: bias?.storage.pointer,
                   into: out.storage.pointer)
        var inputs = [weight]
        if let bias { inputs.append(bias) }
        return Tensor.record(out, .sparseLinear(x, hasBias: bias != nil), inputs)
    }

    /// `out[r, :] = bias + Σ_k values[k] · dense[column k, :]` for every row r.
    func multiply(dense: UnsafePointer<Float>, columns n: Int, bias: UnsafePointer<Float>?,
                  into out: UnsafeMutablePointer<Float>) {
        rowOffsets.withUnsafeBufferPointer { offsets in
            columnIndices.withUnsafeBufferPointer { cols in
                values.withUnsafeBufferPointer { vals in
                    let avg = nnz / Swift.max(rowCount, 1) + 1
                    Parallel.forRanges(rowCount, costPerItem: avg * n) { range in
                        for r in range {
                            let y = out + r * n
                            if let bias { y.update(from: bias, count: n) } else { y.update(repeating: 0, count: n) }
                            for k in offsets[r]..<offsets[r + 1] {
                                let v = vals[k], w = dense + Int(cols[k]) * n
                                for j in 0..<n { y[j] += v * w[j] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `selfᵀ · g` for `g` [rowCount, n], as a dense [columnCount, n] tensor: the weight
    /// gradient of `linear`. Every output row is written exactly once.
    func transposedMultiply(_ g: Tensor) -> Tensor {
        let t = transposed(), n = g.shape[1]
        let out = Tensor(uninitializedShape: [columnCount, n])
        t.multiply(dense: g.storage.pointer, columns: n, bias: nil, into: out.storage.pointer)
        return out
    }
}
