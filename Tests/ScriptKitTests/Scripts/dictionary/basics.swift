var d = ["a": 1, "b": 2]
d["c"] = 3
print(d, d.count) // expect: ["a": 1, "b": 2, "c": 3] 3
print(d["a"], d["z"]) // expect: Optional(1) nil
print(d["z", default: 0]) // expect: 0
d["a"] = nil
print(d.keys.sorted(), d.values.sorted()) // expect: ["b", "c"] [2, 3]
var counts: [String: Int] = [:]
for w in ["x", "y", "x"] { counts[w, default: 0] += 1 }
print(counts) // expect: ["x": 2, "y": 1]
print(counts.sorted { $0.value > $1.value }.map { $0.key }) // expect: ["x", "y"]
print(d.removeValue(forKey: "b")!, d) // expect: 2 ["c": 3]
let empty = [String: Int]()
print(empty, empty.isEmpty) // expect: [:] true
print(counts.mapValues { $0 * 10 }) // expect: ["x": 20, "y": 10]
