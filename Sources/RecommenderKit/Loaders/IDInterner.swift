/// Builds a `Vocabulary` while parsing, fast for the common case of integer ids.
///
/// Canonical non-negative decimal ids ("0", "17", not "017") below 2^22 go through a dense
/// lookup array; every other id goes through a string dictionary. Indices follow
/// first-seen order either way, so the result equals `Vocabulary(rawIDs)`.
struct IDInterner {
    private var dense: [Int32] = []
    private var strings: [String: Int32] = [:]
    private var order: [Int64] = []          // id as integer, or -1 - position in `names`
    private var names: [String] = []
    /// Canonical integer ids below this go through the dense lookup array.
    static let denseLimit: Int64 = 1 << 22

    var count: Int { order.count }

    /// The dense index for the id in `r` of the scanner's bytes.
    mutating func intern(_ s: ByteScanner, _ r: Range<Int>) -> Int32 {
        if let v = canonicalInt(s, r), v < IDInterner.denseLimit { return intern(canonical: Int(v)) }
        return intern(s.string(r))
    }

    /// The dense index for a canonical non-negative integer id below `denseLimit`.
    @inline(__always)
    mutating func intern(canonical i: Int) -> Int32 {
        if i < dense.count {
            let existing = dense[i]
            if existing >= 0 { return existing }
        } else {
            dense.append(contentsOf: repeatElement(-1, count: max(i + 1 - dense.count, dense.count)))
        }
        let idx = Int32(order.count)
        dense[i] = idx
        order.append(Int64(i))
        return idx
    }

    /// The dense index for a textual id.
    mutating func intern(_ text: String) -> Int32 {
        if let v = Int64(text), v >= 0, v < IDInterner.denseLimit, String(v) == text { return intern(canonical: Int(v)) }
        if let i = strings[text] { return i }
        let idx = Int32(order.count)
        strings[text] = idx
        order.append(-1 - Int64(names.count))
        names.append(text)
        return idx
    }

    private func canonicalInt(_ s: ByteScanner, _ r: Range<Int>) -> Int64? {
        guard !r.isEmpty, r.count <= 9 else { return nil }
        if r.count > 1 && s.bytes[r.lowerBound] == 48 { return nil }
        var v: Int64 = 0
        for p in r {
            let d = s.bytes[p] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int64(d)
        }
        return v
    }

    /// Interns every id of `other` (in its first-seen order) and returns, for each index of
    /// `other`, the index here.
    mutating func absorb(_ other: IDInterner) -> [Int32] {
        other.order.map { v in
            if v >= 0 { return intern(canonical: Int(v)) }
            return intern(other.names[Int(-1 - v)])
        }
    }

    /// The vocabulary of all ids seen, in first-seen order.
    func vocabulary() -> Vocabulary {
        Vocabulary(order.map { $0 >= 0 ? String($0) : names[Int(-1 - $0)] })
    }
}
