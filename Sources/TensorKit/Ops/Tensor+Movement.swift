/// Movement ops: transpose, row gather and slicing (mini-batches), concatenation.
extension Tensor {
    /// The tensor with its axes reversed (for rank 2, the matrix transpose); a copy.
    /// Prefer `matmul(_:transposeSelf:transposeOther:)` to multiply by a transpose.
    /// Differentiable.
    public func transposed() -> Tensor {
        if rank < 2 { return self }
        let outShape = Array(shape.reversed())
        var out = Tensor(uninitializedShape: outShape)
        let a = storage.pointer, o = out.storage.pointer
        if rank == 2 {
            let r = shape[0], c = shape[1]
            // Blocked so both sides stay in cache.
            let block = 32
            for i0 in stride(from: 0, to: r, by: block) {
                for j0 in stride(from: 0, to: c, by: block) {
                    for i in i0..<Swift.min(i0 + block, r) {
                        for j in j0..<Swift.min(j0 + block, c) { o[j * r + i] = a[i * c + j] }
                    }
                }
            }
        } else {
            let inStrides = Shape.strides(shape)
            var index = [Int](repeating: 0, count: rank)
            for flat in 0..<count {
                var src = 0
                for ax in 0..<rank { src += index[ax] * inStrides[rank - 1 - ax] }
                o[flat] = a[src]
                var ax = rank - 1
                while ax >= 0 {
                    index[ax] += 1
                    if index[ax] < outShape[ax] { break }
                    index[ax] = 0
                    ax -= 1
                }
            }
        }
        return record(out, .transpose, [self])
    }

    /// The rows (entries along axis 0) at `indices`, in that order; indices may repeat.
    /// Differentiable (the gradient is scattered back and summed).
    /// - Throws: if the tensor is rank 0 or an index is out of range.
    public func rows(_ indices: [Int]) throws -> Tensor {
        guard rank >= 1 else { throw TensorError("rows", "a rank-0 tensor has no rows") }
        let n = shape[0], inner = count / Swift.max(n, 1)
        for i in indices where i < 0 || i >= n {
            throw TensorError("rows", "row \(i) is out of range 0..<\(n) for shape \(shape)")
        }
        var outShape = shape
        outShape[0] = indices.count
        var out = Tensor(uninitializedShape: outShape)
        let a = storage.pointer, o = out.storage.pointer
        for (k, i) in indices.enumerated() { (o + k * inner).update(from: a + i * inner, count: inner) }
        return record(out, .gatherRows(indices, rowCount: n), [self])
    }

    /// The rows in `range` (a contiguous mini-batch). Differentiable.
    /// - Throws: if the tensor is rank 0 or the range is not inside `0..<shape[0]`.
    public func rows(_ range: Range<Int>) throws -> Tensor {
        guard rank >= 1 else { throw TensorError("rows", "a rank-0 tensor has no rows") }
        guard range.lowerBound >= 0, range.upperBound <= shape[0] else {
            throw TensorError("rows", "range \(range) is out of range 0..<\(shape[0]) for shape \(shape)")
        }
        return try rows(Array(range))
    }

    /// The tensors joined along `axis`; all other axes must agree. Differentiable.
    /// - Throws: if the list is empty, ranks differ, or another axis differs.
    public static func concatenate(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError("concatenate", "expected at least one tensor") }
        let ax = try Shape.axis(axis, rank: first.rank, "concatenate")
        var outShape = first.shape
        outShape[ax] = 0
        for t in tensors {
            var a = t.shape, b = first.shape
            guard a.count == b.count else {
                throw TensorError.shapes("concatenate", first.shape, t.shape, "ranks differ")
            }
            a[ax] = 0; b[ax] = 0
            guard a == b else {
                throw TensorError.shapes("concatenate", first.shape, t.shape, "only axis \(ax) may differ")
            }
            outShape[ax] += t.shape[ax]
        }
        var out = Tensor(uninitializedShape: outShape)
        let outer = first.shape[..<ax].reduce(1, *)
        let inner = first.shape[(ax + 1)...].reduce(1, *)
        let o = out.storage.pointer
        let rowLength = outShape[ax] * inner
        var offset = 0
        for t in tensors {
            let chunk = t.shape[ax] * inner, a = t.storage.pointer
            for i in 0..<outer { (o + i * rowLength + offset).update(from: a + i * chunk, count: chunk) }
            offset += chunk
        }
        return record(out, .concatenate(sizes: tensors.map { $0.shape[ax] }, axis: ax), tensors)
    }

    /// The part of this tensor between `start` and `start + length` along `axis` (a copy).
    func narrow(axis: Int, start: Int, length: Int) -> Tensor {
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        var outShape = shape
        outShape[axis] = length
        let out = Tensor(uninitializedShape: outShape)
        let a = storage.pointer, o = out.storage.pointer
        for i in 0..<outer {
            (o + i * length * inner).update(from: a + (i * shape[axis] + start) * inner, count: length * inner)
        }
        return out
    }
}
