import Foundation

/// Shape arithmetic shared by the ops: element counts with overflow checks, strides and
/// NumPy broadcasting.
enum Shape {
    /// The most bytes one tensor may take: the machine's physical memory. Larger requests
    /// are errors before anything is allocated (the allocator would abort the process).
    static let maximumBytes = Int(clamping: ProcessInfo.processInfo.physicalMemory)

    /// The element count of `shape`, or an error if a dimension is negative, the count or
    /// its byte size overflows, or the bytes exceed `maximumBytes`.
    static func count(_ shape: [Int], _ operation: String) throws -> Int {
        var n = 1
        for d in shape {
            guard d >= 0 else {
                throw TensorError(operation, "shape \(shape) has a negative dimension")
            }
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow else { throw TensorError(operation, "shape \(shape) is too large: its element count overflows Int") }
            n = p
        }
        let (bytes, overflow) = n.multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
        guard !overflow else { throw TensorError(operation, "shape \(shape) is too large: its byte count overflows Int") }
        guard bytes <= maximumBytes else {
            throw TensorError(operation, "shape \(shape) needs \(gibibytes(bytes)) of Float32 values, more than this machine's \(gibibytes(maximumBytes)) of memory")
        }
        return n
    }

    /// `bytes` in GiB for messages ("3725.3 GiB").
    static func gibibytes(_ bytes: Int) -> String {
        String(format: "%.1f GiB", Double(bytes) / Double(1 << 30))
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
        _ = try count(out, operation)   // [n, 1] + [1, n] may be too large to allocate
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
