import Foundation
import RecommenderKit
import ScriptKit
import TensorKit

/// Analysis of embeddings and latents: KMeans, PCA, t-SNE (with a progress bar, and Ctrl-C
/// as its cancellation) and trustworthiness.
enum AnalysisBindings {
    static func register(in registry: Registry, session: Session?) {
        registerKMeansAndPCA(registry)
        registerTSNEOptions(registry)
        registerTSNE(registry, session)
        registry.function("trustworthiness(original x: Tensor, embedding y: Tensor, neighbours k: Int = 5) throws -> Double",
                          doc: "How well an embedding keeps local structure, in [0, 1].") { a in
            try trustworthiness(original: try ModelSupport.tensor(a, 0, "trustworthiness"),
                                embedding: try ModelSupport.tensor(a, 1, "trustworthiness"), neighbours: try a.get(2)).scriptValue
        }
    }

    static func registerKMeansAndPCA(_ registry: Registry) {
        typealias C = KMeans.Configuration
        registry.type("KMeans.Configuration", doc: "Hyperparameters; the defaults are scikit-learn's.")
            .equatable(KMeans.Configuration.self)
            .initializer("init(clusters: Int, restarts: Int = 10, maxIterations: Int = 300, tolerance: Double = 0.0001, seed: UInt64 = 0)",
                         doc: "A configuration for `clusters` clusters.") { a in
                C(clusters: try a.get(0), restarts: try a.get(1), maxIterations: try a.get(2), tolerance: try a.get(3), seed: try a.get(4)).scriptValue
            }
            .field("clusters: Int", \C.clusters, doc: "k, the number of clusters.")
            .field("restarts: Int", \C.restarts, doc: "Independent seeded runs; the lowest inertia wins.")
            .field("maxIterations: Int", \C.maxIterations, doc: "The most Lloyd iterations of one run.")
            .field("tolerance: Double", \C.tolerance, doc: "A run stops when the summed squared centre shift is at most `tolerance` x the mean column variance.")
            .field("seed: UInt64", \C.seed, doc: "Seeds the k-means++ draws of every run.")
        registry.type("KMeans", doc: "k-means clustering of the rows of a [n, d] matrix: k-means++ seeding, Lloyd iterations.")
            .initializer("init(fitting x: Tensor, configuration c: KMeans.Configuration) throws", doc: "Clusters the rows of `x` [n, d].") { a in
                try KMeans(fitting: try ModelSupport.tensor(a, 0, "KMeans(fitting:configuration:)"), configuration: try a.get(1)).scriptValue
            }
            .readOnly("centroids: Tensor", \KMeans.centroids, doc: "The cluster centres, [clusters, d].")
            .readOnly("labels: [Int]", \KMeans.labels, doc: "The cluster of each input row.")
            .readOnly("inertia: Double", \KMeans.inertia, doc: "The sum of squared distances of the rows to their centres.")
            .readOnly("iterations: Int", \KMeans.iterations, doc: "Lloyd iterations of the winning run.")
            .readOnly("restartInertias: [Double]", \KMeans.restartInertias, doc: "The inertia of every run, in run order.")
            .method("predict(_ x: Tensor) throws -> [Int]", doc: "The nearest centre of each row of `x` [m, d].") { this, a in
                try KMeans.fromScript(this).predict(try ModelSupport.tensor(a, 0, "KMeans.predict")).scriptValue
            }
        registry.type("PCA", doc: "Principal component analysis of the rows of a [n, d] matrix.")
            .initializer("init(fitting x: Tensor, components k: Int) throws", doc: "Fits `components` principal axes to the rows of `x` [n, d].") { a in
                try PCA(fitting: try ModelSupport.tensor(a, 0, "PCA(fitting:components:)"), components: try a.get(1)).scriptValue
            }
            .readOnly("components: Tensor", \PCA.components, doc: "The principal axes as rows, [components, d], each of unit length.")
            .readOnly("mean: [Float]", \PCA.mean, doc: "The mean of each input column, subtracted before projecting.")
            .readOnly("explainedVariance: [Float]", \PCA.explainedVariance, doc: "The variance along each component (the covariance eigenvalues, n − 1 denominator).")
            .readOnly("explainedVarianceRatio: [Float]", \PCA.explainedVarianceRatio, doc: "Each component's share of the total variance.")
            .method("transform(_ x: Tensor) throws -> Tensor", doc: "The coordinates of the rows of `x` [m, d] on the components: [m, components].") { this, a in
                try PCA.fromScript(this).transform(try ModelSupport.tensor(a, 0, "PCA.transform")).scriptValue
            }
    }

    static func registerTSNEOptions(_ registry: Registry) {
        registry.type("TSNE.Method", doc: "How the gradient is computed.")
            .equatable(TSNE.Method.self)
            .staticProperty("automatic: TSNE.Method", doc: "Exact up to 1,000 rows, Barnes-Hut with θ = 0.5 beyond.") { TSNE.Method.automatic.scriptValue }
            .staticProperty("exact: TSNE.Method", doc: "Every pair (any number of dimensions).") { TSNE.Method.exact.scriptValue }
            .staticMethod("barnesHut(theta: Float) -> TSNE.Method", doc: "Quadtree approximation with the given θ (0 is exact); 2-D only.") { a in
                TSNE.Method.barnesHut(theta: try a.get(0)).scriptValue
            }
        registry.type("TSNE.Initialization", doc: "How the embedding starts.")
            .equatable(TSNE.Initialization.self)
            .staticProperty("pca: TSNE.Initialization", doc: "The first principal components, scaled to standard deviation 1e-4.") {
                TSNE.Initialization.pca.scriptValue
            }
            .staticProperty("random: TSNE.Initialization", doc: "Seeded N(0, 1e-4²) draws.") { TSNE.Initialization.random.scriptValue }
        typealias C = TSNE.Configuration
        // `method = .automatic` and `initialization = .pca` are not literals: one row for each
        // combination of giving them or not.
        let head = "dimensions: Int = 2, perplexity: Double = 30, earlyExaggeration: Float = 12, learningRate: Float? = nil, iterations: Int = 1000, explorationIterations: Int = 250"
        let doc = "A configuration; every argument has scikit-learn's default."
        func make(_ a: Arguments, method: TSNE.Method?, initialization: TSNE.Initialization?, seedAt k: Int) throws -> Value {
            let d = C()
            return C(dimensions: try a.get(0), perplexity: try a.get(1), earlyExaggeration: try a.get(2), learningRate: try a.get(3),
                     iterations: try a.get(4), explorationIterations: try a.get(5), method: method ?? d.method,
                     initialization: initialization ?? d.initialization, seed: try a.get(k)).scriptValue
        }
        registry.type("TSNE.Configuration", doc: "Hyperparameters; the defaults are scikit-learn's.")
            .equatable(TSNE.Configuration.self)
            .initializer("init(\(head), seed: UInt64 = 0)", doc: doc) { a in
                try make(a, method: nil, initialization: nil, seedAt: 6)
            }
            .initializer("init(\(head), method: TSNE.Method, seed: UInt64 = 0)", doc: doc) { a in
                try make(a, method: try a.get(6), initialization: nil, seedAt: 7)
            }
            .initializer("init(\(head), initialization: TSNE.Initialization, seed: UInt64 = 0)", doc: doc) { a in
                try make(a, method: nil, initialization: try a.get(6), seedAt: 7)
            }
            .initializer("init(\(head), method: TSNE.Method, initialization: TSNE.Initialization, seed: UInt64 = 0)", doc: doc) { a in
                try make(a, method: try a.get(6), initialization: try a.get(7), seedAt: 8)
            }
            .field("dimensions: Int", \C.dimensions, doc: "The output dimension.")
            .field("perplexity: Double", \C.perplexity, doc: "The effective number of neighbours each row's Gaussian is tuned to.")
            .field("earlyExaggeration: Float", \C.earlyExaggeration, doc: "How much P is multiplied by during the first `explorationIterations`.")
            .field("learningRate: Float?", \C.learningRate, doc: "The step size; nil is scikit-learn's `auto`.")
            .field("iterations: Int", \C.iterations, doc: "Total gradient steps (the exploration phase included).")
            .field("explorationIterations: Int", \C.explorationIterations, doc: "Steps with exaggerated P and momentum 0.5.")
            .field("method: TSNE.Method", \C.method, doc: "The gradient method.")
            .field("initialization: TSNE.Initialization", \C.initialization, doc: "The starting embedding.")
            .field("seed: UInt64", \C.seed, doc: "Seeds the random initialisation.")
        typealias P = TSNE.Progress
        registry.type("TSNE.Progress", doc: "Where an embedding run is, reported every 50 iterations and at the end.")
            .field("iteration: Int", \P.iteration, doc: "Iterations done.")
            .field("iterations: Int", \P.iterations, doc: "Iterations planned.")
            .field("klDivergence: Double", \P.klDivergence, doc: "KL(P || Q) at this iteration.")
            .field("elapsed: Double", \P.elapsed, doc: "Seconds since the run started.")
            .readOnly("description: String", \P.description, doc: "`t-SNE iteration 250/1000, KL 2.3411 (0.8 s)`.")
    }

    static func registerTSNE(_ registry: Registry, _ session: Session?) {
        // `embed` runs with a progress bar; Ctrl-C cancels it (it then throws, as cancelled
        // embeddings do in Swift). A script's own token and callback keep working.
        func embed(_ this: Value, _ a: Arguments) throws -> Value {
            let t = try TSNE.fromScript(this)
            let x = try ModelSupport.tensor(a, 0, "TSNE.embed")
            let scriptToken = try a.get(1, as: CancellationToken?.self)
            let scriptProgress = a.optional(2)
            let token = CancellationToken()
            if scriptToken?.isCancelled == true || a.interruptRequested { token.cancel() }
            let reporter = session?.progress("t-SNE", total: t.configuration.iterations, unit: "iteration")
            let start = Date()
            var callbackError: Error?
            let y: Tensor
            do {
                y = try t.embed(x, cancellation: token) { p in
                    // A pending interrupt is left standing: calling a script closure would consume it.
                    if let scriptProgress, !a.interruptRequested, callbackError == nil {
                        do { _ = try a.call(scriptProgress, [p.scriptValue]) } catch { callbackError = error; token.cancel() }
                    }
                    if scriptToken?.isCancelled == true || a.interruptRequested { token.cancel() }
                    reporter?.update(completed: p.iteration, detail: String(format: "KL %.4f", p.klDivergence))
                }
            } catch {
                reporter?.finish(summary: "stopped: \(error)")
                throw callbackError ?? error
            }
            reporter?.finish(summary: String(format: "%d iterations in %.1f s", t.configuration.iterations, Date().timeIntervalSince(start)))
            return y.scriptValue
        }
        registry.type("TSNE", doc: "t-distributed stochastic neighbour embedding of the rows of a [n, d] matrix, for scatter plots.")
            .initializer("init() throws", doc: "A t-SNE with scikit-learn's defaults.") { _ in try TSNE().scriptValue }
            .initializer("init(_ configuration: TSNE.Configuration) throws", doc: "A t-SNE with the given hyperparameters.") { a in
                try TSNE(try a.get(0)).scriptValue
            }
            .readOnly("configuration: TSNE.Configuration", \TSNE.configuration, doc: "The hyperparameters.")
            .method("embed(_ x: Tensor, cancellation: CancellationToken? = nil, progress: ((TSNE.Progress) -> Void)? = nil) throws -> Tensor",
                    doc: "The embedding of the rows of `x` [n, d]: [n, dimensions].") { this, a in
                try embed(this, a)
            }
    }
}
