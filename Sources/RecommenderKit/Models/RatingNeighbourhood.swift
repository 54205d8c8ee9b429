import TensorKit

/// The neighbourhood machinery shared by the rating kNN models, for a matrix of contexts
/// x entities: users x items for item-based kNN (entities are items, a user's ratings are
/// the context), items x users for user-based kNN (entities are users, an item's raters
/// are the context).
///
/// Each entity's ratings are centred on its mean and scaled to unit length; the cosine of
/// two centred entity vectors (the adjusted cosine / Pearson-like similarity) comes from
/// one sparse product over the contexts (cost Σ_c nnz(c)², `ItemCooccurrence`), never a
/// loop over entity pairs. The result is a dense [entities, entities] matrix, zero on the
/// diagonal: fine for MovieLens sizes, quadratic in memory beyond.
struct RatingNeighbourhood {
    /// Each entity's mean rating (0 for an entity without ratings).
    let means: [Float]
    /// The contexts x entities matrix with each rating minus its entity's mean.
    let centred: SparseMatrix
    /// Whether each entity has training ratings.
    let known: [Bool]
    /// sim(a, b) at [a * entityCount + b].
    let similarity: [Float]

    var entityCount: Int { means.count }

    init(_ matrix: SparseMatrix) throws {
        let n = matrix.columnCount
        var sums = [Double](repeating: 0, count: n), counts = [Int](repeating: 0, count: n)
        for (c, v) in zip(matrix.columnIndices, matrix.values) { sums[Int(c)] += Double(v); counts[Int(c)] += 1 }
        let means = (0..<n).map { counts[$0] > 0 ? Float(sums[$0] / Double(counts[$0])) : 0 }
        let centred = matrix.mapColumns { c, v in v - means[c] }
        var norms = [Float](repeating: 0, count: n)
        for (c, v) in zip(centred.columnIndices, centred.values) { norms[Int(c)] += v * v }
        let unit = centred.mapColumns { c, v in norms[c] > 0 ? v / norms[c].squareRoot() : 0 }
        var similarity = try ItemCooccurrence(unit).gram().scalars
        for e in 0..<n { similarity[e * n + e] = 0 }
        self.means = means
        self.centred = centred
        self.known = counts.map { $0 > 0 }
        self.similarity = similarity
    }

    /// The prediction for `entity` in `context`: the entity's mean plus the
    /// similarity-weighted mean of the centred ratings of its `k` most similar entities
    /// in the context (only similarities above `minSimilarity` count). Nil when the entity
    /// or context is unknown or fewer than `minNeighbours` neighbours qualify.
    func predict(entity e: Int, context c: Int, k: Int, minSimilarity: Float, minNeighbours: Int) -> Float? {
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
        for (s, v) in candidates.prefix(k) { weighted += s * v; total += s }
        return means[e] + weighted / total
    }
}

extension SparseMatrix {
    /// The same pattern with every stored value replaced by `transform(column, value)`.
    func mapColumns(_ transform: (Int, Float) -> Float) -> SparseMatrix {
        let values = zip(columnIndices, self.values).map { transform(Int($0), $1) }
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
