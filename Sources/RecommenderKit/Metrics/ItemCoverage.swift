/// ItemCoverage@k = |∪_u top-k(u)| / number of items (RecBole `ItemCoverage`): the share
/// of the catalogue that appears in at least one user's top k. One value for the whole
/// evaluation, not per user; 0 when there are no items.
public enum ItemCoverage {
    /// The value for ranked lists (each best first, possibly shorter than k).
    public static func value(rankedLists: [[Int32]], itemCount: Int, k: Int) -> Double {
        guard itemCount > 0, k > 0 else { return 0 }
        var seen = [Bool](repeating: false, count: itemCount)
        var n = 0
        for list in rankedLists {
            for i in list.prefix(k) where i >= 0 && Int(i) < itemCount && !seen[Int(i)] {
                seen[Int(i)] = true; n += 1
            }
        }
        return Double(n) / Double(itemCount)
    }
}
