extension Interactions {
    /// The same rows with users and items that have no rows removed from the
    /// vocabularies; the kept ids keep their relative order.
    public func compacted() -> Interactions {
        var userMap = [Int32](repeating: -1, count: userCount)
        var itemMap = [Int32](repeating: -1, count: itemCount)
        for u in users { userMap[Int(u)] = 0 }
        for i in items { itemMap[Int(i)] = 0 }
        var keptUsers = [Int32](), keptItems = [Int32]()
        for u in 0..<userCount where userMap[u] == 0 { userMap[u] = Int32(keptUsers.count); keptUsers.append(Int32(u)) }
        for i in 0..<itemCount where itemMap[i] == 0 { itemMap[i] = Int32(keptItems.count); keptItems.append(Int32(i)) }
        return Interactions(unchecked: users.map { userMap[Int($0)] }, items.map { itemMap[Int($0)] },
                            ratings, timestamps, userVocabulary.subset(keptUsers), itemVocabulary.subset(keptItems))
    }

    /// The rows whose item is in `keep`, with the item vocabulary reduced to `keep` in
    /// the given order (indices into this table's item vocabulary; out-of-range ones skipped).
    public func restrictingItems(to keep: [Int32]) -> Interactions {
        var map = [Int32](repeating: -1, count: itemCount)
        var kept = [Int32]()
        for i in keep where i >= 0 && Int(i) < itemCount && map[Int(i)] < 0 {
            map[Int(i)] = Int32(kept.count); kept.append(i)
        }
        let rows = (0..<count).filter { map[Int(items[$0])] >= 0 }
        return Interactions(unchecked: rows.map { users[$0] }, rows.map { map[Int(items[$0])] },
                            rows.map { ratings[$0] }, rows.map { timestamps[$0] },
                            userVocabulary, itemVocabulary.subset(kept))
    }
}
