/// Softmax and log-softmax along the last axis.
extension Tensor {
    /// `x - logsumexp(x)` along the last axis, computed stably (differentiable).
    /// - Throws: if the tensor is rank 0.
    public func logSoftmax() throws -> Tensor {
        guard rank >= 1 else { throw TensorError("logSoftmax", "expected rank >= 1, got shape \(shape)") }
        let n = shape[rank - 1], rows = count / Swift.max(n, 1)
        let out = Tensor(uninitializedShape: shape)
        let a = storage.pointer, o = out.storage.pointer
        Parallel.forRanges(rows, costPerItem: n * 8) { range in
            for r in range {
                let x = a + r * n, y = o + r * n
                let m = FastMath.max(x, n)
                // (x - max) - log(sum) keeps precision for large logits.
                let logSum = Foundation.log(FastMath.sumExp(x, n, shift: m))
                for j in 0..<n { y[j] = (x[j] - m) - logSum }
            }
        }
        return record(out, .logSoftmax(output: out.detached()), [self])
    }

    /// `e^x / sum(e^x)` along the last axis (differentiable).
    /// - Throws: if the tensor is rank 0.
    public func softmax() throws -> Tensor { try logSoftmax().exp() }
}

import Foundation
