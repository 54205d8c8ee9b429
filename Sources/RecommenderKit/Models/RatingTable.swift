import TensorKit

/// The training ratings of a rating model in the two layouts its fitting needs: by user
/// ([users, items] CSR) and by item ([items, users] CSR), with the global mean and the
/// rating scale. A repeated (user, item) pair keeps its last rating.
struct RatingTable {
    /// Ratings by user: row u holds u's items and ratings.
    let byUser: SparseMatrix
    /// Ratings by item: row i holds i's users and ratings.
    let byItem: SparseMatrix
    /// The mean of all ratings.
    let mean: Float
    /// The smallest and largest rating.
    let scale: ClosedRange<Float>

    /// The table of `ratings`, or an error naming `model` when it is empty or holds a
    /// non-finite rating.
    init(_ ratings: Interactions, model: String) throws {
        guard !ratings.isEmpty else { throw ModelError("\(model).fit", "the training set has no ratings") }
        if let bad = ratings.ratings.firstIndex(where: { !$0.isFinite }) {
            throw ModelError("\(model).fit", "rating \(bad) is \(ratings.ratings[bad]), expected a finite number")
        }
        try self.init(byUser: try ratings.sparseMatrix(values: .ratings, duplicates: .last))
    }

    /// The table of a non-empty [users, items] rating matrix.
    init(byUser: SparseMatrix) throws {
        self.byUser = byUser
        byItem = byUser.transposed()
        var sum = 0.0
        for v in byUser.values { sum += Double(v) }
        mean = Float(sum / Double(byUser.nnz))
        scale = byUser.values.min()!...byUser.values.max()!
    }

    var userCount: Int { byUser.rowCount }
    var itemCount: Int { byUser.columnCount }

    /// The rows (user, item, rating) as three float tensors plus the counts, for models
    /// whose state is their training data (indices are exact below 2^24).
    func state(prefix: String) throws -> [String: Tensor] {
        guard userCount < 1 << 24, itemCount < 1 << 24 else {
            throw ModelError("RatingTable.save", "too many users or items (\(userCount), \(itemCount)) for the file format")
        }
        var users = [Float](), items = [Float]()
        users.reserveCapacity(byUser.nnz); items.reserveCapacity(byUser.nnz)
        for u in 0..<userCount {
            for e in byUser.rowOffsets[u]..<byUser.rowOffsets[u + 1] { users.append(Float(u)); items.append(Float(byUser.columnIndices[e])) }
        }
        return [prefix + "users": Tensor(users), prefix + "items": Tensor(items), prefix + "ratings": Tensor(byUser.values),
                prefix + "shape": Tensor([Float(userCount), Float(itemCount)])]
    }

    /// The table written by `state(prefix:)`.
    init(state: [String: Tensor], prefix: String, model: String) throws {
        func get(_ key: String) throws -> [Float] {
            guard let t = state[prefix + key], t.rank == 1 else {
                throw ModelError("\(model).load", "the state has no vector '\(prefix + key)'")
            }
            return t.scalars
        }
        let shape = try get("shape"), users = try get("users"), items = try get("items"), ratings = try get("ratings")
        guard shape.count == 2, users.count == ratings.count, items.count == ratings.count,
              shape.allSatisfy({ $0 >= 1 && $0 < Float(1 << 24) && $0 == $0.rounded() }) else {
            throw ModelError("\(model).load", "the saved ratings do not fit together")
        }
        let nU = Int(shape[0]), nI = Int(shape[1])
        let badRow = (0..<ratings.count).first { k in
            !(users[k] >= 0 && users[k] < shape[0] && items[k] >= 0 && items[k] < shape[1])
        }
        if let badRow { throw ModelError("\(model).load", "saved rating \(badRow) lies outside \(nU) users x \(nI) items") }
        guard !ratings.isEmpty else { throw ModelError("\(model).load", "the saved rating table is empty") }
        let entries = (0..<ratings.count).map { (row: Int(users[$0]), column: Int(items[$0]), value: ratings[$0]) }
        try self.init(byUser: try SparseMatrix(rows: nU, columns: nI, entries: entries, duplicates: .reject))
    }
}

extension ClosedRange where Bound == Float {
    /// `x` moved into the range.
    func clamp(_ x: Float) -> Float { Swift.min(Swift.max(x, lowerBound), upperBound) }
}
