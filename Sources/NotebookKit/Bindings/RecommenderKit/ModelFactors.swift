import RecommenderKit
import ScriptKit

/// The bias and matrix-factorisation rating models: BiasBaseline, BiasedMF (ALS or SGD)
/// and SVD++, each with its `Configuration`.
enum ModelFactors {
    static func register(in registry: Registry, session: Session?) {
        registerBiasBaseline(registry, session)
        registerBiasedMF(registry, session)
        registerSVDpp(registry, session)
    }

    static func registerBiasBaseline(_ registry: Registry, _ session: Session?) {
        typealias C = BiasBaseline.Configuration
        registry.type("BiasBaseline.Configuration", doc: "Hyperparameters; the defaults are LensKit's damping (5 for both).")
            .equatable(BiasBaseline.Configuration.self)
            .initializer("init(userDamping: Float = 5, itemDamping: Float = 5)", doc: "A configuration; both dampings default to 5.") { a in
                C(userDamping: try a.get(0), itemDamping: try a.get(1)).scriptValue
            }
            .field("userDamping: Float", \C.userDamping, doc: "Pseudo-ratings at the global mean added to every user (0 = plain means).")
            .field("itemDamping: Float", \C.itemDamping, doc: "Pseudo-ratings at the global mean added to every item.")
        registry.type("BiasBaseline", doc: "Predicts μ + b_i + b_u: the global mean plus damped item and user offsets.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in try BiasBaseline().scriptValue }
            .initializer("init(_ configuration: BiasBaseline.Configuration) throws", doc: "An unfitted model.") { a in
                try BiasBaseline(try a.get(0)).scriptValue
            }
            .readOnly("configuration: BiasBaseline.Configuration", \BiasBaseline.configuration, doc: "The hyperparameters.")
            .readOnly("globalMean: Float?", \BiasBaseline.globalMean, doc: "μ, the global mean (nil before `fit`).")
            .readOnly("userOffsets: [Float]", \BiasBaseline.userOffsets, doc: "b_u per user (empty before `fit`).")
            .readOnly("itemOffsets: [Float]", \BiasBaseline.itemOffsets, doc: "b_i per item (empty before `fit`).")
            .ratingModelRows(session: session) { try BiasBaseline.fromScript($0) }
    }

    static func registerBiasedMF(_ registry: Registry, _ session: Session?) {
        typealias C = BiasedMF.Configuration
        registry.type("BiasedMF.Solver", doc: "How the factors are trained.")
            .equatable(BiasedMF.Solver.self)
            .staticProperty("als: BiasedMF.Solver", doc: "Alternating least squares on the damped biases' residuals (LensKit).") { BiasedMF.Solver.als.scriptValue }
            .staticProperty("sgd: BiasedMF.Solver", doc: "Stochastic gradient descent over the ratings (Funk, Surprise).") { BiasedMF.Solver.sgd.scriptValue }
        registry.type("BiasedMF.Configuration", doc: "Hyperparameters.")
            .equatable(BiasedMF.Configuration.self)
            .initializer("init(solver: BiasedMF.Solver, factors: Int, epochs: Int, learningRate: Float, regularization: Float, initStd: Float, damping: Float, seed: UInt64, learningRateDecay: Float = 1, biasRegularization: Float? = nil)",
                         doc: "A configuration with every value given.") { a in
                C(solver: try a.get(0), factors: try a.get(1), epochs: try a.get(2), learningRate: try a.get(3),
                  regularization: try a.get(4), initStd: try a.get(5), damping: try a.get(6), seed: try a.get(7),
                  learningRateDecay: try a.get(8), biasRegularization: try a.get(9)).scriptValue
            }
            .staticMethod("als(factors: Int = 50, epochs: Int = 10, regularization: Float = 0.12, damping: Float = 5, initStd: Float = 0.1, seed: UInt64 = 42) -> BiasedMF.Configuration",
                          doc: "ALS in LensKit's way: 50 factors, bias damping 5, 10 alternations, λ = 0.12.") { a in
                C.als(factors: try a.get(0), epochs: try a.get(1), regularization: try a.get(2), damping: try a.get(3),
                      initStd: try a.get(4), seed: try a.get(5)).scriptValue
            }
            .staticMethod("sgd(factors: Int = 100, epochs: Int = 20, learningRate: Float = 0.005, regularization: Float = 0.02, initStd: Float = 0.1, seed: UInt64 = 42, learningRateDecay: Float = 1, biasRegularization: Float? = nil) -> BiasedMF.Configuration",
                          doc: "SGD with Surprise's `SVD` defaults: 100 factors, 20 epochs, learning rate 0.005, regularisation 0.02.") { a in
                C.sgd(factors: try a.get(0), epochs: try a.get(1), learningRate: try a.get(2), regularization: try a.get(3),
                      initStd: try a.get(4), seed: try a.get(5), learningRateDecay: try a.get(6), biasRegularization: try a.get(7)).scriptValue
            }
            .field("solver: BiasedMF.Solver", \C.solver, doc: "The training method.")
            .field("factors: Int", \C.factors, doc: "The length of the user and item factor vectors.")
            .field("epochs: Int", \C.epochs, doc: "Passes over the data (SGD) or alternations (ALS).")
            .field("learningRate: Float", \C.learningRate, doc: "SGD's step size (unused by ALS).")
            .field("regularization: Float", \C.regularization, doc: "The L2 weight on biases and factors.")
            .field("initStd: Float", \C.initStd, doc: "The standard deviation of the initial factors.")
            .field("damping: Float", \C.damping, doc: "ALS: the damping of the bias model whose residuals are factorised (unused by SGD).")
            .field("seed: UInt64", \C.seed, doc: "Seeds the initial factors and SGD's visiting order.")
            .field("learningRateDecay: Float", \C.learningRateDecay, doc: "SGD: the factor the learning rate is multiplied by after every epoch.")
            .field("biasRegularization: Float?", \C.biasRegularization, doc: "SGD: the L2 weight on the biases, when it should differ from `regularization`.")
        // `init(_ configuration: Configuration = .als())`: bound as `init()` and `init(_:)`.
        registry.type("BiasedMF", doc: "Predicts μ + b_u + b_i + p_u · q_i, clamped to the training scale.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init() throws", doc: "An unfitted model with `.als()`.") { _ in try BiasedMF().scriptValue }
            .initializer("init(_ configuration: BiasedMF.Configuration) throws", doc: "An unfitted model.") { a in
                try BiasedMF(try a.get(0)).scriptValue
            }
            .readOnly("configuration: BiasedMF.Configuration", \BiasedMF.configuration, doc: "The hyperparameters.")
            .readOnly("globalMean: Float?", \BiasedMF.globalMean, doc: "μ, the global mean (nil before `fit`).")
            .readOnly("userBiases: [Float]", \BiasedMF.userBiases, doc: "b_u per user (empty before `fit`).")
            .readOnly("itemBiases: [Float]", \BiasedMF.itemBiases, doc: "b_i per item (empty before `fit`).")
            .ratingModelRows(session: session) { try BiasedMF.fromScript($0) }
    }

    static func registerSVDpp(_ registry: Registry, _ session: Session?) {
        typealias C = SVDpp.Configuration
        registry.type("SVDpp.Configuration", doc: "Hyperparameters.")
            .equatable(SVDpp.Configuration.self)
            .initializer("init(factors: Int = 20, epochs: Int = 20, learningRate: Float = 0.007, regularization: Float = 0.02, biasRegularization: Float = 0.005, learningRateDecay: Float = 1, initStd: Float = 0.1, seed: UInt64 = 42)",
                         doc: "A configuration; the defaults are Surprise's `SVDpp`.") { a in
                C(factors: try a.get(0), epochs: try a.get(1), learningRate: try a.get(2), regularization: try a.get(3),
                  biasRegularization: try a.get(4), learningRateDecay: try a.get(5), initStd: try a.get(6), seed: try a.get(7)).scriptValue
            }
            .field("factors: Int", \C.factors, doc: "The length of the factor vectors.")
            .field("epochs: Int", \C.epochs, doc: "Passes over the users.")
            .field("learningRate: Float", \C.learningRate, doc: "The step size.")
            .field("regularization: Float", \C.regularization, doc: "The L2 weight on the factors (p, q, y).")
            .field("biasRegularization: Float", \C.biasRegularization, doc: "The L2 weight on the biases.")
            .field("learningRateDecay: Float", \C.learningRateDecay, doc: "The factor the learning rate is multiplied by after every epoch.")
            .field("initStd: Float", \C.initStd, doc: "The standard deviation of the initial factors.")
            .field("seed: UInt64", \C.seed, doc: "Seeds the initial factors and the visiting order.")
        registry.type("SVDpp", doc: "SVD++: biased MF whose user vector is corrected by the items the user rated.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in try SVDpp().scriptValue }
            .initializer("init(_ configuration: SVDpp.Configuration) throws", doc: "An unfitted model.") { a in
                try SVDpp(try a.get(0)).scriptValue
            }
            .readOnly("configuration: SVDpp.Configuration", \SVDpp.configuration, doc: "The hyperparameters.")
            .ratingModelRows(session: session) { try SVDpp.fromScript($0) }
    }
}
