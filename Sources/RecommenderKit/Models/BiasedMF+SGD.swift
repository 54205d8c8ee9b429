import TensorKit

extension BiasedMF {
    /// Funk/Surprise SGD: per epoch, one pass over the ratings in a seeded random order, the
    /// learning rate multiplied by `learningRateDecay` after each epoch and the biases
    /// regularised by `biasRegularization` when it is set. The reported loss is the RMSE of
    /// the predictions made during the pass.
    func fitSGD(_ table: RatingTable, validation: Interactions?, options: FitOptions,
                rng: inout SeededGenerator) throws -> TrainingHistory {
        let c = configuration, k = c.factors
        let m = table.byUser
        var userOf = [Int32](repeating: 0, count: m.nnz)
        for u in 0..<m.rowCount { for e in m.rowOffsets[u]..<m.rowOffsets[u + 1] { userOf[e] = Int32(u) } }
        var order = Array(0..<m.nnz)
        var generator = rng
        defer { rng = generator }
        return try RatingTrainingLoop.run(
            self, epochs: c.epochs, validation: validation, options: options,
            snapshot: { (terms!, userFactors, itemFactors) },
            restore: { terms = $0.0; userFactors = $0.1; itemFactors = $0.2 }
        ) { epoch in
            seededShuffle(&order, &generator)
            var lr = c.learningRate
            for _ in 1..<epoch { lr *= c.learningRateDecay }
            let reg = c.regularization, biasReg = c.biasRegularization ?? c.regularization, mean = terms!.mean
            var squared = 0.0
            var userBiases = terms!.user, itemBiases = terms!.item
            defer { terms!.user = userBiases; terms!.item = itemBiases }
            userBiases.withUnsafeMutableBufferPointer { bu in
            itemBiases.withUnsafeMutableBufferPointer { bi in
            userFactors.withUnsafeMutableBufferPointer { pBuf in
            itemFactors.withUnsafeMutableBufferPointer { qBuf in
                for e in order {
                    let u = Int(userOf[e]), i = Int(m.columnIndices[e])
                    let p = pBuf.baseAddress! + u * k, q = qBuf.baseAddress! + i * k
                    let err = m.values[e] - (mean + bu[u] + bi[i] + BiasedMF.dot(p, q, k))
                    squared += Double(err * err)
                    bu[u] += lr * (err - biasReg * bu[u])
                    bi[i] += lr * (err - biasReg * bi[i])
                    BiasedMF.sgdUpdate(p, q, k, err: err, lr: lr, reg: reg)
                }
            }}}}
            return ["loss": (squared / Double(max(m.nnz, 1))).squareRoot()]
        }
    }

    /// Σ_f p[f] q[f], eight lanes at a time.
    @inline(__always)
    static func dot(_ p: UnsafeMutablePointer<Float>, _ q: UnsafeMutablePointer<Float>, _ k: Int) -> Float {
        var acc = SIMD8<Float>()
        var f = 0
        while f + 8 <= k {
            acc += UnsafeRawPointer(p + f).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(q + f).loadUnaligned(as: SIMD8<Float>.self)
            f += 8
        }
        var sum = acc.sum()
        while f < k { sum += p[f] * q[f]; f += 1 }
        return sum
    }

    /// `p += lr (err q − reg p)` and `q += lr (err p − reg q)` with the old p and q,
    /// eight lanes at a time.
    @inline(__always)
    static func sgdUpdate(_ p: UnsafeMutablePointer<Float>, _ q: UnsafeMutablePointer<Float>, _ k: Int,
                          err: Float, lr: Float, reg: Float) {
        var f = 0
        let e8 = SIMD8<Float>(repeating: err), lr8 = SIMD8<Float>(repeating: lr), reg8 = SIMD8<Float>(repeating: reg)
        while f + 8 <= k {
            let pf = UnsafeRawPointer(p + f).loadUnaligned(as: SIMD8<Float>.self)
            let qf = UnsafeRawPointer(q + f).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(p + f).storeBytes(of: pf + lr8 * (e8 * qf - reg8 * pf), as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(q + f).storeBytes(of: qf + lr8 * (e8 * pf - reg8 * qf), as: SIMD8<Float>.self)
            f += 8
        }
        while f < k {
            let pf = p[f], qf = q[f]
            p[f] += lr * (err * qf - reg * pf)
            q[f] += lr * (err * pf - reg * qf)
            f += 1
        }
    }
}
