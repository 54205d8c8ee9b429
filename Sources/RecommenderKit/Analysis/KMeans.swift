// k-means: Stuart P. Lloyd, "Least Squares Quantization in PCM", IEEE Trans. Inf. Theory
// 1982; k-means++ seeding: David Arthur and Sergei Vassilvitskii, "k-means++: The
// Advantages of Careful Seeding", SODA 2007 (the greedy variant with 2 + ln k local trials
// per centre, as scikit-learn's `_kmeans_plusplus`).
import Foundation
import TensorKit

/// k-means clustering of the rows of a [n, d] matrix: greedy k-means++ seeding, Lloyd
/// iterations until the centres move less than `tolerance` (relative to the data's mean
/// column variance, as scikit-learn's `tol`) or no label changes, and `restarts`
/// independent runs of which the one with the lowest inertia (the sum of squared
/// distances of points to their centre) is kept. A cluster that loses every point is
/// re-seeded with the point farthest from its centre. Seeded: the same input and seed
/// give the same clustering.
///
/// ```swift
/// let km = try KMeans(fitting: userLatents, configuration: .init(clusters: 10))
/// km.labels        // one cluster per row
/// km.inertia
/// ```
public struct KMeans {
    /// Hyperparameters; the defaults are scikit-learn's (`n_init` 10, `max_iter` 300, `tol` 1e-4).
    public struct Configuration: Sendable, Equatable {
        /// k, the number of clusters.
        public var clusters: Int
        /// Independent seeded runs; the lowest inertia wins.
        public var restarts: Int
        /// The most Lloyd iterations of one run.
        public var maxIterations: Int
        /// A run stops when the squared centre shift, summed over centres, is at most
        /// `tolerance` x the mean column variance of the data.
        public var tolerance: Double
        /// Seeds the k-means++ draws of every run.
        public var seed: UInt64

        /// A configuration; every argument but `clusters` has scikit-learn's default.
        public init(clusters: Int, restarts: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4, seed: UInt64 = 0) {
            self.clusters = clusters; self.restarts = restarts; self.maxIterations = maxIterations
            self.tolerance = tolerance; self.seed = seed
        }
    }

    /// The cluster centres, [clusters, d].
    public let centroids: Tensor
    /// The cluster of each input row.
    public let labels: [Int]
    /// The sum of squared distances of the rows to their centres.
    public let inertia: Double
    /// Lloyd iterations of the winning run.
    public let iterations: Int
    /// The inertia of every run, in run order.
    public let restartInertias: [Double]

    /// Clusters the rows of `x` [n, d].
    /// - Throws: `ModelError` if `x` is not a finite [n, d] matrix, `clusters` is outside
    ///   1...n, or `restarts` or `maxIterations` is below 1 or `tolerance` negative.
    /// - Complexity: O(restarts · iterations · n · k · d).
    public init(fitting x: Tensor, configuration c: Configuration) throws {
        let (n, d) = try analysisShape(x, "KMeans", minRows: 1)
        guard c.clusters >= 1, c.clusters <= n else {
            throw ModelError("KMeans", "clusters must be in 1...\(n) (the number of rows), got \(c.clusters)")
        }
        guard c.restarts >= 1, c.maxIterations >= 1, c.tolerance >= 0, c.tolerance.isFinite else {
            throw ModelError("KMeans", "expected restarts >= 1, maxIterations >= 1 and tolerance >= 0, got \(c.restarts), \(c.maxIterations), \(c.tolerance)")
        }
        let points = x.scalars.map(Double.init)
        let means = columnMeans(x, n, d).map(Double.init)
        var variance = 0.0
        for i in 0..<n { for j in 0..<d { let v = points[i * d + j] - means[j]; variance += v * v } }
        let shiftLimit = c.tolerance * variance / Double(n * d)
        var rng = SeededGenerator(seed: c.seed)
        var best: KMeansRun?
        var inertias: [Double] = []
        for _ in 0..<c.restarts {
            var run = KMeansRun(points: points, n: n, d: d, centres: kMeansPlusPlus(points, n, d, c.clusters, &rng))
            run.iterate(maxIterations: c.maxIterations, shiftLimit: shiftLimit)
            inertias.append(run.inertia)
            if best.map({ run.inertia < $0.inertia }) ?? true { best = run }
        }
        let winner = best!
        centroids = try Tensor(shape: [c.clusters, d], scalars: winner.centres.map(Float.init))
        labels = winner.labels
        inertia = winner.inertia
        iterations = winner.iterations
        restartInertias = inertias
    }

    /// The nearest centre of each row of `x` [m, d].
    /// - Throws: `ModelError` if `x` does not have the fitted column count or is not finite.
    public func predict(_ x: Tensor) throws -> [Int] {
        let (m, d) = try analysisShape(x, "KMeans.predict", minRows: 1)
        guard d == centroids.shape[1] else {
            throw ModelError("KMeans.predict", "expected \(centroids.shape[1]) columns, got \(d)")
        }
        let points = x.scalars.map(Double.init), centres = centroids.scalars.map(Double.init)
        return (0..<m).map { nearest(points, $0, centres, centroids.shape[0], d).index }
    }
}

/// The index of and squared distance to the centre nearest to point `i`.
func nearest(_ points: [Double], _ i: Int, _ centres: [Double], _ k: Int, _ d: Int) -> (index: Int, distance: Double) {
    var best = 0, bestDistance = Double.infinity
    for c in 0..<k {
        var s = 0.0
        for j in 0..<d { let v = points[i * d + j] - centres[c * d + j]; s += v * v }
        if s < bestDistance { bestDistance = s; best = c }
    }
    return (best, bestDistance)
}

/// Greedy k-means++: the first centre uniformly at random; each next one the best (lowest
/// resulting potential) of 2 + ⌊ln k⌋ candidates drawn with probability proportional to the
/// squared distance to the nearest centre so far. Returns the centres, row-major [k, d].
func kMeansPlusPlus(_ points: [Double], _ n: Int, _ d: Int, _ k: Int, _ rng: inout SeededGenerator) -> [Double] {
    func squaredDistance(_ a: Int, _ b: Int) -> Double {
        var s = 0.0
        for j in 0..<d { let v = points[a * d + j] - points[b * d + j]; s += v * v }
        return s
    }
    var chosen = [Int(rng.next() % UInt64(n))]
    var closest = (0..<n).map { squaredDistance($0, chosen[0]) }
    let trials = 2 + Int(log(Double(k)))
    while chosen.count < k {
        let potential = closest.reduce(0, +)
        var bestCandidate = -1, bestPotential = Double.infinity, bestClosest: [Double] = []
        for _ in 0..<trials {
            var candidate: Int
            if potential > 0 {
                var target = rng.nextDouble() * potential
                candidate = n - 1
                for i in 0..<n { target -= closest[i]; if target < 0 { candidate = i; break } }
            } else {
                candidate = Int(rng.next() % UInt64(n))     // every point sits on a centre
            }
            let updated = (0..<n).map { min(closest[$0], squaredDistance($0, candidate)) }
            let p = updated.reduce(0, +)
            if p < bestPotential { bestPotential = p; bestCandidate = candidate; bestClosest = updated }
        }
        chosen.append(bestCandidate)
        closest = bestClosest
    }
    return chosen.flatMap { points[($0 * d)..<(($0 + 1) * d)] }
}

/// One Lloyd run from given centres.
struct KMeansRun {
    let points: [Double]
    let n: Int, d: Int
    var centres: [Double]
    var labels: [Int]
    var inertia = Double.infinity
    var iterations = 0

    init(points: [Double], n: Int, d: Int, centres: [Double]) {
        self.points = points; self.n = n; self.d = d; self.centres = centres
        labels = [Int](repeating: -1, count: n)
    }

    var k: Int { centres.count / d }

    /// Assigns every point to its nearest centre; returns whether any label changed and
    /// the squared distances.
    mutating func assign() -> (changed: Bool, distances: [Double]) {
        var changed = false
        var distances = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let (c, s) = nearest(points, i, centres, k, d)
            if labels[i] != c { labels[i] = c; changed = true }
            distances[i] = s
        }
        inertia = distances.reduce(0, +)
        return (changed, distances)
    }

    /// Lloyd iterations until no label changes, the centres move less than `shiftLimit`,
    /// or `maxIterations`; ends with labels and inertia matching the final centres.
    mutating func iterate(maxIterations: Int, shiftLimit: Double) {
        var (_, distances) = assign()
        for iteration in 1...maxIterations {
            iterations = iteration
            var sums = [Double](repeating: 0, count: k * d), counts = [Int](repeating: 0, count: k)
            for i in 0..<n {
                counts[labels[i]] += 1
                for j in 0..<d { sums[labels[i] * d + j] += points[i * d + j] }
            }
            var moved = centres
            for c in 0..<k where counts[c] > 0 {
                for j in 0..<d { moved[c * d + j] = sums[c * d + j] / Double(counts[c]) }
            }
            // An empty cluster takes the point farthest from its own centre.
            var far = distances
            for c in 0..<k where counts[c] == 0 {
                let i = far.indices.max { far[$0] < far[$1] }!
                for j in 0..<d { moved[c * d + j] = points[i * d + j] }
                far[i] = -1
            }
            var shift = 0.0
            for e in 0..<centres.count { let v = moved[e] - centres[e]; shift += v * v }
            centres = moved
            let (changed, newDistances) = assign()
            distances = newDistances
            if !changed || shift <= shiftLimit { break }
        }
    }
}
