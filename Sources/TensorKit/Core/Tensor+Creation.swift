/// Creation functions: constants, ranges, identity and seeded random tensors.
extension Tensor {
    /// A tensor of `shape` filled with zeros.
    /// - Throws: if a dimension is negative.
    public static func zeros(_ shape: [Int]) throws -> Tensor {
        try full(shape, value: 0)
    }

    /// A tensor of `shape` filled with ones.
    /// - Throws: if a dimension is negative.
    public static func ones(_ shape: [Int]) throws -> Tensor {
        try full(shape, value: 1)
    }

    /// A tensor of `shape` filled with `value`.
    /// - Throws: if a dimension is negative.
    public static func full(_ shape: [Int], value: Float) throws -> Tensor {
        let n = try Shape.count(shape, "full")
        return Tensor(shape: shape, storage: TensorStorage(count: n, repeating: value))
    }

    /// A tensor of the same shape as `other` filled with `value`.
    public static func full(like other: Tensor, value: Float) -> Tensor {
        Tensor(shape: other.shape, storage: TensorStorage(count: other.count, repeating: value))
    }

    /// `[0, 1, ..., n - 1]` as a rank-1 tensor.
    /// - Throws: if `n` is negative.
    public static func arange(_ n: Int) throws -> Tensor {
        try arange(from: 0, to: Float(n), step: 1)
    }

    /// Values from `start` (inclusive) to `end` (exclusive) in steps of `step`, like
    /// `torch.arange`.
    /// - Throws: if `step` is zero or not finite, or the range is empty in that direction.
    public static func arange(from start: Float, to end: Float, step: Float = 1) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, end.isFinite else {
            throw TensorError("arange", "step must be finite and non-zero, bounds finite (got \(start), \(end), \(step))")
        }
        let span = ((end - start) / step).rounded(.up)
        guard span < 1e9 else { throw TensorError("arange", "range is too large") }
        let n = Swift.max(0, Int(span))
        var values = [Float](repeating: 0, count: n)
        for i in 0..<n { values[i] = start + Float(i) * step }
        return Tensor(values)
    }

    /// The `n` x `n` identity matrix.
    /// - Throws: if `n` is negative.
    public static func eye(_ n: Int) throws -> Tensor {
        var t = try zeros([n, n])
        t.withUnsafeMutableBufferPointer { p in
            for i in 0..<n { p[i * n + i] = 1 }
        }
        return t
    }

    /// Uniform random values in `[low, high)` from a seeded generator.
    /// - Throws: if a dimension is negative or `low > high`.
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1,
                               generator: inout SeededGenerator) throws -> Tensor {
        guard low <= high, low.isFinite, high.isFinite else {
            throw TensorError("uniform", "expected finite low <= high, got \(low) and \(high)")
        }
        var t = try zeros(shape)
        let width = high - low
        t.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = low + width * generator.nextUniform() }
        }
        return t
    }

    /// Normal random values with `mean` and standard deviation `std` from a seeded generator.
    /// - Throws: if a dimension is negative or `std` is negative.
    public static func normal(_ shape: [Int], mean: Float = 0, std: Float = 1,
                              generator: inout SeededGenerator) throws -> Tensor {
        guard std >= 0, std.isFinite, mean.isFinite else {
            throw TensorError("normal", "expected finite mean and std >= 0, got \(mean) and \(std)")
        }
        var t = try zeros(shape)
        t.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = mean + std * generator.nextNormal() }
        }
        return t
    }
}
