import TensorKit

extension Interactions {
    /// What a CSR matrix built from the table stores.
    public enum MatrixValues: Sendable {
        /// The rating of each row.
        case ratings
        /// 1 for every row (implicit feedback, counts when duplicates are summed).
        case ones
    }

    /// What to do when a (user, item) pair occurs in several rows.
    public enum DuplicateRule: Sendable {
        /// Add the values (scipy's `csr_matrix` convention).
        case sum
        /// Keep the value of the last row in table order.
        case last
        /// Throw an error naming the pair.
        case reject
    }

    /// The table as a sparse [userCount x itemCount] CSR matrix.
    /// - Throws: with `.reject`, when a (user, item) pair repeats.
    public func sparseMatrix(values: MatrixValues = .ratings, duplicates: DuplicateRule = .sum) throws -> SparseMatrix {
        let n = count, rows = userCount
        var offsets = [Int](repeating: 0, count: rows + 1)
        for u in users { offsets[Int(u) + 1] += 1 }
        for r in 0..<rows { offsets[r + 1] += offsets[r] }
        var order = [Int](repeating: 0, count: n)
        var cursor = offsets
        for r in 0..<n { order[cursor[Int(users[r])]] = r; cursor[Int(users[r])] += 1 }
        var outOffsets = [Int](repeating: 0, count: rows + 1)
        var cols = [Int32](), vals = [Float]()
        cols.reserveCapacity(n); vals.reserveCapacity(n)
        for u in 0..<rows {
            // Stable sort by item keeps table order among duplicates (for `.last`).
            let slice = order[offsets[u]..<offsets[u + 1]].sorted { (items[$0], $0) < (items[$1], $1) }
            for r in slice {
                let v: Float = values == .ones ? 1 : ratings[r]
                if cols.count > outOffsets[u], cols[cols.count - 1] == items[r] {
                    switch duplicates {
                    case .sum: vals[vals.count - 1] += v
                    case .last: vals[vals.count - 1] = v
                    case .reject:
                        throw DataError("Interactions.sparseMatrix(duplicates: .reject): user \(userVocabulary.ids[u]) rated item \(itemVocabulary.ids[Int(items[r])]) twice")
                    }
                } else {
                    cols.append(items[r]); vals.append(v)
                }
            }
            outOffsets[u + 1] = cols.count
        }
        do {
            return try SparseMatrix(rowCount: rows, columnCount: itemCount, rowOffsets: outOffsets,
                                    columnIndices: cols, values: vals)
        } catch {
            throw DataError("Interactions.sparseMatrix: \(error)")
        }
    }

    /// The table as a dense [userCount x itemCount] tensor (duplicates summed); meant for
    /// small data such as ML-100K (943 x 1682).
    public func denseMatrix(values: MatrixValues = .ratings) throws -> Tensor {
        try sparseMatrix(values: values, duplicates: .sum).toDense()
    }
}
