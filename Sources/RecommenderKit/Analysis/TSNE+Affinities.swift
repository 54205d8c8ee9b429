import Foundation
import TensorKit

/// The joint probabilities P of t-SNE in compressed sparse rows: symmetric, summing to 1.
struct TSNEAffinities {
    var offsets: [Int]
    var columns: [Int32]
    var values: [Float]

    var count: Int { offsets.count - 1 }

    /// P from the rows of `x` [n, d]: for every row its `neighbours` nearest rows (all
    /// others when `neighbours` is n − 1) by squared Euclidean distance, the conditional
    /// p(j|i) = exp(−β_i d_ij) / Σ exp(−β_i d_ik) with β_i found by bisection so that the
    /// entropy matches ln(perplexity) (scikit-learn's `_binary_search_perplexity`, 100
    /// steps, tolerance 1e-5), then `P = (P_cond + P_condᵀ) / Σ`, each entry at least
    /// `floor`.
    static func compute(_ x: Tensor, neighbours k: Int, perplexity: Double) throws -> TSNEAffinities {
        let n = x.shape[0], d = x.shape[1]
        let norms: [Float] = x.withUnsafeBufferPointer { p in
            (0..<n).map { i in var s: Float = 0; for j in 0..<d { s += p[i * d + j] * p[i * d + j] }; return s }
        }
        var neighbourLists = [[(Int32, Float)]](repeating: [], count: n)
        let block = 256
        for start in stride(from: 0, to: n, by: block) {
            let end = min(n, start + block)
            let rows = try Tensor(shape: [end - start, d], scalars: Array(x.scalars[(start * d)..<(end * d)]))
            let dots = try rows.matmul(x, transposeOther: true).scalars
            let lists: [[(Int32, Float)]] = (start..<end).map { i in
                var row = [(Int32, Float)]()
                row.reserveCapacity(n - 1)
                let base = (i - start) * n
                for j in 0..<n where j != i {
                    row.append((Int32(j), max(norms[i] + norms[j] - 2 * dots[base + j], 0)))
                }
                if k < n - 1 {
                    row.sort { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
                    row.removeSubrange(k...)
                }
                return row
            }
            for (o, l) in lists.enumerated() { neighbourLists[start + o] = l }
        }
        // Conditional probabilities, row by row.
        let target = log(perplexity)
        var conditional = [[Float]](repeating: [], count: n)
        for i in 0..<n {
            let distances = neighbourLists[i].map { Double($0.1) }
            conditional[i] = conditionalRow(distances, entropy: target).map(Float.init)
        }
        // Symmetrise: each p(j|i) lands at (i, j) and (j, i); duplicates are summed.
        var rows = [[(Int32, Float)]](repeating: [], count: n)
        var total = 0.0
        for i in 0..<n {
            for (e, (j, _)) in neighbourLists[i].enumerated() {
                let p = conditional[i][e]
                rows[i].append((j, p)); rows[Int(j)].append((Int32(i), p)); total += 2 * Double(p)
            }
        }
        var offsets = [0], columns = [Int32](), values = [Float]()
        let scale = Float(1 / max(total, Double.leastNormalMagnitude))
        for var r in rows {
            r.sort { $0.0 < $1.0 }
            var e = 0
            while e < r.count {
                var v = r[e].1, f = e + 1
                while f < r.count, r[f].0 == r[e].0 { v += r[f].1; f += 1 }
                columns.append(r[e].0); values.append(max(v * scale, floor))
                e = f
            }
            offsets.append(columns.count)
        }
        return TSNEAffinities(offsets: offsets, columns: columns, values: values)
    }

    /// The least value of an entry of P: scikit-learn's `MACHINE_EPSILON`, the machine epsilon
    /// of Double (2.2e-16). Float's own epsilon (1.2e-7) is far too large for the exact
    /// method's dense P: over the n(n − 1) pairs of 943 rows the floors add up to 0.11, which
    /// early exaggeration (×12) turns into an all-pairs attraction stronger than the whole
    /// repulsion, and the map contracted into a small blob it never left.
    static let floor = Float(Double.ulpOfOne)

    /// p(j|i) for the squared distances of one row, with the precision β found by bisection
    /// so that the row's Shannon entropy (natural log) is `entropy`.
    static func conditionalRow(_ distances: [Double], entropy target: Double) -> [Double] {
        var beta = 1.0, low = -Double.infinity, high = Double.infinity
        var p = [Double](repeating: 0, count: distances.count)
        for _ in 0..<100 {
            var sum = 0.0
            for (e, dist) in distances.enumerated() { p[e] = exp(-dist * beta); sum += p[e] }
            if sum == 0 { sum = 1e-8 }
            var weighted = 0.0
            for e in p.indices { p[e] /= sum; weighted += distances[e] * p[e] }
            let entropy = log(sum) + beta * weighted
            let difference = entropy - target
            if abs(difference) <= 1e-5 { break }
            if difference > 0 {
                low = beta
                beta = high == .infinity ? beta * 2 : (beta + high) / 2
            } else {
                high = beta
                beta = low == -.infinity ? beta / 2 : (beta + low) / 2
            }
        }
        return p
    }

    /// The dense [n, n] matrix (for the exact gradient).
    func dense() -> [Float] {
        let n = count
        var m = [Float](repeating: 0, count: n * n)
        for i in 0..<n { for e in offsets[i]..<offsets[i + 1] { m[i * n + Int(columns[e])] = values[e] } }
        return m
    }
}
