import TensorKit

extension Interactions {
    /// A random split of the rows (not grouped by user): a seeded permutation, then the
    /// first `1 − validation − test` share to train, the next share to validation (when
    /// `validationRatio > 0`), the rest to test. Part sizes follow RecBole's rounding.
    public func randomSplit(testRatio: Double, validationRatio: Double = 0, seed: UInt64) throws -> TrainTestSplit {
        let op = "Interactions.randomSplit(testRatio:validationRatio:seed:)"
        let ratios = validationRatio > 0 ? [1 - testRatio - validationRatio, validationRatio, testRatio]
                                         : [1 - testRatio, testRatio]
        try checkRatios(ratios, op)
        var rng = SeededGenerator(seed: seed)
        var order = Array(0..<count)
        seededShuffle(&order, &rng)
        let sizes = recBoleSplitCounts(count, ratios)
        var parts = [Interactions](), start = 0
        for s in sizes { parts.append(subset(Array(order[start..<(start + s)]).sorted())); start += s }
        let name = "random " + ratios.map { String(Int(($0 * 100).rounded())) }.joined(separator: "/") + ", seed \(seed)"
        return TrainTestSplit(unchecked: name, parts[0], parts.count == 3 ? parts[1] : nil, parts[parts.count - 1])
    }
}
