extension Interactions {
    /// Keeps users with at least `users` rows and items with at least `items` rows, then
    /// compacts the vocabularies.
    ///
    /// With `iterative: false` this is exactly Liang et al.'s `filter_triplets(tp, min_uc,
    /// min_sc)`: items are filtered once, then users once on what remains (so an item may
    /// end below its minimum). With `iterative: true` (RecBole's `user_inter_num_interval`
    /// / `item_inter_num_interval` behaviour) both filters repeat until nothing changes.
    public func filteredByMinCount(users minUser: Int = 0, items minItem: Int = 0,
                                   iterative: Bool = true) -> Interactions {
        var t = self
        while true {
            let before = t.count
            if minItem > 0 {
                let c = t.countsPerItem()
                t = t.subset((0..<t.count).filter { c[Int(t.items[$0])] >= minItem })
            }
            if minUser > 0 {
                let c = t.countsPerUser()
                t = t.subset((0..<t.count).filter { c[Int(t.users[$0])] >= minUser })
            }
            if !iterative || t.count == before { break }
        }
        return t.compacted()
    }
}
