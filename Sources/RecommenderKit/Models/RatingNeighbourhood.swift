import Foundation
import Dispatch
import TensorKit

/// The neighbourhood machinery shared by the rating kNN models, for a matrix of contexts
/// x entities: users x items for item-based kNN (entities are items, a user's ratings are
/// the context), items x users for user-based kNN (entities are users, an item's raters
/// are the context).
///
/// Each rating is centred (on its entity's mean, or on the bias baseline of its pair), each
/// entity's centred vector scaled to unit length, and the cosine of two entities (the
/// adjusted cosine) comes from one sparse product over the contexts (cost Σ_c nnz(c)²,
/// `ItemCooccurrence`), never a loop over entity pairs. The result is a dense
/// [entities, entities] matrix, zero on the diagonal: fine for MovieLens sizes, quadratic in
/// memory beyond. With `coRatedNorms` or a `shrinkage`, the same pass over the contexts also
/// sums, per pair, the squares on the co-rated contexts and their count (four accumulators
/// instead of one).
struct RatingNeighbourhood {
    /// The contexts x entities matrix of centred ratings.
    let centred: SparseMatrix
    /// Whether each entity has training ratings.
    let known: [Bool]
    /// sim(a, b) at [a * entityCount + b].
    let similarity: [Float]

    var entityCount: Int { known.count }

    /// The neighbourhood of `matrix` with every rating minus `centre(context, entity)`; the
    /// norms over co-rated contexts only when `coRatedNorms`, and every similarity times
    /// (n − 1) / (n − 1 + shrinkage) for n co-rated contexts when `shrinkage` > 0.
    init(_ matrix: SparseMatrix, coRatedNorms: Bool = false, shrinkage: Float = 0, centre: (Int, Int) -> Float) throws {
        let n = matrix.columnCount
        let centred = matrix.mapEntries { c, e, v in v - centre(c, e) }
        var norms = [Float](repeating: 0, count: n), known = [Bool](repeating: false, count: n)
        for (e, v) in zip(centred.columnIndices, centred.values) { norms[Int(e)] += v * v; known[Int(e)] = true }
        var similarity: [Float]
        if coRatedNorms || shrinkage > 0 {
            similarity = RatingNeighbourhood.supportSimilarity(centred, norms: coRatedNorms ? nil : norms, shrinkage: shrinkage)
        } else {
            let unit = centred.mapEntries { _, e, v in norms[e] > 0 ? v / norms[e].squareRoot() : 0 }
            similarity = try ItemCooccurrence(unit).gram().scalars
        }
        for e in 0..<n { similarity[e * n + e] = 0 }
        self.centred = centred
        self.known = known
        self.similarity = similarity
    }

    /// The similarity-weighted mean (Σ sim · r / Σ |sim|) of the centred ratings, in `context`, of the `k`
    /// entities most similar to `entity` (only similarities above `minSimilarity` count).
    /// Nil when the entity or context is unknown or fewer than `minNeighbours` qualify.
    func deviation(entity e: Int, context c: Int, k: Int, minSimilarity: Float, minNeighbours: Int) -> Float? {
        guard e >= 0, e < entityCount, known[e], c >= 0, c < centred.rowCount else { return nil }
        let n = entityCount
        var candidates: [(sim: Float, value: Float)] = []
        for x in centred.rowOffsets[c]..<centred.rowOffsets[c + 1] {
            let s = similarity[e * n + Int(centred.columnIndices[x])]
            if s > minSimilarity { candidates.append((s, centred.values[x])) }
        }
        guard candidates.count >= max(minNeighbours, 1) else { return nil }
        if candidates.count > k { candidates.sort { $0.sim > $1.sim } }
        var weighted: Float = 0, total: Float = 0
        for (s, v) in candidates.prefix(k) { weighted += s * v; total += abs(s) }
        return weighted / total
    }

    /// sim(a, b) = Σ_c x_ca x_cb / √(Σ_c x_ca² Σ_c x_cb²) over the contexts c that hold both
    /// a and b (or over all of each entity's contexts when `norms`, the squared column norms,
    /// are given), times (n − 1) / (n − 1 + shrinkage) with n the number of such contexts
    /// when shrinkage > 0. One sparse pass per entity row (cost Σ_c nnz(c)²), in parallel.
    static func supportSimilarity(_ x: SparseMatrix, norms: [Float]?, shrinkage: Float) -> [Float] {
        let n = x.columnCount
        var similarity = [Float](repeating: 0, count: n * n)
        guard n > 0 else { return similarity }
        let byEntity = x.transposed()
        let chunks = min(n, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        similarity.withUnsafeMutableBufferPointer { out in
            let out = out
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                // dot, Σ x_a², Σ x_b² and the count over co-rated contexts, per b.
                let acc = UnsafeMutablePointer<Float>.allocate(capacity: 4 * n)
                defer { acc.deallocate() }
                for a in (n * chunk / chunks)..<(n * (chunk + 1) / chunks) {
                    acc.initialize(repeating: 0, count: 4 * n)
                    for e in byEntity.rowOffsets[a]..<byEntity.rowOffsets[a + 1] {
                        let c = Int(byEntity.columnIndices[e]), xa = byEntity.values[e]
                        for f in x.rowOffsets[c]..<x.rowOffsets[c + 1] {
                            let b = Int(x.columnIndices[f]), xb = x.values[f]
                            acc[4 * b] += xa * xb; acc[4 * b + 1] += xa * xa; acc[4 * b + 2] += xb * xb; acc[4 * b + 3] += 1
                        }
                    }
                    for b in 0..<n where acc[4 * b + 3] > 0 {
                        let denominator = norms.map { ($0[a] * $0[b]).squareRoot() } ?? (acc[4 * b + 1] * acc[4 * b + 2]).squareRoot()
                        guard denominator > 0 else { continue }
                        let support = acc[4 * b + 3] - 1
                        let shrink = shrinkage > 0 ? support / (support + shrinkage) : 1
                        out[a * n + b] = acc[4 * b] / denominator * shrink
                    }
                }
            }
        }
        return similarity
    }

    /// The mean of every column of `m` (0 for an empty column).
    static func columnMeans(_ m: SparseMatrix) -> [Float] {
        var sums = [Double](repeating: 0, count: m.columnCount), counts = [Int](repeating: 0, count: m.columnCount)
        for (c, v) in zip(m.columnIndices, m.values) { sums[Int(c)] += Double(v); counts[Int(c)] += 1 }
        return (0..<m.columnCount).map { counts[$0] > 0 ? Float(sums[$0] / Double(counts[$0])) : 0 }
    }
}

extension SparseMatrix {
    /// The same pattern with every stored value replaced by `transform(row, column, value)`.
    func mapEntries(_ transform: (Int, Int, Float) -> Float) -> SparseMatrix {
        var values = self.values
        for r in 0..<rowCount {
            for e in rowOffsets[r]..<rowOffsets[r + 1] { values[e] = transform(r, Int(columnIndices[e]), values[e]) }
        }
        return try! SparseMatrix(rowCount: rowCount, columnCount: columnCount, rowOffsets: rowOffsets,
                                 columnIndices: columnIndices, values: values)
    }
}

extension RatingNeighbourhood {
    /// sim(a, b), or 0 when either is outside the fitted range.
    func similarity(_ a: Int, _ b: Int) -> Float {
        let n = entityCount
        guard a >= 0, a < n, b >= 0, b < n else { return 0 }
        return similarity[a * n + b]
    }
}
