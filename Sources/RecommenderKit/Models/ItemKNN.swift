// ItemKNN: Fabio Aiolli, "Efficient Top-N Recommendation for Very Large Scale Binary
// Rated Datasets", RecSys 2013; the similarity follows RecBole's `ComputeSimilarity`.
import Foundation
import TensorKit

/// Item-based k-nearest neighbours over implicit feedback. The similarity of items i and
/// j is the shrunk cosine of their user columns,
/// `sim(i, j) = x_i · x_j / (‖x_i‖ ‖x_j‖ + shrink + 1e-6)` (RecBole's formula), an item is
/// never its own neighbour, and each item keeps its `neighbours` most similar items.
/// A user's score for item i is Σ over i's neighbours j of sim(i, j) · x_uj.
/// Similarities come from sparse products (cost Σ_u nnz(u)²); no dense users x items or
/// items x items matrix is built.
public final class ItemKNN: Recommender {
    /// Hyperparameters; the defaults are RecBole's (k = 100, no shrinkage).
    public struct Configuration: Sendable, Equatable {
        /// How many neighbours each item keeps.
        public var neighbours: Int
        /// Added to the cosine's denominator: damps similarities built on few users.
        public var shrink: Float

        /// A configuration with RecBole's defaults.
        public init(neighbours: Int = 100, shrink: Float = 0) {
            self.neighbours = neighbours
            self.shrink = shrink
        }
    }

    /// The hyperparameters.
    public let configuration: Configuration
    public let name = "ItemKNN"
    public private(set) var itemCount = 0
    public private(set) var trainingMatrix: SparseMatrix?
    /// W [items, items] in CSR form: row j holds sim(i, j) for every item i that has j
    /// among its neighbours (so scores are history · W).
    public private(set) var similarity: SparseMatrix?

    /// An unfitted model.
    /// - Throws: `ModelError` if `neighbours` < 1 or `shrink` is negative.
    public init(_ configuration: Configuration = Configuration()) throws {
        guard configuration.neighbours >= 1 else {
            throw ModelError("ItemKNN", "neighbours must be >= 1, got \(configuration.neighbours)")
        }
        guard configuration.shrink >= 0, configuration.shrink.isFinite else {
            throw ModelError("ItemKNN", "shrink must be >= 0, got \(configuration.shrink)")
        }
        self.configuration = configuration
    }

    @discardableResult
    public func fit(_ train: SparseMatrix, validation: RankingTask? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        guard train.columnCount > 0 else { throw ModelError("ItemKNN.fit", "the training matrix has no items") }
        let start = Date()
        let n = train.columnCount, k = min(configuration.neighbours, n)
        let products = ItemCooccurrence(train)
        let norms = products.columnNorms()
        let shrink = configuration.shrink
        // neighbourItems[i * k + r] / neighbourSims: item i's r-th neighbour, -1 when fewer.
        var neighbourItems = [Int32](repeating: -1, count: n * k)
        var neighbourSims = [Float](repeating: 0, count: n * k)
        neighbourItems.withUnsafeMutableBufferPointer { items in
            neighbourSims.withUnsafeMutableBufferPointer { sims in
                products.forEachRow { i, row in
                    row[i] = 0
                    var candidates: [(j: Int32, s: Float)] = []
                    for j in 0..<n where row[j] != 0 {
                        candidates.append((Int32(j), row[j] / (norms[i] * norms[j] + shrink + 1e-6)))
                    }
                    if candidates.count > k {
                        candidates.sort { $0.s != $1.s ? $0.s > $1.s : $0.j < $1.j }
                    }
                    for (r, c) in candidates.prefix(k).enumerated() { items[i * k + r] = c.j; sims[i * k + r] = c.s }
                }
            }
        }
        similarity = try ItemKNN.matrix(items: neighbourItems, sims: neighbourSims, itemCount: n, k: k)
        itemCount = n
        trainingMatrix = train
        return try closedFormHistory(validation, options, start)
    }

    /// W with W[j, i] = sim(i, j) for every kept neighbour j of i.
    static func matrix(items: [Int32], sims: [Float], itemCount n: Int, k: Int) throws -> SparseMatrix {
        var entries: [(row: Int, column: Int, value: Float)] = []
        entries.reserveCapacity(items.count)
        for i in 0..<n {
            for r in 0..<k where items[i * k + r] >= 0 { entries.append((Int(items[i * k + r]), i, sims[i * k + r])) }
        }
        return try SparseMatrix(rows: n, columns: n, entries: entries)
    }

    /// history · W, accumulated row by row from the sparse history and the sparse W.
    public func scores(history: SparseMatrix) throws -> Tensor {
        guard let w = similarity else { throw ModelError("ItemKNN.scores", "the model is not fitted: call fit or load first") }
        return try chunkedScores(history) { rows in try ItemKNN.product(rows, w) }
    }

    /// A sparse x sparse product into a dense [a.rowCount, b.columnCount] tensor.
    static func product(_ a: SparseMatrix, _ b: SparseMatrix) throws -> Tensor {
        let n = b.columnCount
        var out = try Tensor.zeros([a.rowCount, n])
        out.withUnsafeMutableBufferPointer { o in
            for r in 0..<a.rowCount {
                let row = o.baseAddress! + r * n
                for e in a.rowOffsets[r]..<a.rowOffsets[r + 1] {
                    let j = Int(a.columnIndices[e]), x = a.values[e]
                    for f in b.rowOffsets[j]..<b.rowOffsets[j + 1] { row[Int(b.columnIndices[f])] += x * b.values[f] }
                }
            }
        }
        return out
    }

    public func state() throws -> [String: Tensor] {
        guard let w = similarity else { throw ModelError("ItemKNN.save", "the model is not fitted") }
        // Stored as COO triples in Float32 (item indices are exact below 2^24).
        guard w.rowCount < 1 << 24 else { throw ModelError("ItemKNN.save", "too many items (\(w.rowCount)) for the file format") }
        var rows = [Float](), columns = [Float]()
        for r in 0..<w.rowCount {
            for e in w.rowOffsets[r]..<w.rowOffsets[r + 1] { rows.append(Float(r)); columns.append(Float(w.columnIndices[e])) }
        }
        return ["rows": Tensor(rows), "columns": Tensor(columns), "values": Tensor(w.values),
                "itemCount": Tensor([Float(w.rowCount)])]
    }

    public func restore(_ state: [String: Tensor]) throws {
        let count = try stateTensor(state, "itemCount", shape: [1]).item()
        let rows = try stateTensor(state, "rows").scalars, columns = try stateTensor(state, "columns").scalars
        let values = try stateTensor(state, "values").scalars
        guard count >= 1, count < Float(1 << 24), rows.count == values.count, columns.count == values.count else {
            throw ModelError("ItemKNN.load", "the similarity triples do not fit together")
        }
        let n = Int(count)
        let entries = try (0..<values.count).map { e -> (row: Int, column: Int, value: Float) in
            let r = rows[e], c = columns[e]
            guard r >= 0, c >= 0, r < count, c < count, r == r.rounded(), c == c.rounded() else {
                throw ModelError("ItemKNN.load", "entry \(e) has position (\(r), \(c)) outside \(n) x \(n)")
            }
            return (Int(r), Int(c), values[e])
        }
        similarity = try SparseMatrix(rows: n, columns: n, entries: entries, duplicates: .reject)
        itemCount = n
    }
}
