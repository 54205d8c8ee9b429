/// Top-k selection over one row of scores, the single ranking step behind every metric.
///
/// Items are ordered by score, highest first; ties go to the lower item index; NaN scores
/// rank below every number; excluded items (seen in training or fold-in) never appear.
/// Returns fewer than k items when fewer are available.
public enum TopK {
    /// The indices of the k best items of `scores`, best first.
    public static func select(_ scores: [Float], k: Int, excluding excluded: [Int32] = []) -> [Int32] {
        var mark = [Bool](repeating: false, count: scores.count)
        for e in excluded where e >= 0 && Int(e) < scores.count { mark[Int(e)] = true }
        var out = [Int32](repeating: 0, count: max(0, min(k, scores.count)))
        let n = scores.withUnsafeBufferPointer { s in
            mark.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { o in select(s, excluded: m, into: o) }
            }
        }
        return Array(out.prefix(n))
    }

    /// Writes the best `out.count` items of `scores` (skipping those whose `excluded`
    /// flag is set) into `out`, best first; returns how many were written.
    /// `excluded` must have the length of `scores`.
    static func select(_ scores: UnsafeBufferPointer<Float>, excluded: UnsafeBufferPointer<Bool>,
                       into out: UnsafeMutableBufferPointer<Int32>) -> Int {
        let k = out.count
        guard k > 0 else { return 0 }
        // A min-heap (by rank order) of the best k so far: the root is the worst kept item.
        var size = 0
        let n = scores.count
        for i in 0..<n where !excluded[i] {
            let s = key(scores[i])
            if size < k {
                var c = size
                out[c] = Int32(i)
                size += 1
                while c > 0 {
                    let p = (c - 1) / 2
                    guard worse(s, i, key(scores[Int(out[p])]), Int(out[p])) else { break }
                    out.swapAt(c, p); c = p
                }
            } else {
                let root = Int(out[0])
                // Later items have higher indices, so only a strictly higher score wins.
                guard s > key(scores[root]) else { continue }
                out[0] = Int32(i)
                siftDown(scores, out, size)
            }
        }
        // Heap-sort in place: repeatedly move the worst to the end.
        var end = size
        while end > 1 {
            end -= 1
            out.swapAt(0, end)
            siftDown(scores, out, end)
        }
        return size
    }

    @inline(__always)
    static func key(_ x: Float) -> Float { x.isNaN ? -.infinity : x }

    /// True when (s1, i1) ranks below (s2, i2).
    @inline(__always)
    static func worse(_ s1: Float, _ i1: Int, _ s2: Float, _ i2: Int) -> Bool {
        s1 < s2 || (s1 == s2 && i1 > i2)
    }

    @inline(__always)
    static func siftDown(_ scores: UnsafeBufferPointer<Float>, _ h: UnsafeMutableBufferPointer<Int32>, _ size: Int) {
        var c = 0
        while true {
            let l = 2 * c + 1
            guard l < size else { return }
            var m = l
            let r = l + 1
            if r < size && worse(key(scores[Int(h[r])]), Int(h[r]), key(scores[Int(h[l])]), Int(h[l])) { m = r }
            guard worse(key(scores[Int(h[m])]), Int(h[m]), key(scores[Int(h[c])]), Int(h[c])) else { return }
            h.swapAt(c, m); c = m
        }
    }
}
