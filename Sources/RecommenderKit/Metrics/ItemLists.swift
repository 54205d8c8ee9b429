import TensorKit

/// Per-user lists of item indices in CSR form (offsets + indices): the relevant (held-out)
/// or excluded (seen) items of each user in an evaluation.
public struct ItemLists: Sendable, Equatable {
    /// `userCount + 1` offsets into `indices`.
    public let offsets: [Int]
    /// Item indices, user after user.
    public let indices: [Int32]

    /// The number of users.
    public var userCount: Int { offsets.count - 1 }

    /// Lists from arrays, one per user.
    public init(_ lists: [[Int32]]) {
        var o = [0]
        o.reserveCapacity(lists.count + 1)
        var idx = [Int32]()
        for l in lists { idx.append(contentsOf: l); o.append(idx.count) }
        offsets = o; indices = idx
    }

    /// The column indices of each row of a sparse matrix (values are ignored, so store
    /// only relevant entries).
    public init(_ matrix: SparseMatrix) {
        offsets = matrix.rowOffsets; indices = matrix.columnIndices
    }

    /// The items of each user of an interactions table (`userCount` lists).
    public init(_ interactions: Interactions) {
        self.init(interactions.itemsByUser())
    }

    /// The list of user `u` (empty when out of range).
    public func list(_ u: Int) -> ArraySlice<Int32> {
        guard u >= 0 && u < userCount else { return [] }
        return indices[offsets[u]..<offsets[u + 1]]
    }

    /// The largest item index + 1 (0 when empty).
    var maxItemBound: Int { Int(indices.max() ?? -1) + 1 }
}
