#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SplitMix64: a tiny seeded generator so the gallery data is the same on every run.
struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return sqrt(-2 * log(u)) * cos(2 * Double.pi * v)
    }
}

/// The data behind the gallery figures, shaped like the course reports' (MovieLens 100K).
///
/// It is synthetic and seeded; `plotkit-bench` writes it as JSON so matplotlib draws the same numbers.
public struct GalleryData: Codable {
    public var metricGroups: [String]
    public var models: [String]
    /// `metrics[group][model]`.
    public var metrics: [[Double]]
    /// A 943 x 1682 user-item rating matrix (0 = unrated, else 1...5).
    public var ratings: [[Double]]
    /// Every non-zero rating, for the histogram.
    public var ratingValues: [Double]
    public var epochs: [Double]
    public var curveNames: [String]
    public var curveMean: [[Double]]
    public var curveStd: [[Double]]
    public var genres: [String]
    public var genreCounts: [Double]
    public var clusterX: [Double]
    public var clusterY: [Double]
    public var clusterLabels: [String]
    public var recallK: [Double]
    public var recallMean: [[Double]]
    public var recallStd: [[Double]]
    public var topMovies: [String]
    public var topCounts: [Double]
    /// Ratings per item, most rated first (items with at least one rating).
    public var popularity: [Double]
    public var similarityUsers: [String]
    public var similarity: [[Double]]

    /// Builds the data from `seed`.
    public init(seed: UInt64 = 98765) {
        var rng = SplitMix(seed: seed)
        metricGroups = ["RMSE", "MAE", "Precision@10", "Recall@10", "F1"]
        models = ["User-CF", "Knowledge-based", "VAE", "Hybrid (α = 0.6)"]
        metrics = [[1.02, 1.09, 0.94, 0.92], [0.81, 0.88, 0.74, 0.72], [0.31, 0.18, 0.36, 0.39],
                   [0.21, 0.12, 0.25, 0.27], [0.25, 0.14, 0.30, 0.32]]
        let users = 943, items = 1682
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: items), count: users)
        var values: [Double] = []
        var counts = [Double](repeating: 0, count: items)
        for u in 0..<users {
            let activity = min(600, Int(20 + exp(3.6 + rng.normal() * 0.9)))
            let bias = rng.normal() * 0.5
            for _ in 0..<activity {
                let i = min(items - 1, Int(Double(items) * pow(rng.uniform(), 2.2)))
                if matrix[u][i] != 0 { continue }
                let r = min(5, max(1, (3.55 + bias + rng.normal() * 0.95).rounded()))
                matrix[u][i] = r
                values.append(r)
                counts[i] += 1
            }
        }
        ratings = matrix
        ratingValues = values
        popularity = counts.filter { $0 > 0 }.sorted(by: >)
        epochs = (1...100).map(Double.init)
        curveNames = ["Mult-VAE", "Mult-DAE"]
        func curve(_ top: Double) -> [Double] {
            (1...100).map { (e: Int) -> Double in
                let t = Double(e)
                return top * (1 - exp(-t / 14)) - 0.0004 * max(0, t - 60)
            }
        }
        func spread(_ s: Double) -> [Double] {
            (1...100).map { (e: Int) -> Double in s * (1 + 2 * exp(-Double(e) / 20)) }
        }
        curveMean = [curve(0.43), curve(0.40)]
        curveStd = [spread(0.012), spread(0.018)]
        genres = ["Drama", "Comedy", "Action", "Thriller", "Romance", "Adventure", "Children's", "Crime",
                  "Sci-Fi", "Horror", "War", "Mystery", "Musical", "Documentary", "Animation", "Western",
                  "Film-Noir", "Fantasy"]
        genreCounts = [725, 505, 251, 251, 247, 135, 122, 109, 101, 92, 71, 61, 56, 50, 42, 27, 24, 22]
        var cx: [Double] = [], cy: [Double] = [], cl: [String] = []
        for c in 0..<10 {
            let angle = Double(c) / 10 * 2 * Double.pi
            let mx = cos(angle) * 28 + rng.normal() * 4, my = sin(angle) * 22 + rng.normal() * 4
            for _ in 0..<100 {
                cx.append(mx + rng.normal() * 4.5); cy.append(my + rng.normal() * 4.5); cl.append("Cluster \(c)")
            }
        }
        clusterX = cx; clusterY = cy; clusterLabels = cl
        recallK = [5, 10, 20, 50, 100]
        recallMean = [[0.12, 0.19, 0.28, 0.44, 0.57], [0.10, 0.16, 0.24, 0.39, 0.52]]
        recallStd = [[0.010, 0.012, 0.015, 0.016, 0.014], [0.014, 0.016, 0.020, 0.021, 0.019]]
        topMovies = ["Star Wars (1977)", "Contact (1997)", "Fargo (1996)", "Return of the Jedi (1983)",
                     "Liar Liar (1997)", "English Patient, The (1996)", "Scream (1996)", "Toy Story (1995)",
                     "Air Force One (1997)", "Independence Day (ID4) (1996)"]
        topCounts = [583, 509, 508, 507, 485, 481, 478, 452, 431, 429]
        similarityUsers = (1...12).map { "user \($0)" }
        var sim = [[Double]](repeating: [Double](repeating: 0, count: 12), count: 12)
        let factors = (0..<12).map { _ in (0..<4).map { _ in rng.normal() } }
        for a in 0..<12 {
            for b in 0..<12 {
                let dot = zip(factors[a], factors[b]).map(*).reduce(0, +)
                let na = sqrt(factors[a].map { $0 * $0 }.reduce(0, +)), nb = sqrt(factors[b].map { $0 * $0 }.reduce(0, +))
                sim[a][b] = (dot / (na * nb) * 100).rounded() / 100
            }
        }
        similarity = sim
    }
}
