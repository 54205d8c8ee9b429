/// A sparse Float32 matrix in compressed sparse row (CSR) form, with value semantics.
///
/// Row `r` holds the entries `rowOffsets[r] ..< rowOffsets[r + 1]` of `columnIndices`
/// and `values`; within a row, column indices are strictly increasing.
///
/// ```swift
/// let x = try SparseMatrix(rows: 2, columns: 3,
///                          entries: [(0, 1, 1), (1, 0, 2), (1, 2, 3)])
/// let y = try x.matmul(try Tensor.ones([3, 4]))   // [2, 4], x never densified
/// ```
public struct SparseMatrix: Equatable, Sendable {
    /// What the triplet initializer does with two entries at the same position.
    public enum DuplicatePolicy: Sendable {
        /// Add their values (the scipy.sparse and PyTorch convention).
        case sum
        /// Throw an error naming the position.
        case reject
    }

    /// The number of rows.
    public let rowCount: Int
    /// The number of columns.
    public let columnCount: Int
    /// `rowCount + 1` offsets into `columnIndices` and `values`.
    public let rowOffsets: [Int]
    /// The column of each stored entry, increasing within a row.
    public let columnIndices: [Int32]
    /// The value of each stored entry.
    public let values: [Float]

    /// The number of stored entries.
    public var nnz: Int { values.count }

    /// The shape `[rowCount, columnCount]`.
    public var shape: [Int] { [rowCount, columnCount] }

    /// Wraps arrays that already satisfy the CSR invariants (internal, unchecked).
    init(unchecked rows: Int, _ columns: Int, _ offsets: [Int], _ cols: [Int32], _ vals: [Float]) {
        rowCount = rows
        columnCount = columns
        rowOffsets = offsets
        columnIndices = cols
        values = vals
    }

    /// Builds a matrix from CSR arrays, checking every invariant.
    /// - Throws: if the offsets are not non-decreasing from 0 to `values.count`, a column is
    ///   out of range, or columns within a row are not strictly increasing.
    public init(rowCount: Int, columnCount: Int, rowOffsets: [Int], columnIndices: [Int32],
                values: [Float]) throws {
        let op = "SparseMatrix(rowOffsets:)"
        guard rowCount >= 0, columnCount >= 0, columnCount <= Int(Int32.max) else {
            throw TensorError(op, "invalid size \(rowCount) x \(columnCount)")
        }
        guard rowOffsets.count == rowCount + 1, rowOffsets.first == 0,
              rowOffsets.last == values.count, columnIndices.count == values.count else {
            throw TensorError(op, "expected \(rowCount + 1) offsets from 0 to \(values.count) and \(values.count) column indices, got \(rowOffsets.count) offsets and \(columnIndices.count) columns")
        }
        for r in 0..<rowCount {
            let start = rowOffsets[r], end = rowOffsets[r + 1]
            guard start <= end else { throw TensorError(op, "row offsets decrease at row \(r)") }
            var previous: Int32 = -1
            for k in start..<end {
                let c = columnIndices[k]
                guard c > previous, Int(c) < columnCount else {
                    throw TensorError(op, "row \(r): column \(c) is out of range 0..<\(columnCount) or not increasing")
                }
                previous = c
            }
        }
        self.init(unchecked: rowCount, columnCount, rowOffsets, columnIndices, values)
    }

    /// Builds a matrix from (row, column, value) triples in any order.
    ///
    /// Duplicated positions are summed (`.sum`, the default) or rejected (`.reject`).
    /// Explicit zeros are stored as given.
    /// - Throws: if the size is negative, a position is out of range, or (with `.reject`)
    ///   a position repeats.
    /// - Complexity: O(n log n) for n entries.
    public init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Float)],
                duplicates: DuplicatePolicy = .sum) throws {
        let op = "SparseMatrix(rows:columns:entries:)"
        guard rows >= 0, columns >= 0, columns <= Int(Int32.max) else {
            throw TensorError(op, "invalid size \(rows) x \(columns)")
        }
        var counts = [Int](repeating: 0, count: rows + 1)
        for e in entries {
            guard e.row >= 0, e.row < rows, e.column >= 0, e.column < columns else {
                throw TensorError(op, "entry (\(e.row), \(e.column)) is outside a \(rows) x \(columns) matrix")
            }
            counts[e.row + 1] += 1
        }
        for r in 0..<rows { counts[r + 1] += counts[r] }
        var cursor = counts
        var order = [Int](repeating: 0, count: entries.count)
        for (i, e) in entries.enumerated() {
            order[cursor[e.row]] = i
            cursor[e.row] += 1
        }
        var offsets = [Int](repeating: 0, count: rows + 1)
        var cols = [Int32](), vals = [Float]()
        cols.reserveCapacity(entries.count)
        vals.reserveCapacity(entries.count)
        for r in 0..<rows {
            let slice = order[counts[r]..<counts[r + 1]].sorted {
                (entries[$0].column, $0) < (entries[$1].column, $1)
            }
            for i in slice {
                let e = entries[i]
                if cols.count > offsets[r], Int(cols[cols.count - 1]) == e.column {
                    if duplicates == .reject {
                        throw TensorError(op, "duplicate entry at (\(r), \(e.column))")
                    }
                    vals[vals.count - 1] += e.value
                } else {
                    cols.append(Int32(e.column))
                    vals.append(e.value)
                }
            }
            offsets[r + 1] = cols.count
        }
        self.init(unchecked: rows, columns, offsets, cols, vals)
    }

    /// The number of stored entries in each row.
    public func nnzPerRow() -> [Int] {
        (0..<rowCount).map { rowOffsets[$0 + 1] - rowOffsets[$0] }
    }

    /// The same matrix with every stored value replaced by `transform(value)` (the
    /// sparsity pattern is kept).
    public func mapValues(_ transform: (Float) throws -> Float) rethrows -> SparseMatrix {
        SparseMatrix(unchecked: rowCount, columnCount, rowOffsets, columnIndices,
                     try values.map(transform))
    }
}
