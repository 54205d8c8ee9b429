extension Interactions {
    /// A temporal split: rows ordered by timestamp (ties by table order), the earliest
    /// `1 − testRatio − validationRatio` share to train, then validation, the latest to
    /// test. With `perUser: true` each user's own history is cut this way (RecBole's `TO`
    /// ordering grouped by user); otherwise one global cut, so no test row precedes a
    /// train row.
    public func temporalSplit(testRatio: Double, validationRatio: Double = 0,
                              perUser: Bool = false) throws -> TrainTestSplit {
        let ratios = validationRatio > 0 ? [1 - testRatio - validationRatio, validationRatio, testRatio]
                                         : [1 - testRatio, testRatio]
        try checkRatios(ratios, "Interactions.temporalSplit(testRatio:validationRatio:perUser:)")
        let groups = perUser ? rowsByUser() : [Array(0..<count)]
        var parts = [[Int]](repeating: [], count: ratios.count)
        for g in groups where !g.isEmpty {
            let ordered = g.sorted { (timestamps[$0], $0) < (timestamps[$1], $1) }
            var start = 0
            for (p, n) in recBoleSplitCounts(ordered.count, ratios).enumerated() {
                parts[p].append(contentsOf: ordered[start..<(start + n)]); start += n
            }
        }
        let tables = parts.map { subset($0.sorted()) }
        let name = (perUser ? "temporal per user " : "temporal ") + ratios.map { String(Int(($0 * 100).rounded())) }.joined(separator: "/")
        return TrainTestSplit(unchecked: name, tables[0], tables.count == 3 ? tables[1] : nil, tables[tables.count - 1])
    }
}
