import RecommenderKit
import ScriptKit
import TensorKit

/// Mult-VAE and Mult-DAE (Liang et al. 2018), each with its `Configuration`. A model's
/// `init(_ configuration: Configuration = Configuration())` is bound as `init()` and
/// `init(_:)`, as the default is not a literal.
enum ModelAutoencoders {
    static func register(in registry: Registry, session: Session?) {
        registerMultVAE(registry, session)
        registerMultDAE(registry, session)
    }

    static func registerMultVAE(_ registry: Registry, _ session: Session?) {
        typealias C = MultVAE.Configuration
        registry.type("MultVAE.Configuration", doc: "Hyperparameters; the defaults are the paper's.")
            .equatable(MultVAE.Configuration.self)
            .initializer("init(hidden: [Int] = [600], latent: Int = 200, dropout: Float = 0.5, annealCap: Float = 0.2, totalAnnealSteps: Int = 200000, learningRate: Float = 0.001, batchSize: Int = 500, epochs: Int = 200, l2: Float = 0, seed: UInt64 = 98765)",
                         doc: "A configuration; every argument has the paper's default.") { a in
                C(hidden: try a.get(0), latent: try a.get(1), dropout: try a.get(2), annealCap: try a.get(3),
                  totalAnnealSteps: try a.get(4), learningRate: try a.get(5), batchSize: try a.get(6),
                  epochs: try a.get(7), l2: try a.get(8), seed: try a.get(9)).scriptValue
            }
            .field("hidden: [Int]", \C.hidden, doc: "Hidden layer sizes of the encoder (the decoder mirrors them).")
            .field("latent: Int", \C.latent, doc: "The size of the latent code.")
            .field("dropout: Float", \C.dropout, doc: "The probability of dropping an input entry while training.")
            .field("annealCap: Float", \C.annealCap, doc: "The largest KL weight β.")
            .field("totalAnnealSteps: Int", \C.totalAnnealSteps, doc: "Updates over which β rises from 0 to 1 (then capped at `annealCap`); 0 uses the cap from the start.")
            .field("learningRate: Float", \C.learningRate, doc: "Adam's learning rate.")
            .field("batchSize: Int", \C.batchSize, doc: "Users per mini-batch.")
            .field("epochs: Int", \C.epochs, doc: "Training epochs (the best on validation is kept).")
            .field("l2: Float", \C.l2, doc: "λ of the L2 penalty λ · Σ w² over the weight matrices.")
            .field("seed: UInt64", \C.seed, doc: "Seeds the weights, the batch order, dropout and the sampling noise.")
        registry.type("MultVAE", doc: "Mult-VAE: a variational autoencoder over a user's item set with a multinomial likelihood.")
            .referenceType().conforms(to: "Recommender")
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in
                try MultVAE().scriptValue
            }
            .initializer("init(_ configuration: MultVAE.Configuration) throws", doc: "An unfitted model.") { a in
                try MultVAE(try a.get(0)).scriptValue
            }
            .readOnly("configuration: MultVAE.Configuration", \MultVAE.configuration, doc: "The hyperparameters.")
            .method("beta(afterUpdates update: Int) -> Float", doc: "The KL weight β used for the batch after `update` optimizer steps.") { this, a in
                try MultVAE.fromScript(this).beta(afterUpdates: try a.get(0)).scriptValue
            }
            .recommenderRows(session: session) { try MultVAE.fromScript($0) }
    }

    static func registerMultDAE(_ registry: Registry, _ session: Session?) {
        typealias C = MultDAE.Configuration
        // `l2 = 0.01 / 500` in Swift: the literal 0.00002 gives the same Float.
        registry.type("MultDAE.Configuration", doc: "Hyperparameters; the defaults are the paper's.")
            .equatable(MultDAE.Configuration.self)
            .initializer("init(hidden: [Int] = [], code: Int = 200, dropout: Float = 0.5, l2: Float = 0.00002, learningRate: Float = 0.001, batchSize: Int = 500, epochs: Int = 200, seed: UInt64 = 98765)",
                         doc: "A configuration; every argument has the paper's default.") { a in
                C(hidden: try a.get(0), code: try a.get(1), dropout: try a.get(2), l2: try a.get(3),
                  learningRate: try a.get(4), batchSize: try a.get(5), epochs: try a.get(6), seed: try a.get(7)).scriptValue
            }
            .field("hidden: [Int]", \C.hidden, doc: "Hidden layer sizes of the encoder (the decoder mirrors them).")
            .field("code: Int", \C.code, doc: "The size of the code.")
            .field("dropout: Float", \C.dropout, doc: "The probability of dropping an input entry while training.")
            .field("l2: Float", \C.l2, doc: "λ of the L2 penalty λ · Σ w² over the weight matrices.")
            .field("learningRate: Float", \C.learningRate, doc: "Adam's learning rate.")
            .field("batchSize: Int", \C.batchSize, doc: "Users per mini-batch.")
            .field("epochs: Int", \C.epochs, doc: "Training epochs (the best on validation is kept).")
            .field("seed: UInt64", \C.seed, doc: "Seeds the weights, the batch order and dropout.")
        registry.type("MultDAE", doc: "Mult-DAE: a denoising autoencoder over a user's item set with a multinomial likelihood.")
            .referenceType().conforms(to: "Recommender")
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in
                try MultDAE().scriptValue
            }
            .initializer("init(_ configuration: MultDAE.Configuration) throws", doc: "An unfitted model.") { a in
                try MultDAE(try a.get(0)).scriptValue
            }
            .readOnly("configuration: MultDAE.Configuration", \MultDAE.configuration, doc: "The hyperparameters.")
            .recommenderRows(session: session) { try MultDAE.fromScript($0) }
    }
}
