// t-SNE: Laurens van der Maaten and Geoffrey Hinton, "Visualizing Data using t-SNE", JMLR 9,
// 2008; Barnes-Hut: van der Maaten, JMLR 15, 2014. The optimisation schedule (early
// exaggeration 12 for 250 iterations at momentum 0.5, then momentum 0.8; delta-bar-delta
// gains; learning rate max(n / 12 / 4, 50); PCA initialisation scaled to std 1e-4) is
// scikit-learn's `TSNE` (1.2 and later), so results are comparable with it.
import Foundation
import TensorKit

/// t-distributed stochastic neighbour embedding of the rows of a [n, d] matrix into 2 (or
/// more) dimensions, for scatter plots of user latents or item embeddings.
///
/// Input similarities are Gaussian with a per-row bandwidth matched to `perplexity`; the
/// embedding's are Student-t with one degree of freedom; gradient descent minimises
/// KL(P || Q). Two ways to compute the gradient:
/// - `.exact`: every pair, O(n²) per iteration (P from all pairs).
/// - `.barnesHut(theta:)`: P from the ⌊3 · perplexity⌋ + 1 nearest neighbours of each row,
///   repulsion from a quadtree, O(n log n) per iteration; 2-D embeddings only.
/// `.automatic` is exact up to 1,000 rows and Barnes-Hut (θ = 0.5) beyond.
///
/// ```swift
/// let tsne = try TSNE(.init(perplexity: 30, seed: 1))
/// let xy = try tsne.embed(itemFactors) { print($0) }      // [items, 2]
/// ```
public struct TSNE: Sendable {
    /// How the gradient is computed.
    public enum Method: Sendable, Equatable {
        /// Exact up to 1,000 rows, Barnes-Hut with θ = 0.5 beyond.
        case automatic
        /// Every pair (any number of dimensions).
        case exact
        /// Quadtree approximation with the given θ (0 is exact); 2-D only.
        case barnesHut(theta: Float)
    }

    /// How the embedding starts.
    public enum Initialization: Sendable, Equatable {
        /// The first principal components, scaled so the first has standard deviation 1e-4
        /// (scikit-learn's default since 1.2).
        case pca
        /// Seeded N(0, 1e-4²) draws.
        case random
    }

    /// Hyperparameters; the defaults are scikit-learn's.
    public struct Configuration: Sendable, Equatable {
        /// The output dimension.
        public var dimensions: Int
        /// The effective number of neighbours each row's Gaussian is tuned to.
        public var perplexity: Double
        /// How much P is multiplied by during the first `explorationIterations`.
        public var earlyExaggeration: Float
        /// The step size; nil is scikit-learn's `auto`: max(n / earlyExaggeration / 4, 50).
        public var learningRate: Float?
        /// Total gradient steps (the exploration phase included).
        public var iterations: Int
        /// Steps with exaggerated P and momentum 0.5.
        public var explorationIterations: Int
        /// The gradient method.
        public var method: Method
        /// The starting embedding.
        public var initialization: Initialization
        /// Seeds the random initialisation.
        public var seed: UInt64

        /// A configuration; every argument has scikit-learn's default.
        public init(dimensions: Int = 2, perplexity: Double = 30, earlyExaggeration: Float = 12, learningRate: Float? = nil,
                    iterations: Int = 1000, explorationIterations: Int = 250, method: Method = .automatic,
                    initialization: Initialization = .pca, seed: UInt64 = 0) {
            self.dimensions = dimensions; self.perplexity = perplexity; self.earlyExaggeration = earlyExaggeration
            self.learningRate = learningRate; self.iterations = iterations; self.explorationIterations = explorationIterations
            self.method = method; self.initialization = initialization; self.seed = seed
        }
    }

    /// Where an embedding run is, reported every 50 iterations and at the end.
    public struct Progress: Sendable, CustomStringConvertible {
        /// Iterations done.
        public var iteration: Int
        /// Iterations planned.
        public var iterations: Int
        /// KL(P || Q) at this iteration (for exaggerated P during exploration; for
        /// Barnes-Hut, over the neighbour pairs with the approximated normaliser).
        public var klDivergence: Double
        /// Seconds since the run started.
        public var elapsed: Double
        /// `t-SNE iteration 250/1000, KL 2.3411 (0.8 s)`.
        public var description: String {
            "t-SNE iteration \(iteration)/\(iterations), KL \(String(format: "%.4f", klDivergence)) (\(String(format: "%.1f", elapsed)) s)"
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration

    /// A t-SNE with the given hyperparameters.
    /// - Throws: `ModelError` for a dimension below 1, a perplexity not above 0, a
    ///   non-positive learning rate or exaggeration, fewer than 1 iteration, exploration
    ///   iterations outside 0...iterations, or θ outside [0, 1].
    public init(_ configuration: Configuration = Configuration()) throws {
        let c = configuration
        guard c.dimensions >= 1 else { throw ModelError("TSNE", "dimensions must be >= 1, got \(c.dimensions)") }
        guard c.perplexity > 0, c.perplexity.isFinite else { throw ModelError("TSNE", "perplexity must be > 0, got \(c.perplexity)") }
        guard c.earlyExaggeration > 0, c.earlyExaggeration.isFinite, c.learningRate.map({ $0 > 0 && $0.isFinite }) ?? true else {
            throw ModelError("TSNE", "earlyExaggeration and learningRate must be positive")
        }
        guard c.iterations >= 1, c.explorationIterations >= 0, c.explorationIterations <= c.iterations else {
            throw ModelError("TSNE", "expected iterations >= 1 and explorationIterations in 0...iterations, got \(c.iterations) and \(c.explorationIterations)")
        }
        if case .barnesHut(let theta) = c.method {
            guard theta >= 0, theta <= 1 else { throw ModelError("TSNE", "theta must be in [0, 1], got \(theta)") }
            guard c.dimensions == 2 else { throw ModelError("TSNE", "Barnes-Hut embeds in 2 dimensions only, got \(c.dimensions); use .exact") }
        }
        self.configuration = c
    }

    /// The embedding of the rows of `x` [n, d]: [n, dimensions].
    /// - Parameters:
    ///   - progress: called every 50 iterations and after the last, on this thread.
    ///   - cancellation: checked every iteration; when cancelled, embedding stops with an error.
    /// - Throws: `ModelError` if `x` has fewer than 2 rows or a NaN or infinite value, the
    ///   perplexity is not below the row count, the run is cancelled, or it diverges.
    public func embed(_ x: Tensor, cancellation: CancellationToken? = nil,
                      progress: ((Progress) -> Void)? = nil) throws -> Tensor {
        let c = configuration
        let (n, _) = try analysisShape(x, "TSNE.embed", minRows: 2)
        guard c.perplexity < Double(n) else {
            throw ModelError("TSNE.embed", "perplexity (\(c.perplexity)) must be below the number of rows (\(n))")
        }
        let theta: Float?
        switch c.method {
        case .exact: theta = nil
        case .barnesHut(let t): theta = t
        case .automatic: theta = n > 1000 && c.dimensions == 2 ? 0.5 : nil
        }
        let neighbours = theta == nil ? n - 1 : min(n - 1, Int(3 * c.perplexity + 1))
        let p = try TSNEAffinities.compute(x, neighbours: neighbours, perplexity: c.perplexity)
        var y = try initialEmbedding(x)
        let learningRate = c.learningRate ?? max(Float(n) / c.earlyExaggeration / 4, 50)
        var optimizer = TSNEOptimizer(count: y.count, learningRate: learningRate)
        let gradient: TSNEGradient = theta.map { .barnesHut(p, theta: $0) } ?? .exact(p.dense(), dimensions: c.dimensions)
        let start = Date()
        for iteration in 1...c.iterations {
            if cancellation?.isCancelled == true {
                throw ModelError("TSNE.embed", "cancelled before iteration \(iteration) of \(c.iterations)")
            }
            let exploring = iteration <= c.explorationIterations
            let report = iteration % 50 == 0 || iteration == c.iterations
            let (grad, kl) = gradient.evaluate(y, exaggeration: exploring ? c.earlyExaggeration : 1, withKL: report && progress != nil)
            guard grad.allSatisfy(\.isFinite) else {
                throw ModelError("TSNE.embed", "the gradient became NaN or infinite in iteration \(iteration) (try a smaller learningRate)")
            }
            optimizer.step(&y, grad, momentum: exploring ? 0.5 : 0.8)
            if report {
                progress?(Progress(iteration: iteration, iterations: c.iterations, klDivergence: kl,
                                   elapsed: Date().timeIntervalSince(start)))
            }
        }
        return try Tensor(shape: [n, c.dimensions], scalars: y)
    }

    /// The starting embedding, row-major [n, dimensions].
    private func initialEmbedding(_ x: Tensor) throws -> [Float] {
        let n = x.shape[0], k = configuration.dimensions
        if configuration.initialization == .pca, x.shape[1] >= k {
            let y = try PCA(fitting: x, components: k).transform(x).scalars
            var mean = 0.0, square = 0.0
            for i in 0..<n { mean += Double(y[i * k]); square += Double(y[i * k]) * Double(y[i * k]) }
            mean /= Double(n)
            let std = (square / Double(n) - mean * mean).squareRoot()
            if std > 0 { return y.map { $0 / Float(std) * 1e-4 } }
        }
        var rng = SeededGenerator(seed: configuration.seed)
        return (0..<(n * k)).map { _ in 1e-4 * rng.nextNormal() }
    }
}

/// Gradient descent with momentum and delta-bar-delta gains (Jacobs 1988), as scikit-learn's
/// `_gradient_descent`: a gain grows by 0.2 where the gradient's sign opposes the last
/// update and shrinks by 0.8 otherwise, never below 0.01.
struct TSNEOptimizer {
    var update: [Float]
    var gains: [Float]
    let learningRate: Float

    init(count: Int, learningRate: Float) {
        update = [Float](repeating: 0, count: count)
        gains = [Float](repeating: 1, count: count)
        self.learningRate = learningRate
    }

    mutating func step(_ y: inout [Float], _ grad: [Float], momentum: Float) {
        for e in y.indices {
            gains[e] = (update[e] * grad[e] < 0) ? gains[e] + 0.2 : max(gains[e] * 0.8, 0.01)
            update[e] = momentum * update[e] - learningRate * gains[e] * grad[e]
            y[e] += update[e]
        }
    }
}
