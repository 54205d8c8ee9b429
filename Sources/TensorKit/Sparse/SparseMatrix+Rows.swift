/// Row selection, transposition, densifying and normalisation.
extension SparseMatrix {
    /// The rows at `indices`, in that order (a mini-batch). Indices may repeat.
    /// - Throws: if an index is out of range.
    public func rows(_ indices: [Int]) throws -> SparseMatrix {
        var offsets = [Int](repeating: 0, count: indices.count + 1)
        for (k, r) in indices.enumerated() {
            guard r >= 0, r < rowCount else {
                throw TensorError("SparseMatrix.rows", "row \(r) is out of range 0..<\(rowCount)")
            }
            offsets[k + 1] = offsets[k] + rowOffsets[r + 1] - rowOffsets[r]
        }
        var cols = [Int32](repeating: 0, count: offsets[indices.count])
        var vals = [Float](repeating: 0, count: offsets[indices.count])
        for (k, r) in indices.enumerated() {
            let start = rowOffsets[r], n = rowOffsets[r + 1] - start
            for j in 0..<n {
                cols[offsets[k] + j] = columnIndices[start + j]
                vals[offsets[k] + j] = values[start + j]
            }
        }
        return SparseMatrix(unchecked: indices.count, columnCount, offsets, cols, vals)
    }

    /// The rows in `range` (a contiguous mini-batch).
    /// - Throws: if the range is not inside `0..<rowCount`.
    public func rows(_ range: Range<Int>) throws -> SparseMatrix {
        guard range.lowerBound >= 0, range.upperBound <= rowCount else {
            throw TensorError("SparseMatrix.rows", "range \(range) is out of range 0..<\(rowCount)")
        }
        let base = rowOffsets[range.lowerBound], end = rowOffsets[range.upperBound]
        let offsets = rowOffsets[range.lowerBound...range.upperBound].map { $0 - base }
        return SparseMatrix(unchecked: range.count, columnCount, offsets,
                            Array(columnIndices[base..<end]), Array(values[base..<end]))
    }

    /// The transpose, still in CSR form (columns become rows).
    /// - Complexity: O(nnz + rows + columns).
    public func transposed() -> SparseMatrix {
        var offsets = [Int](repeating: 0, count: columnCount + 1)
        for c in columnIndices { offsets[Int(c) + 1] += 1 }
        for c in 0..<columnCount { offsets[c + 1] += offsets[c] }
        var cursor = offsets
        var cols = [Int32](repeating: 0, count: nnz)
        var vals = [Float](repeating: 0, count: nnz)
        for r in 0..<rowCount {
            for k in rowOffsets[r]..<rowOffsets[r + 1] {
                let c = Int(columnIndices[k])
                cols[cursor[c]] = Int32(r)
                vals[cursor[c]] = values[k]
                cursor[c] += 1
            }
        }
        return SparseMatrix(unchecked: columnCount, rowCount, offsets, cols, vals)
    }

    /// The matrix as a dense `[rowCount, columnCount]` tensor. Meant for small batches;
    /// the products in `SparseMatrix+Products.swift` never densify.
    public func toDense() -> Tensor {
        var t = Tensor(shape: [rowCount, columnCount],
                       storage: TensorStorage(count: rowCount * columnCount, repeating: 0))
        t.withUnsafeMutableBufferPointer { p in
            for r in 0..<rowCount {
                for k in rowOffsets[r]..<rowOffsets[r + 1] {
                    p[r * columnCount + Int(columnIndices[k])] = values[k]
                }
            }
        }
        return t
    }

    /// Each row divided by its Euclidean norm; rows with no non-zero value stay zero.
    /// (The Mult-VAE input normalisation.)
    public func rowNormalizedL2() -> SparseMatrix {
        var vals = values
        for r in 0..<rowCount {
            var sum: Float = 0
            for k in rowOffsets[r]..<rowOffsets[r + 1] { sum += values[k] * values[k] }
            guard sum > 0 else { continue }
            let scale = 1 / sum.squareRoot()
            for k in rowOffsets[r]..<rowOffsets[r + 1] { vals[k] = values[k] * scale }
        }
        return SparseMatrix(unchecked: rowCount, columnCount, rowOffsets, columnIndices, vals)
    }

    /// The sum of each row's stored values.
    public func rowSums() -> [Float] {
        (0..<rowCount).map { r in
            var s: Float = 0
            for k in rowOffsets[r]..<rowOffsets[r + 1] { s += values[k] }
            return s
        }
    }
}
