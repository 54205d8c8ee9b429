import TensorKit

extension Interactions {
    /// RecBole's `RS` split with `group_by: user` and random ordering: each user's rows are
    /// shuffled (seeded) and cut by `ratios` (e.g. `[0.8, 0.1, 0.1]`) with RecBole's
    /// rounding (`_calcu_split_ids`), so every user with enough rows appears in every part.
    /// Two ratios give train/test; three give train/validation/test.
    public func userRatioSplit(_ ratios: [Double] = [0.8, 0.1, 0.1], seed: UInt64) throws -> TrainTestSplit {
        try checkRatios(ratios, "Interactions.userRatioSplit(_:seed:)")
        guard ratios.count <= 3 else {
            throw DataError("Interactions.userRatioSplit(_:seed:): expected 2 or 3 ratios, got \(ratios.count)")
        }
        var rng = SeededGenerator(seed: seed)
        var parts = [[Int]](repeating: [], count: ratios.count)
        for var rows in rowsByUser() where !rows.isEmpty {
            seededShuffle(&rows, &rng)
            var start = 0
            for (p, n) in recBoleSplitCounts(rows.count, ratios).enumerated() {
                parts[p].append(contentsOf: rows[start..<(start + n)]); start += n
            }
        }
        let tables = parts.map { subset($0.sorted()) }
        let name = "per-user " + ratios.map { String(Int(($0 * 100).rounded())) }.joined(separator: "/") + ", seed \(seed)"
        return TrainTestSplit(unchecked: name, tables[0], tables.count == 3 ? tables[1] : nil, tables[tables.count - 1])
    }
}
