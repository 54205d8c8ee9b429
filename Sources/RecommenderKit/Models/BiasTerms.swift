import TensorKit

/// The damped bias model every rating model starts from or falls back to:
/// `b(u, i) = μ + b_i + b_u` with μ the global mean,
/// `b_i = Σ_u (r_ui − μ) / (n_i + itemDamping)` over the item's ratings and
/// `b_u = Σ_i (r_ui − μ − b_i) / (n_u + userDamping)` over the user's (LensKit's
/// `BiasModel`: items first, then users on what the items leave). Damping pulls the
/// offsets of users and items with few ratings towards 0; a user or item without
/// training ratings, or outside the fitted range, has offset 0.
struct BiasTerms {
    /// μ, the global mean rating.
    var mean: Float
    /// b_u per user.
    var user: [Float]
    /// b_i per item.
    var item: [Float]
    /// The rating scale seen in training.
    var scale: ClosedRange<Float>

    /// Offsets fitted to `table`.
    init(_ table: RatingTable, userDamping: Float, itemDamping: Float) {
        mean = table.mean
        scale = table.scale
        item = BiasTerms.offsets(table.byItem, damping: itemDamping) { _, r in r - table.mean }
        let itemOffsets = item
        user = BiasTerms.offsets(table.byUser, damping: userDamping) { i, r in r - table.mean - itemOffsets[i] }
    }

    /// Σ residual / (n + damping) for every row of `m`.
    private static func offsets(_ m: SparseMatrix, damping: Float, residual: (Int, Float) -> Float) -> [Float] {
        (0..<m.rowCount).map { r in
            let range = m.rowOffsets[r]..<m.rowOffsets[r + 1]
            guard !range.isEmpty else { return 0 }
            var sum: Float = 0
            for e in range { sum += residual(Int(m.columnIndices[e]), m.values[e]) }
            return sum / (Float(range.count) + damping)
        }
    }

    /// b_u, or 0 for a user outside the fitted range.
    func userOffset(_ u: Int) -> Float { u >= 0 && u < user.count ? user[u] : 0 }
    /// b_i, or 0 for an item outside the fitted range.
    func itemOffset(_ i: Int) -> Float { i >= 0 && i < item.count ? item[i] : 0 }

    /// μ + b_i + b_u, not clamped.
    func baseline(_ u: Int, _ i: Int) -> Float { mean + userOffset(u) + itemOffset(i) }

    /// The tensors `init(state:prefix:model:)` reads back.
    func state(prefix: String) -> [String: Tensor] {
        [prefix + "mean": Tensor([mean]), prefix + "userOffsets": Tensor(user), prefix + "itemOffsets": Tensor(item),
         prefix + "scale": Tensor([scale.lowerBound, scale.upperBound])]
    }

    /// Offsets from a state written by `state(prefix:)`.
    init(state: [String: Tensor], prefix: String, model: String) throws {
        func get(_ key: String, count: Int? = nil) throws -> [Float] {
            guard let t = state[prefix + key], t.rank == 1, count.map({ t.count == $0 }) ?? true else {
                throw ModelError("\(model).load", "the state has no vector '\(prefix + key)'\(count.map { " of length \($0)" } ?? "")")
            }
            return t.scalars
        }
        mean = try get("mean", count: 1)[0]
        user = try get("userOffsets")
        item = try get("itemOffsets")
        let s = try get("scale", count: 2)
        guard s[0] <= s[1], (s + [mean] + user + item).allSatisfy(\.isFinite) else {
            throw ModelError("\(model).load", "the saved biases are not finite or the scale \(s) is reversed")
        }
        scale = s[0]...s[1]
    }
}
