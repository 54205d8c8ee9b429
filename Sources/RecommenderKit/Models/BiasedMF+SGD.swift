import TensorKit

extension BiasedMF {
    /// Funk/Surprise SGD: per epoch, one pass over the ratings in a seeded random order.
    /// The reported loss is the RMSE of the predictions made during the pass.
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
        ) { _ in
            seededShuffle(&order, &generator)
            let lr = c.learningRate, reg = c.regularization, mean = terms!.mean
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
                    var dot: Float = 0
                    for f in 0..<k { dot += p[f] * q[f] }
                    let err = m.values[e] - (mean + bu[u] + bi[i] + dot)
                    squared += Double(err * err)
                    bu[u] += lr * (err - reg * bu[u])
                    bi[i] += lr * (err - reg * bi[i])
                    for f in 0..<k {
                        let pf = p[f], qf = q[f]
                        p[f] += lr * (err * qf - reg * pf)
                        q[f] += lr * (err * pf - reg * qf)
                    }
                }
            }}}}
            return ["loss": (squared / Double(max(m.nnz, 1))).squareRoot()]
        }
    }
}
