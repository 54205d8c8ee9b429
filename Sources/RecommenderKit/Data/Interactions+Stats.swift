extension Interactions {
    /// Number of rows per dense user index (length `userCount`).
    public func countsPerUser() -> [Int] {
        var c = [Int](repeating: 0, count: userCount)
        for u in users { c[Int(u)] += 1 }
        return c
    }

    /// Number of rows per dense item index (length `itemCount`).
    public func countsPerItem() -> [Int] {
        var c = [Int](repeating: 0, count: itemCount)
        for i in items { c[Int(i)] += 1 }
        return c
    }

    /// How many rows carry each rating value, sorted by value.
    public func ratingHistogram() -> [(rating: Float, count: Int)] {
        var h: [Float: Int] = [:]
        for r in ratings { h[r, default: 0] += 1 }
        return h.keys.sorted().map { ($0, h[$0] ?? 0) }
    }

    /// The number of users with at least one row.
    public var activeUserCount: Int { countsPerUser().reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }
    /// The number of items with at least one row.
    public var activeItemCount: Int { countsPerItem().reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

    /// Fraction of the user x item matrix that has a row (duplicates counted once each).
    public var density: Double {
        userCount == 0 || itemCount == 0 ? 0 : Double(count) / (Double(userCount) * Double(itemCount))
    }

    /// Row positions grouped by dense user index (length `userCount`), in table order.
    public func rowsByUser() -> [[Int]] {
        var g = [[Int]](repeating: [], count: userCount)
        for (r, u) in users.enumerated() { g[Int(u)].append(r) }
        return g
    }

    /// Dense item indices grouped by dense user index (length `userCount`), in table order.
    public func itemsByUser() -> [[Int32]] {
        var g = [[Int32]](repeating: [], count: userCount)
        for r in 0..<count { g[Int(users[r])].append(items[r]) }
        return g
    }
}
