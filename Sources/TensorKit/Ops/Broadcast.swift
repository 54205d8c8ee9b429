/// The broadcasting loop shared by binary ops: walks the output in row-major order and
/// hands the kernel contiguous runs along the last axis, with the stride (0 or 1) of each
/// input along it.
enum Broadcast {
    /// Calls `run(aOffset, aStep, bOffset, bStep, outOffset, length)` for every row of the
    /// output's last axis.
    @inline(__always)
    static func forEachRow(out: [Int], a: [Int], b: [Int],
                           _ run: (Int, Int, Int, Int, Int, Int) -> Void) {
        let rank = out.count
        if rank == 0 { run(0, 0, 0, 0, 0, 1); return }
        let sa = stretchedStrides(a, rank: rank, out: out)
        let sb = stretchedStrides(b, rank: rank, out: out)
        let inner = out[rank - 1]
        let rows = out.dropLast().reduce(1, *)
        guard inner > 0, rows > 0 else { return }
        var index = [Int](repeating: 0, count: rank)
        var offA = 0, offB = 0
        for row in 0..<rows {
            run(offA, sa[rank - 1], offB, sb[rank - 1], row * inner, inner)
            // Advance the odometer over the leading axes.
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                offA += sa[axis]
                offB += sb[axis]
                if index[axis] < out[axis] { break }
                offA -= sa[axis] * out[axis]
                offB -= sb[axis] * out[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// Strides of `shape` aligned to an output of `rank`, with 0 on broadcast axes.
    static func stretchedStrides(_ shape: [Int], rank: Int, out: [Int]) -> [Int] {
        let own = Shape.strides(shape)
        var s = [Int](repeating: 0, count: rank)
        let lead = rank - shape.count
        for i in 0..<shape.count where shape[i] == out[i + lead] && shape[i] != 1 {
            s[i + lead] = own[i]
        }
        return s
    }
}
