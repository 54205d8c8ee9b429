/// Shape arithmetic shared by the ops: element counts with overflow checks, strides and
/// NumPy broadcasting.
enum Shape {
    /// The element count of `shape`, or an error if a dimension is negative or the product
    /// overflows.
    static func count(_ shape: [Int], _ operation: String) throws -> Int {
        var n = 1
        for d in shape {
            guard d >= 0 else {
                throw TensorError(operation, "shape \(shape) has a negative dimension")
            }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow else { throw TensorError(operation, "shape \(shape) is too large") }
            n = p
        }
        return n
    }

    /// Row-major strides of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        var s = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc *= shape[i]
        }
        return s
    }

    /// The NumPy broadcast of two shapes (aligned at the trailing axis; a dimension of 1
    /// stretches), or an error naming both shapes.
    static func broadcast(_ a: [Int], _ b: [Int], _ operation: String) throws -> [Int] {
        let rank = max(a.count, b.count)
        var out = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw TensorError.shapes(operation, a, b, "axis \(i): \(da) vs \(db) cannot broadcast")
            }
        }
        return out
    }

    /// Normalises a possibly negative `axis` for a tensor of `rank`.
    static func axis(_ axis: Int, rank: Int, _ operation: String) throws -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < rank else {
            throw TensorError(operation, "axis \(axis) is out of range for rank \(rank)")
        }
        return a
    }
}
