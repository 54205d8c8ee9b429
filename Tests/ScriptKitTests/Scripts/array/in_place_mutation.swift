// Element and entry updates happen in place, but copies taken before keep their values.
var grid = [[1, 2], [3, 4]]
let snapshot = grid
grid[0][1] = 9
grid[1][0] += 10
print(grid, snapshot) // expect: [[1, 9], [13, 4]] [[1, 2], [3, 4]]
var groups: [String: [Int]] = [:]
groups["a", default: []].append(1)
let before = groups
groups["a", default: []].append(2)
groups["b"] = [5]
groups["b"]?.append(6)
print(groups["b"]!) // expect: [5, 6]
groups["b"] = nil
print(before, groups) // expect: ["a": [1]] ["a": [1, 2]]
var counts: [String: Int] = [:]
for w in ["x", "y", "x"] { counts[w, default: 0] += 1 }
print(counts) // expect: ["x": 2, "y": 1]
func fill(_ n: Int) -> [Int] {
    var xs = Array(repeating: 0, count: n)
    for i in 0..<n { xs[i] = i * i }
    return xs
}
print(fill(4)) // expect: [0, 1, 4, 9]
