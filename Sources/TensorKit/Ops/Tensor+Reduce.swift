/// Reductions over all elements or one axis: sum, mean, max, min, argmax, argmin.
extension Tensor {
    /// The sum of all elements, as a rank-0 tensor (differentiable).
    public func sum() -> Tensor {
        let p = storage.pointer
        var s: Double = 0
        var i = 0
        // Accumulate blocks in Float, blocks in Double: fast and accurate enough.
        while i < count {
            let end = Swift.min(i + 256, count)
            var block: Float = 0
            for j in i..<end { block += p[j] }
            s += Double(block)
            i = end
        }
        let out = Tensor(scalar: Float(s))
        return record(out, .sumAll(shape: shape), [self])
    }

    /// The mean of all elements, as a rank-0 tensor (differentiable). NaN when empty.
    public func mean() -> Tensor { sum() * (1 / Float(count)) }

    /// The sum along `axis` (negative counts from the end), dropping that axis unless
    /// `keepDims` (differentiable).
    /// - Throws: if the axis is out of range.
    public func sum(axis: Int, keepDims: Bool = false) throws -> Tensor {
        let ax = try Shape.axis(axis, rank: rank, "sum(axis:)")
        let (outer, n, inner) = split(ax)
        var outShape = shape
        outShape[ax] = 1
        var out = Tensor(shape: outShape, storage: TensorStorage(count: outer * inner, repeating: 0))
        let a = storage.pointer, o = out.storage.pointer
        for i in 0..<outer {
            let dst = o + i * inner
            for k in 0..<n {
                let src = a + (i * n + k) * inner
                for j in 0..<inner { dst[j] += src[j] }
            }
        }
        if !keepDims { outShape.remove(at: ax); out.shape = outShape }
        return record(out, .sumAxis(shape: shape, axis: ax), [self])
    }

    /// The mean along `axis` (differentiable).
    /// - Throws: if the axis is out of range.
    public func mean(axis: Int, keepDims: Bool = false) throws -> Tensor {
        let ax = try Shape.axis(axis, rank: rank, "mean(axis:)")
        return try sum(axis: ax, keepDims: keepDims) * (1 / Float(shape[ax]))
    }

    /// The largest element along `axis` (differentiable; the gradient goes to the first
    /// maximum). A NaN along the axis gives NaN, as in PyTorch.
    /// - Throws: if the axis is out of range or has length 0.
    public func max(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try extreme(axis: axis, keepDims: keepDims, largest: true, "max(axis:)")
    }

    /// The smallest element along `axis` (differentiable). A NaN along the axis gives NaN.
    /// - Throws: if the axis is out of range or has length 0.
    public func min(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try extreme(axis: axis, keepDims: keepDims, largest: false, "min(axis:)")
    }

    /// The largest element, as a rank-0 tensor (differentiable; NaN if any element is NaN).
    /// - Throws: if the tensor is empty.
    public func max() throws -> Tensor { try reshaped([-1]).max(axis: 0) }

    /// The smallest element, as a rank-0 tensor (differentiable; NaN if any element is NaN).
    /// - Throws: if the tensor is empty.
    public func min() throws -> Tensor { try reshaped([-1]).min(axis: 0) }

    /// The flat index of the largest element (first on ties; a NaN counts as the largest,
    /// so the first NaN is chosen, as in PyTorch).
    /// - Throws: if the tensor is empty.
    public func argmax() throws -> Int { try reshaped([-1]).argmax(axis: 0)[0] }

    /// For every position of the other axes (in row-major order), the index along `axis`
    /// of the largest element (first on ties; the first NaN when there is one).
    /// - Throws: if the axis is out of range or has length 0.
    public func argmax(axis: Int) throws -> [Int] {
        try argExtreme(axis: axis, largest: true, "argmax(axis:)")
    }

    /// Like `argmax(axis:)` for the smallest element (a NaN also wins here).
    /// - Throws: if the axis is out of range or has length 0.
    public func argmin(axis: Int) throws -> [Int] {
        try argExtreme(axis: axis, largest: false, "argmin(axis:)")
    }

    /// `(outer, axis length, inner)` sizes around `axis`.
    func split(_ axis: Int) -> (Int, Int, Int) {
        (shape[..<axis].reduce(1, *), shape[axis], shape[(axis + 1)...].reduce(1, *))
    }

    private func argExtreme(axis: Int, largest: Bool, _ op: String) throws -> [Int] {
        let ax = try Shape.axis(axis, rank: rank, op)
        let (outer, n, inner) = split(ax)
        guard n > 0 else { throw TensorError(op, "axis \(ax) of shape \(shape) is empty") }
        let a = storage.pointer
        var result = [Int](repeating: 0, count: outer * inner)
        for i in 0..<outer {
            for j in 0..<inner {
                var best = 0
                var bestValue = a[i * n * inner + j]
                // NaN wins (PyTorch's rule): NaN in must be NaN out, or a NaN guard misses it.
                var k = 1
                while k < n && !bestValue.isNaN {
                    let v = a[(i * n + k) * inner + j]
                    if v.isNaN || (largest ? v > bestValue : v < bestValue) { best = k; bestValue = v }
                    k += 1
                }
                result[i * inner + j] = best
            }
        }
        return result
    }

    private func extreme(axis: Int, keepDims: Bool, largest: Bool, _ op: String) throws -> Tensor {
        let ax = try Shape.axis(axis, rank: rank, op)
        let indices = try argExtreme(axis: ax, largest: largest, op)
        let (outer, n, inner) = split(ax)
        var outShape = shape
        outShape[ax] = 1
        var out = Tensor(uninitializedShape: outShape)
        let a = storage.pointer, o = out.storage.pointer
        for i in 0..<outer {
            for j in 0..<inner { o[i * inner + j] = a[(i * n + indices[i * inner + j]) * inner + j] }
        }
        if !keepDims { outShape.remove(at: ax); out.shape = outShape }
        return record(out, .selectAxis(shape: shape, axis: ax, indices: indices), [self])
    }
}
