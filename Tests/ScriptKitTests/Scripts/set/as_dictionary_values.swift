// `d[k, default: []]` takes the dictionary's value type: a Set, or Double for `default: 0`.
var graph: [String: Set<String>] = [:]
graph["a", default: []].insert("b")
graph["a", default: []].insert("c")
graph["b", default: []].insert("a")
print(graph["a"]!.sorted(), graph["b"]!.count) // expect: ["b", "c"] 1
var totals: [String: Double] = [:]
totals["x", default: 0] += 1
print(totals) // expect: ["x": 1.0]
var s = Set<Int>()
s.insert(1)
print(s) // expect: [1]
let g: Set<Int> = [1, 2]
func takes(_ s: Set<Int>) -> Int { s.count }
print(takes(g), takes([5, 5, 6])) // expect: 2 2
