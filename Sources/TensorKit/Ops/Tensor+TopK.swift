/// Per-row top-k selection (ranking).
extension Tensor {
    /// For each row of a rank-2 tensor, the column indices of its `k` largest values, in
    /// decreasing order of value (ties: the lower index first; NaN ranks last). `k` larger
    /// than the row gives the whole row sorted.
    ///
    /// ```swift
    /// let scores = try Tensor([[0.1, 0.9, 0.5]])
    /// try scores.topKIndices(k: 2)    // [[1, 2]]
    /// ```
    /// - Throws: if the tensor is not rank 2 or `k` is negative.
    /// - Complexity: O(rows · columns · log k).
    public func topKIndices(k: Int) throws -> [[Int]] {
        guard rank == 2 else { throw TensorError("topKIndices", "expected a rank-2 tensor, got shape \(shape)") }
        guard k >= 0 else { throw TensorError("topKIndices", "k must be >= 0, got \(k)") }
        let rows = shape[0], n = shape[1], kk = Swift.min(k, n)
        let a = storage.pointer
        // `before(i, j)`: column i ranks ahead of column j in row r.
        func before(_ row: UnsafePointer<Float>, _ i: Int, _ j: Int) -> Bool {
            let x = row[i], y = row[j]
            if x.isNaN { return y.isNaN && i < j }
            if y.isNaN { return true }
            return x > y || (x == y && i < j)
        }
        var result = [[Int]]()
        result.reserveCapacity(rows)
        var heap = [Int](repeating: 0, count: kk)
        for r in 0..<rows {
            let row = UnsafePointer(a + r * n)
            // A min-heap (by rank) of the best kk columns so far: the root is the worst kept.
            var size = 0
            func siftDown(_ start: Int) {
                var i = start
                while true {
                    let l = 2 * i + 1, rr = l + 1
                    var worst = i
                    if l < size && before(row, heap[worst], heap[l]) { worst = l }
                    if rr < size && before(row, heap[worst], heap[rr]) { worst = rr }
                    if worst == i { return }
                    heap.swapAt(i, worst)
                    i = worst
                }
            }
            for j in 0..<n where kk > 0 {
                if size < kk {
                    heap[size] = j
                    size += 1
                    var i = size - 1
                    while i > 0 {
                        let parent = (i - 1) / 2
                        if before(row, heap[parent], heap[i]) { heap.swapAt(parent, i); i = parent } else { break }
                    }
                } else if before(row, j, heap[0]) {
                    heap[0] = j
                    siftDown(0)
                }
            }
            result.append(heap[0..<size].sorted { before(row, $0, $1) })
        }
        return result
    }
}
