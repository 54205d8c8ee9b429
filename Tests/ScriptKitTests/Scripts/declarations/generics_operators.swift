func largest<T: Comparable>(_ xs: [T]) -> T? {
    guard var best = xs.first else { return nil }
    for x in xs where x > best { best = x }
    return best
}
func pair<Item>(_ a: Item, _ b: Item) -> [Item] { [a, b] }
print(largest([3, 9, 2]) ?? 0, largest(["b", "a"]) ?? "", pair(1, 2))
struct Rating: Hashable, Comparable {
    let user: Int
    let score: Double
    static func < (a: Rating, b: Rating) -> Bool { a.score < b.score }
}
let rs = [Rating(user: 1, score: 4.5), Rating(user: 2, score: 3.0)]
var seen = [Rating: Int]()
seen[rs[0]] = 1
seen[rs[0]] = 2
print(rs.sorted().map { $0.user }, seen.count, rs[0] < rs[1], rs.max()!.user)
// expect: 9 b [1, 2]
// expect: [2, 1] 1 false 1
