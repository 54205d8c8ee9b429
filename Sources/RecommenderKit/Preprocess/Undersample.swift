import TensorKit

extension Interactions {
    /// Class undersampling: every rating value keeps as many rows as the rarest value has,
    /// chosen uniformly at random (seeded); row order is kept. Vocabularies are kept.
    public func undersampledByRating(seed: UInt64) -> Interactions {
        var groups: [Float: [Int]] = [:]
        for r in 0..<count { groups[ratings[r], default: []].append(r) }
        guard let smallest = groups.values.map(\.count).min() else { return self }
        var rng = SeededGenerator(seed: seed)
        var keep = [Int]()
        for value in groups.keys.sorted() {
            var g = groups[value] ?? []
            seededShuffle(&g, &rng)
            keep.append(contentsOf: g.prefix(smallest))
        }
        return subset(keep.sorted())
    }
}

/// Fisher-Yates shuffle driven by our seeded generator, so results do not depend on the
/// standard library's shuffle algorithm.
func seededShuffle<T>(_ a: inout [T], _ rng: inout SeededGenerator) {
    guard a.count > 1 else { return }
    for i in stride(from: a.count - 1, to: 0, by: -1) {
        let j = Int(rng.next() % UInt64(i + 1))
        a.swapAt(i, j)
    }
}
