import Foundation

/// The vector-Jacobian products of every op, in one table (as tinygrad's `pm_gradient`).
/// Each rule maps the gradient `g` of the op's output to the gradients of its inputs, in
/// the order the inputs were recorded; `needs[i]` says whether input i wants one.
/// Rules run with recording off, so they may use any op.
extension GradOp {
    func vjp(_ g: Tensor, shape: [Int], needs: [Bool]) throws -> [Tensor?] {
        func need(_ i: Int) -> Bool { i < needs.count && needs[i] }
        switch self {
        case .reshape(let from):
            return [try g.reshaped(from)]
        case .binary(.add, _, _, let ls, let rs):
            return [try g.summed(to: ls), try g.summed(to: rs)]
        case .binary(.subtract, _, _, let ls, let rs):
            return [try g.summed(to: ls), need(1) ? try (-g).summed(to: rs) : nil]
        case .binary(.multiply, let a?, let b?, let ls, let rs):
            return [need(0) ? try (g * b).summed(to: ls) : nil,
                    need(1) ? try (g * a).summed(to: rs) : nil]
        case .binary(.divide, let a?, let b?, let ls, let rs):
            return [need(0) ? try (g / b).summed(to: ls) : nil,
                    need(1) ? try (-(g * a) / (b * b)).summed(to: rs) : nil]
        case .binary:
            throw TensorError("backward", "internal: a product was recorded without its operands")
        case .affine(let scale):
            return [g * scale]
        case .unary(let f, let x, let y):
            return [try GradOp.unaryVJP(f, g, input: x, output: y)]
        case .sumAll(let s):
            return [Tensor.full(like: try Tensor.zeros(s), value: try g.item())]
        case .sumAxis(let s, let axis):
            var kept = s
            kept[axis] = 1
            return [try g.reshaped(kept).expanded(to: s)]
        case .selectAxis(let s, let axis, let indices):
            return [GradOp.scatterAlongAxis(g, shape: s, axis: axis, indices: indices)]
        case .matmul(let a, let b, let ta, let tb):
            let da = !need(0) ? nil : ta ? try b.matmul(g, transposeSelf: tb, transposeOther: true)
                                         : try g.matmul(b, transposeOther: !tb)
            let db = !need(1) ? nil : tb ? try g.matmul(a, transposeSelf: true, transposeOther: ta)
                                         : try a.matmul(g, transposeSelf: !ta)
            return [da, db]
        case .linear(let x, let w, let hasBias):
            return [need(0) ? try g.matmul(w, transposeOther: true) : nil,
                    need(1) ? try x.matmul(g, transposeSelf: true) : nil,
                    hasBias && need(2) ? try g.sum(axis: 0) : nil]
        case .transpose:
            return [g.transposed()]
        case .gatherRows(let indices, let rowCount):
            return [GradOp.scatterRows(g, indices: indices, rowCount: rowCount)]
        case .concatenate(let sizes, let axis):
            var start = 0
            return sizes.map { size in
                defer { start += size }
                return g.narrow(axis: axis, start: start, length: size)
            }
        case .slice(let axis, let start, let length):
            var parts: [Tensor] = []
            var before = g.shape, after = g.shape
            before[axis] = start
            after[axis] = length - start - g.shape[axis]
            if start > 0 { parts.append(try Tensor.zeros(before)) }
            parts.append(g)
            if after[axis] > 0 { parts.append(try Tensor.zeros(after)) }
            return [try Tensor.concatenate(parts, axis: axis)]
        case .logSoftmax(let y):
            return [try g - y.exp() * g.sum(axis: -1, keepDims: true)]
        case .select(let mask, let ls, let rs):
            return [need(0) ? try (g * mask).summed(to: ls) : nil,
                    need(1) ? try (g * (1 - mask)).summed(to: rs) : nil]
        case .sparseLinear(let x, let hasBias):
            return [need(0) ? x.transposedMultiply(g) : nil,
                    hasBias && need(1) ? try g.sum(axis: 0) : nil]
        case .multinomial(let logits, let lse, let targets):
            return [GradOp.multinomialVJP(logits, lse, targets, scale: try g.item())]
        case .bce(let p, let t):
            return [GradOp.bceVJP(p, t, scale: try g.item()), nil]
        case .bceWithLogits(let x, let t):
            let scale = try g.item() / Float(Swift.max(x.count, 1))
            return [try (x.sigmoid() - t) * scale, nil]
        }
    }

    static func unaryVJP(_ f: UnaryFunction, _ g: Tensor, input x: Tensor?, output y: Tensor?) throws -> Tensor {
        switch (f, x, y) {
        case (.exp, _, let y?): return try g * y
        case (.log, let x?, _): return try g / x
        case (.tanh, _, let y?): return try g * (1 - y * y)
        case (.sigmoid, _, let y?): return try g * (y * (1 - y))
        case (.relu, let x?, _): return try g * x.greater(than: 0)
        case (.sqrt, _, let y?): return try g / (y * 2)
        case (.abs, let x?, _): return try g * (x.greater(than: 0) - x.less(than: 0))
        case (.pow(let p), let x?, _): return try g * (x.pow(p - 1) * p)
        case (.clamp(let lo, let hi), let x?, _): return try g * x.mask { $0 >= lo && $0 <= hi }
        default: throw TensorError("backward", "internal: \(f) was recorded without its saved value")
        }
    }

    /// Zeros of `shape` with `g`'s values placed at the chosen index along `axis`.
    static func scatterAlongAxis(_ g: Tensor, shape: [Int], axis: Int, indices: [Int]) -> Tensor {
        let outer = shape[..<axis].reduce(1, *), n = shape[axis], inner = shape[(axis + 1)...].reduce(1, *)
        let out = Tensor(shape: shape, storage: TensorStorage(count: outer * n * inner, repeating: 0))
        let o = out.storage.pointer, gp = g.storage.pointer
        for i in 0..<outer {
            for j in 0..<inner { o[(i * n + indices[i * inner + j]) * inner + j] = gp[i * inner + j] }
        }
        return out
    }

    /// Zeros of `[rowCount, ...]` with each row of `g` added to row `indices[k]`.
    static func scatterRows(_ g: Tensor, indices: [Int], rowCount: Int) -> Tensor {
        var shape = g.shape
        shape[0] = rowCount
        let inner = shape.dropFirst().reduce(1, *)   // not g.count / indices.count: no rows may be gathered
        let out = Tensor(shape: shape, storage: TensorStorage(count: rowCount * inner, repeating: 0))
        let o = out.storage.pointer, gp = g.storage.pointer
        for (k, r) in indices.enumerated() {
            let dst = o + r * inner, src = gp + k * inner
            for j in 0..<inner { dst[j] += src[j] }
        }
        return out
    }

    /// `scale / n · (p - t) / max(p · (1 - p), 1e-12)`: PyTorch's `binary_cross_entropy`
    /// backward, finite and large at a saturated wrong prediction.
    static func bceVJP(_ p: Tensor, _ t: Tensor, scale: Float) -> Tensor {
        let out = Tensor(uninitializedShape: p.shape)
        let x = p.storage.pointer, y = t.storage.pointer, o = out.storage.pointer
        let c = Double(scale) / Double(Swift.max(p.count, 1))
        for i in 0..<p.count {
            let xi = Double(x[i])
            o[i] = Float(c * (xi - Double(y[i])) / Swift.max(xi * (1 - xi), 1e-12))
        }
        return out
    }

    /// `scale / B · (softmax(x)_ij · Σ_j t_ij − t_ij)`: one exp pass over the logits.
    static func multinomialVJP(_ logits: Tensor, _ lse: [Float], _ targets: SparseMatrix, scale: Float) -> Tensor {
        let rows = logits.shape[0], n = logits.shape[1]
        let out = Tensor(uninitializedShape: logits.shape)
        let x = logits.storage.pointer, o = out.storage.pointer
        let c = scale / Float(Swift.max(rows, 1))
        let totals = targets.rowSums()
        targets.rowOffsets.withUnsafeBufferPointer { offsets in
            targets.columnIndices.withUnsafeBufferPointer { cols in
                targets.values.withUnsafeBufferPointer { vals in
                    Parallel.forRanges(rows, costPerItem: n * 8) { range in
                        for r in range {
                            let xr = x + r * n, yr = o + r * n
                            let shift = lse[r], k = c * totals[r]
                            for j in 0..<n { yr[j] = k * FastMath.exp(xr[j] - shift) }
                            for e in offsets[r]..<offsets[r + 1] { yr[Int(cols[e])] -= c * vals[e] }
                        }
                    }
                }
            }
        }
        return out
    }
}
