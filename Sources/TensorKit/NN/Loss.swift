import Foundation

/// Loss functions. Each returns a rank-0 tensor (differentiable with respect to the
/// prediction) and throws when shapes do not match.
public enum Loss {
    /// Mean squared error `mean((prediction - target)^2)`.
    /// - Throws: if the shapes differ.
    public static func mse(_ prediction: Tensor, _ target: Tensor) throws -> Tensor {
        try sameShape("Loss.mse", prediction, target)
        let d = try prediction - target
        return try (d * d).mean()
    }

    /// Binary cross-entropy on probabilities, as PyTorch's `F.binary_cross_entropy`:
    /// `-mean(t · max(log(p), -100) + (1 - t) · max(log(1 - p), -100))`.
    ///
    /// Each log is clamped at -100, so a saturated prediction (p = 0 or 1 on the wrong side)
    /// costs 100 rather than infinity, and its gradient is kept:
    /// `∂/∂p = (p - t) / max(p · (1 - p), 1e-12) / count`, large where the prediction is
    /// confidently wrong (a clamp of `p` itself would make it zero). NaN in `p` gives NaN.
    /// Prefer `bceWithLogits` when the model's last step is a sigmoid.
    /// - Throws: if the shapes differ or a probability is outside [0, 1] (NaN passes).
    public static func bce(probabilities p: Tensor, targets t: Tensor) throws -> Tensor {
        try sameShape("Loss.bce", p, t)
        let x = p.scalars, y = t.scalars
        var total: Double = 0
        for i in 0..<x.count {
            guard !(x[i] < 0 || x[i] > 1) else {
                throw TensorError("Loss.bce", "expected probabilities in [0, 1], found \(x[i]) at flat index \(i) (use bceWithLogits for logits)")
            }
            let logP = Swift.max(Foundation.log(Double(x[i])), -100)
            let log1mP = Swift.max(Foundation.log(1 - Double(x[i])), -100)
            // max() would drop a NaN; keep it, so a NaN prediction is a NaN loss.
            total -= x[i].isNaN ? .nan : Double(y[i]) * logP + (1 - Double(y[i])) * log1mP
        }
        let out = Tensor(scalar: Float(total / Double(Swift.max(p.count, 1))))
        return Tensor.record(out, .bce(probabilities: p.detached(), targets: t.detached()), [p])
    }

    /// Binary cross-entropy on logits, computed stably as
    /// `mean(max(x, 0) - x · t + log(1 + e^-|x|))` (PyTorch's `BCEWithLogitsLoss`).
    /// - Throws: if the shapes differ.
    public static func bceWithLogits(_ logits: Tensor, targets: Tensor) throws -> Tensor {
        try sameShape("Loss.bceWithLogits", logits, targets)
        var total: Double = 0
        logits.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { t in
                for i in 0..<x.count {
                    let v = x[i]
                    total += Double(Swift.max(v, 0) - v * t[i] + Foundation.log1p(Foundation.exp(-Swift.abs(v))))
                }
            }
        }
        let out = Tensor(scalar: Float(total / Double(Swift.max(logits.count, 1))))
        return Tensor.record(out, .bceWithLogits(logits: logits.detached(), targets: targets.detached()), [logits])
    }

    /// The Mult-VAE/Mult-DAE multinomial negative log-likelihood with sparse targets:
    /// `-mean_i Σ_j t_ij · logSoftmax(logits)_ij`. The targets stay sparse and the
    /// log-softmax is never materialised: the forward pass is one max and one exp pass over
    /// the logits, the backward pass one more exp pass.
    /// - Throws: if `logits` is not [targets.rowCount, targets.columnCount].
    public static func multinomialNLL(logits: Tensor, targets: SparseMatrix) throws -> Tensor {
        guard logits.shape == targets.shape else {
            throw TensorError.shapes("Loss.multinomialNLL", logits.shape, targets.shape, "logits must match the targets")
        }
        let rows = targets.rowCount, n = targets.columnCount
        var lse = [Float](repeating: 0, count: rows)
        var perRow = [Double](repeating: 0, count: rows)
        let x = logits.storage.pointer
        targets.rowOffsets.withUnsafeBufferPointer { offsets in
            targets.columnIndices.withUnsafeBufferPointer { cols in
                targets.values.withUnsafeBufferPointer { vals in
                    lse.withUnsafeMutableBufferPointer { l in
                        perRow.withUnsafeMutableBufferPointer { pr in
                            Parallel.forRanges(rows, costPerItem: n * 6) { range in
                                for r in range {
                                    let xr = x + r * n
                                    let m = FastMath.max(xr, n)
                                    let logSum = Foundation.log(FastMath.sumExp(xr, n, shift: m))
                                    l[r] = m + logSum
                                    var acc: Double = 0
                                    for e in offsets[r]..<offsets[r + 1] {
                                        acc += Double(vals[e]) * (Double(xr[Int(cols[e])] - m) - Double(logSum))
                                    }
                                    pr[r] = acc
                                }
                            }
                        }
                    }
                }
            }
        }
        let loss = -perRow.reduce(0, +) / Double(Swift.max(rows, 1))
        let out = Tensor(scalar: Float(loss))
        return Tensor.record(out, .multinomial(logits: logits.detached(), logSumExp: lse, targets: targets), [logits])
    }

    /// The same multinomial log-likelihood with dense targets.
    /// - Throws: if the shapes differ or are not rank 2.
    public static func multinomialNLL(logits: Tensor, targets: Tensor) throws -> Tensor {
        try sameShape("Loss.multinomialNLL", logits, targets)
        guard logits.rank == 2 else { throw TensorError("Loss.multinomialNLL", "expected rank-2 logits, got shape \(logits.shape)") }
        return -(try (logits.logSoftmax() * targets).sum(axis: 1).mean())
    }

    /// The KL divergence of N(mean, e^logVariance) from N(0, I), summed over the latent
    /// axis and averaged over the batch:
    /// `mean_i ( -0.5 · Σ_j (1 + logVar_ij - mean_ij^2 - e^logVar_ij) )`.
    /// - Throws: if the shapes differ or are not rank 2.
    public static func gaussianKL(mean: Tensor, logVariance: Tensor) throws -> Tensor {
        try sameShape("Loss.gaussianKL", mean, logVariance)
        guard mean.rank == 2 else { throw TensorError("Loss.gaussianKL", "expected [batch, latent], got shape \(mean.shape)") }
        let terms = try (1 + logVariance) - mean * mean - logVariance.exp()
        return try terms.sum(axis: 1).mean() * -0.5
    }

    /// The L2 penalty `Σ_t Σ_i t_i^2` over the given tensors (multiply by your λ).
    public static func l2(_ tensors: [Tensor]) throws -> Tensor {
        var total = Tensor(scalar: 0)
        for t in tensors { total = try total + (t * t).sum() }
        return total
    }

    private static func sameShape(_ op: String, _ a: Tensor, _ b: Tensor) throws {
        guard a.shape == b.shape else { throw TensorError.shapes(op, a.shape, b.shape, "shapes must be equal") }
    }
}
