// An unlabeled tuple stored where a labeled tuple type is declared takes its labels, as in
// Swift: appended to an array, returned, or assigned.
func parse(_ lines: [String]) -> [(user: Int, rating: Double)] {
    var rows: [(user: Int, rating: Double)] = []
    for line in lines {
        let parts = line.split(separator: ",")
        if let u = Int(parts[0]), let r = Double(parts[1]) { rows.append((u, r)) }
    }
    return rows
}
let rows = parse(["1,4.5", "2,3"])
print(rows.map(\.rating), rows[0].user) // expect: [4.5, 3.0] 1
print(rows) // expect: [(user: 1, rating: 4.5), (user: 2, rating: 3.0)]
func pairs() -> [(name: String, count: Int)] {
    let raw = [("a", 1), ("b", 2)]
    return raw
}
print(pairs().map(\.name)) // expect: ["a", "b"]
var best: (name: String, score: Double) = ("none", 0)
best = ("x", 0.5)
print(best.name, best) // expect: x (name: "x", score: 0.5)
