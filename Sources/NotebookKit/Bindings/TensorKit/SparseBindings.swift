import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// `[Int32]` column indices from script Ints, each checked to fit.
    static func int32s(_ v: Value, _ what: String) throws -> [Int32] {
        try [Int].fromScript(v).map { i in
            guard let n = Int32(exactly: i) else { throw BindingError("\(what): expected column indices that fit Int32, got \(i)") }
            return n
        }
    }

    /// `[(row: Int, column: Int, value: Float)]` from script tuples (labelled or not).
    static func triples(_ v: Value, _ what: String) throws -> [(row: Int, column: Int, value: Float)] {
        guard case .array(let items)? = v.unwrapped else { throw BindingError("\(what): expected an array of (row, column, value), got \(v.typeName)") }
        return try items.enumerated().map { (k, item) in
            guard case .tuple(let parts, _) = item, parts.count == 3 else {
                throw BindingError("\(what): expected entry \(k) to be (row: Int, column: Int, value: Float), got \(item.typeName)")
            }
            return (try Int.fromScript(parts[0]), try Int.fromScript(parts[1]), try Float.fromScript(parts[2]))
        }
    }

    /// `SparseMatrix` (CSR) and its duplicate policy.
    static func registerSparse(in registry: Registry) {
        let policy = registry.type("SparseMatrix.DuplicatePolicy", doc: "What the triplet initializer does with two entries at the same position.")
        policy.staticProperty("sum: SparseMatrix.DuplicatePolicy", doc: "Add their values (the scipy.sparse and PyTorch convention).") {
            SparseMatrix.DuplicatePolicy.sum.scriptValue
        }
        policy.staticProperty("reject: SparseMatrix.DuplicatePolicy", doc: "Throw an error naming the position.") {
            SparseMatrix.DuplicatePolicy.reject.scriptValue
        }
        let type = registry.type("SparseMatrix", doc: "A sparse matrix in CSR form (compressed rows) of Float32 values.")
        type.initializer("init(rowCount: Int, columnCount: Int, rowOffsets: [Int], columnIndices: [Int32], values: [Float]) throws",
                         doc: "Builds a matrix from CSR arrays, checking every invariant.") { args in
            try SparseMatrix(rowCount: try args.get(0), columnCount: try args.get(1), rowOffsets: try args.get(2),
                             columnIndices: try int32s(args[3], "SparseMatrix(rowCount:columnCount:rowOffsets:columnIndices:values:)"),
                             values: try args.get(4)).scriptValue
        }
        // Swift's default `duplicates: .sum` is not a literal: one row with the parameter, one without.
        type.initializer("init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Float)]) throws",
                         doc: "Builds a matrix from (row, column, value) triples in any order; duplicated positions are summed.") { args in
            try SparseMatrix(rows: try args.get(0), columns: try args.get(1),
                             entries: try triples(args[2], "SparseMatrix(rows:columns:entries:)")).scriptValue
        }
        type.initializer("init(rows: Int, columns: Int, entries: [(row: Int, column: Int, value: Float)], duplicates: SparseMatrix.DuplicatePolicy) throws",
                         doc: "Builds a matrix from (row, column, value) triples in any order; duplicated positions are summed (`.sum`) or rejected (`.reject`).") { args in
            try SparseMatrix(rows: try args.get(0), columns: try args.get(1),
                             entries: try triples(args[2], "SparseMatrix(rows:columns:entries:duplicates:)"),
                             duplicates: try args.get(3)).scriptValue
        }
        type.readOnly("rowCount: Int", \SparseMatrix.rowCount, doc: "The number of rows.")
        type.readOnly("columnCount: Int", \SparseMatrix.columnCount, doc: "The number of columns.")
        type.readOnly("rowOffsets: [Int]", \SparseMatrix.rowOffsets, doc: "`rowCount + 1` offsets into `columnIndices` and `values`.")
        type.property("columnIndices: [Int32]", doc: "The column of each stored entry, increasing within a row.") { this in
            .array(try SparseMatrix.fromScript(this).columnIndices.map { .int(Int($0)) })
        }
        type.readOnly("values: [Float]", \SparseMatrix.values, doc: "The value of each stored entry.")
        type.readOnly("nnz: Int", \SparseMatrix.nnz, doc: "The number of stored entries.")
        type.readOnly("shape: [Int]", \SparseMatrix.shape, doc: "The shape `[rowCount, columnCount]`.")
        type.method("nnzPerRow() -> [Int]", doc: "The number of stored entries in each row.") { this, _ in
            try SparseMatrix.fromScript(this).nnzPerRow().scriptValue
        }
        type.method("mapValues(_ transform: (Float) throws -> Float) rethrows -> SparseMatrix",
                    doc: "The same matrix with every stored value replaced by `transform(value)` (the sparsity pattern is kept).") { this, args in
            let f = args[0]
            return try SparseMatrix.fromScript(this).mapValues { try Float.fromScript(try args.call(f, [.float($0)])) }.scriptValue
        }
        type.method("matmul(_ dense: Tensor) throws -> Tensor", doc: "`self · dense` for `dense` of shape [columnCount, n]; differentiable with respect to `dense`.") { this, args in
            try SparseMatrix.fromScript(this).matmul(try args.get(0)).scriptValue
        }
        type.staticMethod("linear(_ x: SparseMatrix, weight: Tensor, bias: Tensor?) throws -> Tensor",
                          doc: "`x · weight + bias` for a sparse batch `x` [batch, in], `weight` [in, out] and `bias` [out].") { args in
            try SparseMatrix.linear(try args.get(0), weight: try args.get(1), bias: try args.get(2)).scriptValue
        }
        type.method("rows(_ indices: [Int]) throws -> SparseMatrix", doc: "The rows at `indices`, in that order (a mini-batch). Indices may repeat.") { this, args in
            try SparseMatrix.fromScript(this).rows(try args.get(0, as: [Int].self)).scriptValue
        }
        type.method("rows(_ range: Range<Int>) throws -> SparseMatrix", doc: "The rows in `range` (a contiguous mini-batch).") { this, args in
            try SparseMatrix.fromScript(this).rows(try halfOpenRange(args[0], "SparseMatrix.rows(_:)")).scriptValue
        }
        type.method("transposed() -> SparseMatrix", doc: "The transpose, still in CSR form (columns become rows).") { this, _ in
            try SparseMatrix.fromScript(this).transposed().scriptValue
        }
        type.method("toDense() -> Tensor", doc: "The matrix as a dense `[rowCount, columnCount]` tensor.") { this, _ in
            try SparseMatrix.fromScript(this).toDense().scriptValue
        }
        type.method("rowNormalizedL2() -> SparseMatrix", doc: "Each row divided by its Euclidean norm; rows with no non-zero value stay zero.") { this, _ in
            try SparseMatrix.fromScript(this).rowNormalizedL2().scriptValue
        }
        type.method("rowSums() -> [Float]", doc: "The sum of each row's stored values.") { this, _ in
            try SparseMatrix.fromScript(this).rowSums().scriptValue
        }
        type.binaryOperator("==", doc: "The same shape and stored entries.") { a, b in
            guard let x = a.host(SparseMatrix.self), let y = b.host(SparseMatrix.self) else {
                throw BindingError("SparseMatrix ==: expected two SparseMatrix values, got \(a.typeName) and \(b.typeName)")
            }
            return .bool(x == y)
        }
    }
}
