// Biased matrix factorisation: Yehuda Koren, Robert Bell and Chris Volinsky, "Matrix
// Factorization Techniques for Recommender Systems", IEEE Computer 2009. SGD as in Simon
// Funk's "Netflix Update: Try This at Home" (2006) and Surprise's `SVD` (Nicolas Hug,
// JOSS 2020); ALS as in LensKit's `BiasedMFScorer` (Yunhong Zhou et al., "Large-Scale
// Parallel Collaborative Filtering for the Netflix Prize", AAIM 2008).
import Foundation
import TensorKit

/// Predicts `μ + b_u + b_i + p_u · q_i`, clamped to the training scale: the global mean,
/// a user and an item bias, and the dot product of a user and an item factor vector.
///
/// Two solvers:
/// - `.sgd` (Surprise's `SVD`): biases start at 0 and factors at N(0, `initStd`²); each
///   epoch visits the ratings in a seeded random order (Surprise keeps the training
///   order) and with e = r − r̂ updates `b_u += lr (e − reg b_u)`, `b_i += lr (e − reg b_i)`,
///   `p_u += lr (e q_i − reg p_u)`, `q_i += lr (e p_u − reg q_i)`.
/// - `.als` (LensKit's `BiasedMFScorer`): the biases are the damped bias model's
///   (`BiasBaseline`, damping `damping`), and the factors are fitted to what they leave
///   by alternating least squares: every user's p_u solves
///   `(Σ_i q_i q_iᵀ + reg · n_u · I) p_u = Σ_i (r_ui − μ − b_u − b_i) q_i` exactly
///   (Cholesky), then every item's q_i likewise; item factors start at N(0, `initStd`²).
///
/// A user or item without training ratings has no factors (zeros): its prediction is the
/// bias part alone, as is any index outside the fitted vocabulary.
///
/// ```swift
/// let mf = try BiasedMF(.als())                 // 50 factors
/// let svd = try BiasedMF(.sgd())                // Surprise's SVD defaults
/// try mf.fit(train, validation: validation)     // keeps the epoch with the lowest RMSE
/// ```
public final class BiasedMF: RatingModel {
    /// How the factors are trained.
    public enum Solver: String, Sendable {
        /// Stochastic gradient descent over the ratings (Funk, Surprise).
        case sgd
        /// Alternating least squares on the damped biases' residuals (LensKit).
        case als
    }

    /// Hyperparameters. `sgd()` and `als()` give each solver's documented defaults.
    public struct Configuration: Sendable, Equatable {
        /// The training method.
        public var solver: Solver
        /// The length of the user and item factor vectors.
        public var factors: Int
        /// Passes over the data (SGD) or alternations (ALS).
        public var epochs: Int
        /// SGD's step size (unused by ALS).
        public var learningRate: Float
        /// SGD: the L2 weight on biases and factors in every update. ALS: λ, multiplied by
        /// each user's or item's rating count (weighted-λ regularisation).
        public var regularization: Float
        /// The standard deviation of the initial factors.
        public var initStd: Float
        /// ALS: the damping of the bias model whose residuals are factorised (unused by SGD).
        public var damping: Float
        /// Seeds the initial factors and SGD's visiting order.
        public var seed: UInt64
        /// SGD: the factor the learning rate is multiplied by after every epoch (1 keeps it
        /// constant, as Surprise does; Koren's SVD++ paper uses 0.9). Unused by ALS.
        public var learningRateDecay: Float
        /// SGD: the L2 weight on the biases, when it should differ from `regularization`
        /// (nil: the same). Unused by ALS.
        public var biasRegularization: Float?

        /// A configuration with every value given.
        public init(solver: Solver, factors: Int, epochs: Int, learningRate: Float, regularization: Float,
                    initStd: Float, damping: Float, seed: UInt64, learningRateDecay: Float = 1,
                    biasRegularization: Float? = nil) {
            self.solver = solver; self.factors = factors; self.epochs = epochs; self.learningRate = learningRate
            self.regularization = regularization; self.initStd = initStd; self.damping = damping; self.seed = seed
            self.learningRateDecay = learningRateDecay; self.biasRegularization = biasRegularization
        }

        /// SGD with Surprise's `SVD` defaults: 100 factors, 20 epochs, learning rate 0.005,
        /// regularisation 0.02, initial factors N(0, 0.1²), a constant learning rate and the
        /// same regularisation for biases and factors.
        public static func sgd(factors: Int = 100, epochs: Int = 20, learningRate: Float = 0.005,
                               regularization: Float = 0.02, initStd: Float = 0.1, seed: UInt64 = 42,
                               learningRateDecay: Float = 1, biasRegularization: Float? = nil) -> Configuration {
            Configuration(solver: .sgd, factors: factors, epochs: epochs, learningRate: learningRate,
                          regularization: regularization, initStd: initStd, damping: 0, seed: seed,
                          learningRateDecay: learningRateDecay, biasRegularization: biasRegularization)
        }

        /// ALS in LensKit's way with 50 factors (LensKit's default embedding size), bias
        /// damping 5 (LensKit's) and 10 alternations (LensKit's); λ = 0.12, where LensKit
        /// has 0.1, was chosen on a validation part of ML-100K's first fold's training data
        /// (`recommenderkit-eval rating --tune`).
        public static func als(factors: Int = 50, epochs: Int = 10, regularization: Float = 0.12,
                               damping: Float = 5, initStd: Float = 0.1, seed: UInt64 = 42) -> Configuration {
            Configuration(solver: .als, factors: factors, epochs: epochs, learningRate: 0,
                          regularization: regularization, initStd: initStd, damping: damping, seed: seed)
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public var name: String { configuration.solver == .als ? "BiasedMF-ALS" : "BiasedMF-SGD" }
    /// The global mean and the user and item biases.
    var terms: BiasTerms?
    /// p_u, row-major [users, factors].
    var userFactors: [Float] = []
    /// q_i, row-major [items, factors].
    var itemFactors: [Float] = []

    /// An unfitted model.
    /// - Throws: `ModelError` for a non-positive factor or epoch count, a negative or
    ///   non-finite regularisation, damping or init scale, or (SGD) a non-positive
    ///   learning rate.
    public init(_ configuration: Configuration = .als()) throws {
        let c = configuration
        guard c.factors >= 1, c.epochs >= 1 else {
            throw ModelError("BiasedMF", "factors and epochs must be >= 1, got \(c.factors) and \(c.epochs)")
        }
        for (label, v) in [("regularization", c.regularization), ("initStd", c.initStd), ("damping", c.damping),
                           ("biasRegularization", c.biasRegularization ?? 0)]
        where !(v >= 0 && v.isFinite) {
            throw ModelError("BiasedMF", "\(label) must be >= 0 and finite, got \(v)")
        }
        if c.solver == .sgd, !(c.learningRate > 0 && c.learningRate.isFinite) {
            throw ModelError("BiasedMF", "learningRate must be positive for SGD, got \(c.learningRate)")
        }
        if c.solver == .sgd, !(c.learningRateDecay > 0 && c.learningRateDecay <= 1) {
            throw ModelError("BiasedMF", "learningRateDecay must be in (0, 1], got \(c.learningRateDecay)")
        }
        if c.solver == .als, !(c.regularization > 0) {
            throw ModelError("BiasedMF", "ALS needs regularization > 0 to keep every system solvable, got \(c.regularization)")
        }
        self.configuration = c
    }

    public var ratingScale: ClosedRange<Float>? { terms?.scale }
    /// μ, the global mean (nil before `fit`).
    public var globalMean: Float? { terms?.mean }
    /// b_u per user (empty before `fit`).
    public var userBiases: [Float] { terms?.user ?? [] }
    /// b_i per item (empty before `fit`).
    public var itemBiases: [Float] { terms?.item ?? [] }

    @discardableResult
    public func fit(_ ratings: Interactions, validation: Interactions? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        let table = try RatingTable(ratings, model: name)
        let k = configuration.factors
        var rng = SeededGenerator(seed: configuration.seed)
        userFactors = (0..<(table.userCount * k)).map { _ in configuration.initStd * rng.nextNormal() }
        itemFactors = (0..<(table.itemCount * k)).map { _ in configuration.initStd * rng.nextNormal() }
        let history: TrainingHistory
        switch configuration.solver {
        case .sgd:
            var t = BiasTerms(table, userDamping: 0, itemDamping: 0)
            t.user = [Float](repeating: 0, count: table.userCount)
            t.item = [Float](repeating: 0, count: table.itemCount)
            terms = t
            history = try fitSGD(table, validation: validation, options: options, rng: &rng)
        case .als:
            terms = BiasTerms(table, userDamping: configuration.damping, itemDamping: configuration.damping)
            history = try fitALS(table, validation: validation, options: options)
        }
        zeroUnrated(table)
        return history
    }

    /// Sets the factors of users and items without training ratings to 0, so their
    /// predictions are the bias part alone.
    private func zeroUnrated(_ table: RatingTable) {
        let k = configuration.factors
        for (m, isUser) in [(table.byUser, true), (table.byItem, false)] {
            for r in 0..<m.rowCount where m.rowOffsets[r] == m.rowOffsets[r + 1] {
                for f in 0..<k {
                    if isUser { userFactors[r * k + f] = 0 } else { itemFactors[r * k + f] = 0 }
                }
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
                for f in 0..<k { r += userFactors[u * k + f] * itemFactors[i * k + f] }
            }
            return terms.scale.clamp(r)
        }
    }

    /// The training RMSE of the current parameters (unclamped predictions).
    func trainingRMSE(_ table: RatingTable) -> Double {
        guard let terms else { return .nan }
        let k = configuration.factors
        var sum = 0.0
        let m = table.byUser
        for u in 0..<m.rowCount {
            for e in m.rowOffsets[u]..<m.rowOffsets[u + 1] {
                let i = Int(m.columnIndices[e])
                var r = terms.mean + terms.user[u] + terms.item[i]
                for f in 0..<k { r += userFactors[u * k + f] * itemFactors[i * k + f] }
                let d = Double(m.values[e] - r)
                sum += d * d
            }
        }
        return (sum / Double(max(m.nnz, 1))).squareRoot()
    }

    public func state() throws -> [String: Tensor] {
        guard let terms else { throw ModelError("\(name).save", "the model is not fitted") }
        let k = configuration.factors
        var s = terms.state(prefix: "bias.")
        s["userFactors"] = try FactorTables.tensor(userFactors, k: k)
        s["itemFactors"] = try FactorTables.tensor(itemFactors, k: k)
        return s
    }

    public func restore(_ state: [String: Tensor]) throws {
        let t = try BiasTerms(state: state, prefix: "bias.", model: name)
        let k = configuration.factors
        func factors(_ key: String, rows: Int) throws -> [Float] {
            try FactorTables.restore(state, key: key, rows: rows, k: k, model: name)
        }
        let p = try factors("userFactors", rows: t.user.count), q = try factors("itemFactors", rows: t.item.count)
        terms = t; userFactors = p; itemFactors = q
    }
}
