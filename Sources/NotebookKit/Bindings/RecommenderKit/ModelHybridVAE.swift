import RecommenderKit
import ScriptKit
import TensorKit

/// HybridVAE (Mult-VAE over item embeddings) and MovieVAE (item features to embeddings),
/// each with its `Configuration`. Non-literal defaults (`.flatten`, `Configuration()`) are
/// bound as overloads with and without the parameter.
enum ModelHybridVAE {
    static func register(in registry: Registry, session: Session?) {
        registerHybridVAE(registry, session)
        registerMovieVAE(registry, session)
    }

    static func registerHybridVAE(_ registry: Registry, _ session: Session?) {
        typealias C = HybridVAE.Configuration
        registry.type("HybridVAE.Approach", doc: "How the items x d embedding block enters the encoder.")
            .equatable(HybridVAE.Approach.self)
            .staticProperty("flatten: HybridVAE.Approach", doc: "Flattened to n·d inputs.") { HybridVAE.Approach.flatten.scriptValue }
            .staticProperty("dense: HybridVAE.Approach", doc: "Reduced to n inputs by a shared Dense(d → 1).") { HybridVAE.Approach.dense.scriptValue }
        let rest = "trainEmbeddings: Bool = true, hidden: [Int] = [600], latent: Int = 200, dropout: Float = 0.5, annealCap: Float = 0.2, totalAnnealSteps: Int = 200000, learningRate: Float = 0.001, batchSize: Int = 500, epochs: Int = 200, seed: UInt64 = 98765"
        func make(_ approach: HybridVAE.Approach, _ a: Arguments, from k: Int) throws -> Value {
            C(approach: approach, trainEmbeddings: try a.get(k), hidden: try a.get(k + 1), latent: try a.get(k + 2),
              dropout: try a.get(k + 3), annealCap: try a.get(k + 4), totalAnnealSteps: try a.get(k + 5),
              learningRate: try a.get(k + 6), batchSize: try a.get(k + 7), epochs: try a.get(k + 8), seed: try a.get(k + 9)).scriptValue
        }
        registry.type("HybridVAE.Configuration", doc: "Hyperparameters; the network sizes and training defaults are Mult-VAE's.")
            .equatable(HybridVAE.Configuration.self)
            .initializer("init(\(rest))", doc: "A configuration; defaults as `MultVAE.Configuration`, flattened, trained embeddings.") { a in
                try make(C().approach, a, from: 0)
            }
            .initializer("init(approach: HybridVAE.Approach, \(rest))",
                         doc: "A configuration; defaults as `MultVAE.Configuration`, flattened, trained embeddings.") { a in
                try make(try a.get(0), a, from: 1)
            }
            .field("approach: HybridVAE.Approach", \C.approach, doc: "How the embedding block enters the encoder.")
            .field("trainEmbeddings: Bool", \C.trainEmbeddings, doc: "Whether the embeddings are trained with the network.")
            .field("hidden: [Int]", \C.hidden, doc: "Hidden layer sizes of the encoder (the decoder mirrors them).")
            .field("latent: Int", \C.latent, doc: "The size of the user code.")
            .field("dropout: Float", \C.dropout, doc: "Dropout on the clicks while training.")
            .field("annealCap: Float", \C.annealCap, doc: "The largest KL weight β.")
            .field("totalAnnealSteps: Int", \C.totalAnnealSteps, doc: "Updates over which β rises to 1 (capped at `annealCap`); 0 uses the cap at once.")
            .field("learningRate: Float", \C.learningRate, doc: "Adam's learning rate.")
            .field("batchSize: Int", \C.batchSize, doc: "Users per mini-batch.")
            .field("epochs: Int", \C.epochs, doc: "Training epochs (the best on validation is kept).")
            .field("seed: UInt64", \C.seed, doc: "Seeds the weights, the batch order, dropout and the sampling noise.")
        registry.type("HybridVAE", doc: "Mult-VAE whose encoder reads the embeddings of the clicked items instead of the click vector.")
            .referenceType().conforms(to: "Recommender")
            .initializer("init(embeddings: Tensor) throws", doc: "An unfitted model over `embeddings` [items, d], default configuration.") { a in
                try HybridVAE(embeddings: try ModelSupport.tensor(a, 0, "HybridVAE(embeddings:)")).scriptValue
            }
            .initializer("init(embeddings: Tensor, configuration: HybridVAE.Configuration) throws",
                         doc: "An unfitted model over `embeddings` [items, d] (one row per item).") { a in
                try HybridVAE(embeddings: try ModelSupport.tensor(a, 0, "HybridVAE(embeddings:configuration:)"),
                              configuration: try a.get(1)).scriptValue
            }
            .readOnly("configuration: HybridVAE.Configuration", \HybridVAE.configuration, doc: "The hyperparameters.")
            .readOnly("initialEmbeddings: Tensor", \HybridVAE.initialEmbeddings, doc: "The embedding table the model starts from, [items, d].")
            .readOnly("embeddings: Tensor", \HybridVAE.embeddings, doc: "The embedding table now (the trained one after `fit`), [items, d].")
            .method("beta(afterUpdates update: Int) -> Float", doc: "The KL weight β used for the batch after `update` optimizer steps.") { this, a in
                try HybridVAE.fromScript(this).beta(afterUpdates: try a.get(0)).scriptValue
            }
            .method("userCodes(history: SparseMatrix) throws -> Tensor", doc: "The mean user code of each history row: [rows, latent].") { this, a in
                try HybridVAE.fromScript(this).userCodes(history: try a.get(0)).scriptValue
            }
            .recommenderRows(session: session) { try HybridVAE.fromScript($0) }
    }

    static func registerMovieVAE(_ registry: Registry, _ session: Session?) {
        typealias C = MovieVAE.Configuration
        registry.type("MovieVAE.Configuration", doc: "Hyperparameters.")
            .equatable(MovieVAE.Configuration.self)
            .initializer("init(hidden: [Int] = [256], latent: Int = 3, beta: Float = 1, learningRate: Float = 0.001, batchSize: Int = 128, epochs: Int = 100, seed: UInt64 = 7)",
                         doc: "A configuration.") { a in
                C(hidden: try a.get(0), latent: try a.get(1), beta: try a.get(2), learningRate: try a.get(3),
                  batchSize: try a.get(4), epochs: try a.get(5), seed: try a.get(6)).scriptValue
            }
            .field("hidden: [Int]", \C.hidden, doc: "Hidden layer sizes of the encoder (the decoder mirrors them).")
            .field("latent: Int", \C.latent, doc: "The embedding size (the paper's 3).")
            .field("beta: Float", \C.beta, doc: "The KL weight β.")
            .field("learningRate: Float", \C.learningRate, doc: "Adam's learning rate.")
            .field("batchSize: Int", \C.batchSize, doc: "Items per mini-batch.")
            .field("epochs: Int", \C.epochs, doc: "Training epochs (the best on validation loss is kept when there is validation).")
            .field("seed: UInt64", \C.seed, doc: "Seeds the weights, the batch order and the sampling noise.")
        func fit(_ this: Value, _ a: Arguments, _ options: FitOptions) throws -> Value {
            let m = try MovieVAE.fromScript(this)
            let x = try ModelSupport.tensor(a, 0, "MovieVAE.fit")
            let v = try ModelSupport.optionalTensor(a, 1, "MovieVAE.fit")
            return try TrainingFit.run("MovieVAE", a, options: options, session: session) { o in
                try m.fit(x, validation: v, options: o)
            }
        }
        registry.type("MovieVAE", doc: "A variational autoencoder over item feature vectors; the code means are item embeddings.")
            .referenceType()
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in try MovieVAE().scriptValue }
            .initializer("init(_ configuration: MovieVAE.Configuration) throws", doc: "An unfitted model.") { a in
                try MovieVAE(try a.get(0)).scriptValue
            }
            .readOnly("configuration: MovieVAE.Configuration", \MovieVAE.configuration, doc: "The hyperparameters.")
            .readOnly("name: String", \MovieVAE.name, doc: "The model's short name, used in tables and saved files.")
            .method("fit(_ features: Tensor, validation: Tensor? = nil) throws -> TrainingHistory",
                    doc: "Trains a fresh network on the rows of `features` [items, features] in shuffled mini-batches (Adam).") { this, a in
                try fit(this, a, FitOptions())
            }
            .method("fit(_ features: Tensor, validation: Tensor? = nil, options: FitOptions) throws -> TrainingHistory",
                    doc: "Trains a fresh network on the rows of `features` [items, features] in shuffled mini-batches (Adam).") { this, a in
                try fit(this, a, try a.get(2, as: FitOptions.self))
            }
            .method("embeddings(_ features: Tensor) throws -> Tensor", doc: "The code means of the rows of `features`: [items, latent], the item embeddings.") { this, a in
                try MovieVAE.fromScript(this).embeddings(try ModelSupport.tensor(a, 0, "MovieVAE.embeddings")).scriptValue
            }
            .method("state() throws -> [String: Tensor]", doc: "The fitted weights by name.") { this, _ in
                try MovieVAE.fromScript(this).state().scriptValue
            }
            .method("restore(_ state: [String: Tensor]) throws", doc: "Restores weights written by `state()`.") { this, a in
                try MovieVAE.fromScript(this).restore(try ModelSupport.state(a, 0, "MovieVAE.restore"))
                return .void
            }
            .method("save(to url: URL) throws", doc: "Writes the weights to a safetensors file with the model's name in its metadata.") { this, a in
                try MovieVAE.fromScript(this).save(to: try ModelSupport.url(a, 0, "MovieVAE.save(to:)"))
                return .void
            }
            .method("load(from url: URL) throws", doc: "Loads weights saved by `save(to:)`.") { this, a in
                try MovieVAE.fromScript(this).load(from: try ModelSupport.url(a, 0, "MovieVAE.load(from:)"))
                return .void
            }
    }
}
