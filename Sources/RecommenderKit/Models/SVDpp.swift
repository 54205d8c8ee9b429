// SVD++: Yehuda Koren, "Factorization Meets the Neighborhood: a Multifaceted Collaborative
// Filtering Model", KDD 2008 (section 4), as Surprise's `SVDpp` (Nicolas Hug, JOSS 2020)
// trains it, with the implicit-factor gradient gathered per user (one update of each y_j
// per user visit instead of one per rating, as LibRec's and most fast implementations do).
import Foundation
import TensorKit

/// Predicts `μ + b_u + b_i + q_i · (p_u + |N(u)|^(−½) Σ_{j ∈ N(u)} y_j)`, clamped to the
/// training scale: biased MF whose user vector is corrected by the implicit factors y_j of
/// every item the user rated in training (N(u)), so a user is described by what they chose
/// to rate as well as by how they rated it.
///
/// Training is SGD over users in a seeded random order and each user's ratings in a seeded
/// order: with the implicit sum z_u fixed for the visit and e = r − r̂, the biases and the
/// explicit factors move as in `BiasedMF(.sgd())`, `q_i += lr (e (p_u + z_u) − reg q_i)`,
/// and `g += e q_i` is gathered; at the end of the visit each y_j of N(u) moves by
/// `lr (|N(u)|^(−½) g − reg y_j)`. A user or item without training ratings has no factors
/// (zeros): its prediction is the bias part alone, as is any index outside the fitted range.
///
/// ```swift
/// let svdpp = try SVDpp(SVDpp.Configuration(factors: 50, epochs: 40))
/// try svdpp.fit(folds[0].train)
/// try svdpp.evaluate(folds[0].test).rmse
/// ```
public final class SVDpp: RatingModel {
    /// Hyperparameters.
    public struct Configuration: Sendable, Equatable {
        /// The length of the factor vectors.
        public var factors: Int
        /// Passes over the users.
        public var epochs: Int
        /// The step size.
        public var learningRate: Float
        /// The L2 weight on the factors (p, q, y).
        public var regularization: Float
        /// The L2 weight on the biases.
        public var biasRegularization: Float
        /// The factor the learning rate is multiplied by after every epoch.
        public var learningRateDecay: Float
        /// The standard deviation of the initial factors.
        public var initStd: Float
        /// Seeds the initial factors and the visiting order.
        public var seed: UInt64

        /// A configuration; the defaults are Surprise's `SVDpp` (20 factors, 20 epochs,
        /// lr 0.007, reg 0.02 for factors, 0.005 for biases, init N(0, 0.1²)).
        public init(factors: Int = 20, epochs: Int = 20, learningRate: Float = 0.007, regularization: Float = 0.02,
                    biasRegularization: Float = 0.005, learningRateDecay: Float = 1, initStd: Float = 0.1, seed: UInt64 = 42) {
            self.factors = factors; self.epochs = epochs; self.learningRate = learningRate; self.regularization = regularization
            self.biasRegularization = biasRegularization; self.learningRateDecay = learningRateDecay
            self.initStd = initStd; self.seed = seed
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "SVD++"
    var terms: BiasTerms?
    /// p_u [users, factors], q_i [items, factors], y_j [items, factors].
    var userFactors: [Float] = [], itemFactors: [Float] = [], implicitFactors: [Float] = []
    /// z_u = |N(u)|^(−½) Σ y_j per user [users, factors], as of the end of training.
    var implicitSums: [Float] = []

    /// An unfitted model.
    /// - Throws: `ModelError` for non-positive factors, epochs or learning rate, a decay
    ///   outside (0, 1], or a negative or non-finite regularisation or init scale.
    public init(_ configuration: Configuration = Configuration()) throws {
        let c = configuration
        guard c.factors >= 1, c.epochs >= 1 else {
            throw ModelError("SVDpp", "factors and epochs must be >= 1, got \(c.factors) and \(c.epochs)")
        }
        guard c.learningRate > 0, c.learningRate.isFinite, c.learningRateDecay > 0, c.learningRateDecay <= 1 else {
            throw ModelError("SVDpp", "learningRate must be positive and learningRateDecay in (0, 1], got \(c.learningRate) and \(c.learningRateDecay)")
        }
        for (label, v) in [("regularization", c.regularization), ("biasRegularization", c.biasRegularization), ("initStd", c.initStd)]
        where !(v >= 0 && v.isFinite) {
            throw ModelError("SVDpp", "\(label) must be >= 0 and finite, got \(v)")
        }
        self.configuration = c
    }

    public var ratingScale: ClosedRange<Float>? { terms?.scale }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let table = try RatingTable(ratings, model: name)
        let c = configuration, k = c.factors, m = table.byUser
        var rng = SeededGenerator(seed: c.seed)
        userFactors = (0..<(table.userCount * k)).map { _ in c.initStd * rng.nextNormal() }
        itemFactors = (0..<(table.itemCount * k)).map { _ in c.initStd * rng.nextNormal() }
        implicitFactors = (0..<(table.itemCount * k)).map { _ in c.initStd * rng.nextNormal() }
        var t = BiasTerms(table, userDamping: 0, itemDamping: 0)
        t.user = [Float](repeating: 0, count: table.userCount)
        t.item = [Float](repeating: 0, count: table.itemCount)
        terms = t
        updateImplicitSums(m)
        var users = Array(0..<m.rowCount)
        let history = try RatingTrainingLoop.run(
            self, epochs: c.epochs, validation: validation, options: options,
            snapshot: { (terms!, userFactors, itemFactors, implicitFactors, implicitSums) },
            restore: { terms = $0.0; userFactors = $0.1; itemFactors = $0.2; implicitFactors = $0.3; implicitSums = $0.4 }
        ) { epoch in
            seededShuffle(&users, &rng)
            var lr = c.learningRate
            for _ in 1..<epoch { lr *= c.learningRateDecay }
            let squared = sweep(m, users: users, lr: lr, rng: &rng)
            updateImplicitSums(m)
            return ["loss": (squared / Double(max(m.nnz, 1))).squareRoot()]
        }
        // Users and items without training ratings keep no factors: their predictions are
        // the bias part alone, as in `BiasedMF`.
        for (rows, isUser) in [(m, true), (table.byItem, false)] {
            for r in 0..<rows.rowCount where rows.rowOffsets[r] == rows.rowOffsets[r + 1] {
                for f in 0..<k {
                    if isUser { userFactors[r * k + f] = 0 } else { itemFactors[r * k + f] = 0 }
                }
            }
        }
        return history
    }

    /// One pass over the users in `users` order; returns the summed squared error of the
    /// predictions made during the pass.
    private func sweep(_ m: SparseMatrix, users: [Int], lr: Float,
                       rng: inout SeededGenerator) -> Double {
        let c = configuration, k = c.factors, reg = c.regularization, biasReg = c.biasRegularization
        let mean = terms!.mean
        var squared = 0.0
        var bu = terms!.user, bi = terms!.item
        defer { terms!.user = bu; terms!.item = bi }
        var z = [Float](repeating: 0, count: k), g = [Float](repeating: 0, count: k), pz = [Float](repeating: 0, count: k)
        userFactors.withUnsafeMutableBufferPointer { pBuf in
        itemFactors.withUnsafeMutableBufferPointer { qBuf in
        implicitFactors.withUnsafeMutableBufferPointer { yBuf in
            for u in users {
                let lo = m.rowOffsets[u], hi = m.rowOffsets[u + 1]
                guard hi > lo else { continue }
                let scale = 1 / Float(hi - lo).squareRoot()
                for f in 0..<k { z[f] = 0; g[f] = 0 }
                for e in lo..<hi {
                    let y = yBuf.baseAddress! + Int(m.columnIndices[e]) * k
                    for f in 0..<k { z[f] += y[f] }
                }
                for f in 0..<k { z[f] *= scale }
                var visit = Array(lo..<hi)
                seededShuffle(&visit, &rng)
                let p = pBuf.baseAddress! + u * k
                for e in visit {
                    let i = Int(m.columnIndices[e])
                    let q = qBuf.baseAddress! + i * k
                    var dot: Float = 0
                    for f in 0..<k { pz[f] = p[f] + z[f]; dot += q[f] * pz[f] }
                    let err = m.values[e] - (mean + bu[u] + bi[i] + dot)
                    squared += Double(err * err)
                    bu[u] += lr * (err - biasReg * bu[u])
                    bi[i] += lr * (err - biasReg * bi[i])
                    for f in 0..<k {
                        let qf = q[f]
                        g[f] += err * qf
                        p[f] += lr * (err * qf - reg * p[f])
                        q[f] += lr * (err * pz[f] - reg * qf)
                    }
                }
                for e in lo..<hi {
                    let y = yBuf.baseAddress! + Int(m.columnIndices[e]) * k
                    for f in 0..<k { y[f] += lr * (scale * g[f] - reg * y[f]) }
                }
            }
        }}}
        return squared
    }

    /// Recomputes z_u for every user from the current y_j.
    private func updateImplicitSums(_ m: SparseMatrix) {
        let k = configuration.factors
        implicitSums = [Float](repeating: 0, count: m.rowCount * k)
        for u in 0..<m.rowCount {
            let lo = m.rowOffsets[u], hi = m.rowOffsets[u + 1]
            guard hi > lo else { continue }
            let scale = 1 / Float(hi - lo).squareRoot()
            for e in lo..<hi {
                let j = Int(m.columnIndices[e])
                for f in 0..<k { implicitSums[u * k + f] += scale * implicitFactors[j * k + f] }
            }
        }
    }

    public func predict(users: [Int], items: [Int]) throws -> [Float] {
        try checkPairs(users, items)
        guard let terms else { throw ModelError("\(name).predict", "the model is not fitted: call fit or load first") }
        let k = configuration.factors, nU = userFactors.count / k, nI = itemFactors.count / k
        return zip(users, items).map { u, i in
            var r = terms.baseline(u, i)
            if u >= 0, u < nU, i >= 0, i < nI {
                for f in 0..<k { r += (userFactors[u * k + f] + implicitSums[u * k + f]) * itemFactors[i * k + f] }
            }
            return terms.scale.clamp(r)
        }
    }

    public func state() throws -> [String: Tensor] {
        guard let terms else { throw ModelError("\(name).save", "the model is not fitted") }
        let k = configuration.factors
        var s = terms.state(prefix: "bias.")
        s["userFactors"] = try FactorTables.tensor(userFactors, k: k)
        s["implicitSums"] = try FactorTables.tensor(implicitSums, k: k)
        s["itemFactors"] = try FactorTables.tensor(itemFactors, k: k)
        s["implicitFactors"] = try FactorTables.tensor(implicitFactors, k: k)
        return s
    }

    public func restore(_ state: [String: Tensor]) throws {
        let t = try BiasTerms(state: state, prefix: "bias.", model: name)
        let k = configuration.factors
        func factors(_ key: String, rows: Int) throws -> [Float] {
            try FactorTables.restore(state, key: key, rows: rows, k: k, model: name)
        }
        let p = try factors("userFactors", rows: t.user.count), z = try factors("implicitSums", rows: t.user.count)
        let q = try factors("itemFactors", rows: t.item.count), y = try factors("implicitFactors", rows: t.item.count)
        terms = t; userFactors = p; implicitSums = z; itemFactors = q; implicitFactors = y
    }
}
