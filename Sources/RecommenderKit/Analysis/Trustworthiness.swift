// Trustworthiness: Jarkko Venna and Samuel Kaski, "Neighborhood Preservation in Nonlinear
// Projection Methods: An Experimental Study", ICANN 2001; the formula and the Euclidean
// metric as scikit-learn's `sklearn.manifold.trustworthiness`.
import TensorKit

/// How well an embedding keeps local structure, in [0, 1] (1: every point's `neighbours`
/// nearest points in the embedding are also among its nearest in the original space):
/// `T = 1 − 2 / (n k (2n − 3k − 1)) Σ_i Σ_{j ∈ N_k(i) in the embedding} max(0, r(i, j) − k)`,
/// with r(i, j) the rank of j by distance from i in the original space (1 = nearest).
///
/// ```swift
/// let t = try trustworthiness(original: factors, embedding: xy, neighbours: 5)
/// ```
/// - Throws: `ModelError` if the matrices have different row counts or are not finite, or
///   `neighbours` is not below n / 2 (scikit-learn's condition).
/// - Complexity: O(n² (d + log n)).
public func trustworthiness(original x: Tensor, embedding y: Tensor, neighbours k: Int = 5) throws -> Double {
    let (n, d) = try analysisShape(x, "trustworthiness", minRows: 2)
    let (m, e) = try analysisShape(y, "trustworthiness", minRows: 2)
    guard n == m else { throw ModelError("trustworthiness", "the original has \(n) rows, the embedding \(m)") }
    guard k >= 1, Double(k) < Double(n) / 2 else {
        throw ModelError("trustworthiness", "neighbours must be in 1..<\(n)/2, got \(k)")
    }
    let a = x.scalars, b = y.scalars
    func distances(_ v: [Float], _ dims: Int, _ i: Int) -> [Double] {
        (0..<n).map { j in
            var s = 0.0
            for c in 0..<dims { let t = Double(v[i * dims + c]) - Double(v[j * dims + c]); s += t * t }
            return s
        }
    }
    var penalty = 0.0
    var rank = [Int](repeating: 0, count: n)
    for i in 0..<n {
        var original = distances(a, d, i)
        original[i] = -1     // i first (rank 0), the others 1...n-1; ties broken by index
        let order = (0..<n).sorted { original[$0] < original[$1] || (original[$0] == original[$1] && $0 < $1) }
        for (r, j) in order.enumerated() { rank[j] = r }
        let embedded = distances(b, e, i)
        let near = (0..<n).filter { $0 != i }.sorted { embedded[$0] < embedded[$1] || (embedded[$0] == embedded[$1] && $0 < $1) }
        for j in near.prefix(k) { penalty += Double(max(0, rank[j] - k)) }
    }
    let nn = Double(n), kk = Double(k)
    return 1 - penalty * 2 / (nn * kk * (2 * nn - 3 * kk - 1))
}
