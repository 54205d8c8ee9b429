// A dictionary is a sequence of (key, value) pairs: Array's non-mutating members apply.
let scores = ["alice": 3.5, "bob": 4.0, "carol": 4.0]
let best = scores.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }!
print(best.key, best.value, scores.min { $0.value < $1.value }!.key)
print(scores.reduce(0) { $0 + $1.value }, scores.compactMap { $0.value > 3.8 ? $0.key : nil }.sorted())
print(scores.first { $0.key == "bob" }!.value, scores.allSatisfy { $0.value > 3 })
print([[1, 2], [3], []].joined().map { $0 * 10 }, ["a", "b"].joined(), Array([["x"], ["y"]].joined()))
// expect: bob 4.0 alice
// expect: 11.5 ["bob", "carol"]
// expect: 4.0 true
// expect: [10, 20, 30] ab ["x", "y"]
