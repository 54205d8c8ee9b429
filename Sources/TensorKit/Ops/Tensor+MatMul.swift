import CBLAS

/// Matrix products through OpenBLAS `cblas_sgemm`. Transposes are passed to BLAS as
/// flags, so no operand is ever copied.
extension Tensor {
    /// The matrix product `op(self) · op(other)` of two rank-2 tensors, where `op`
    /// transposes when the flag is set (differentiable).
    ///
    /// ```swift
    /// let c = try a.matmul(b, transposeOther: true)    // a · bᵀ without copying b
    /// ```
    /// - Throws: if either tensor is not rank 2 or the inner dimensions differ.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false,
                       transposeOther: Bool = false) throws -> Tensor {
        let (m, n) = try Tensor.gemmShape("matmul", self, other, transposeSelf, transposeOther)
        var out = Tensor(uninitializedShape: [m, n])
        Tensor.gemm(self, other, transposeSelf, transposeOther, into: &out, beta: 0)
        return record(out, .matmul(detached(), other.detached(), transposeSelf, transposeOther),
                      [self, other])
    }

    /// `x · weight + bias` for `x` [batch, in], `weight` [in, out] and `bias` [out], in one
    /// BLAS call (the bias is written first and accumulated with beta = 1); differentiable.
    /// - Throws: if the shapes do not fit together.
    public static func linear(_ x: Tensor, weight: Tensor, bias: Tensor?) throws -> Tensor {
        let (m, n) = try gemmShape("linear", x, weight, false, false)
        var out: Tensor
        if let bias {
            guard bias.shape == [n] else {
                throw TensorError.shapes("linear", weight.shape, bias.shape, "bias must have shape [\(n)]")
            }
            out = Tensor(uninitializedShape: [m, n])
            let o = out.storage.pointer, b = bias.storage.pointer
            for i in 0..<m { (o + i * n).update(from: b, count: n) }
            gemm(x, weight, false, false, into: &out, beta: 1)
        } else {
            out = Tensor(uninitializedShape: [m, n])
            gemm(x, weight, false, false, into: &out, beta: 0)
        }
        var inputs = [x, weight]
        if let bias { inputs.append(bias) }
        return record(out, .linear(x.detached(), weight.detached(), hasBias: bias != nil), inputs)
    }

    /// The output size `(m, n)` of `op(a) · op(b)`, or an error naming both shapes.
    static func gemmShape(_ name: String, _ a: Tensor, _ b: Tensor, _ ta: Bool, _ tb: Bool) throws -> (Int, Int) {
        guard a.rank == 2, b.rank == 2 else {
            throw TensorError.shapes(name, a.shape, b.shape, "both must be rank 2")
        }
        let (m, k1) = ta ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (k2, n) = tb ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard k1 == k2 else {
            throw TensorError.shapes(name, a.shape, b.shape, "\(k1) != \(k2)")
        }
        let limit = Int(Int32.max)
        guard m <= limit, n <= limit, k1 <= limit else {
            throw TensorError.shapes(name, a.shape, b.shape, "dimensions exceed BLAS's 32-bit limit")
        }
        _ = try Shape.count([m, n], name)   // the result must fit in memory
        return (m, n)
    }

    /// `out = op(a) · op(b) + beta · out` for shapes already checked by `gemmShape`.
    static func gemm(_ a: Tensor, _ b: Tensor, _ ta: Bool, _ tb: Bool, into out: inout Tensor,
                     beta: Float) {
        let m = out.shape[0], n = out.shape[1]
        let k = ta ? a.shape[0] : a.shape[1]
        let o = out.storage.pointer
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if beta == 0 { o.update(repeating: 0, count: m * n) }
            return
        }
        let started = BLASStatistics.isEnabled ? BLASStatistics.now() : 0
        defer {
            if BLASStatistics.isEnabled {
                BLASStatistics.seconds += BLASStatistics.now() - started
                BLASStatistics.calls += 1
            }
        }
        cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1,
                    a.storage.pointer, Int32(a.shape[1]), b.storage.pointer, Int32(b.shape[1]),
                    beta, o, Int32(n))
    }
}
