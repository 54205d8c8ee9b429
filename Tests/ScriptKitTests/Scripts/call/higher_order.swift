// Closures called by map, filter, sorted, reduce... (planned once per call of the method).
let xs = [3, 1, 2]
print(xs.map { $0 * 2 }) // expect: [6, 2, 4]
print(xs.map { (x: Int) in Double(x) / 2 }) // expect: [1.5, 0.5, 1.0]
print(xs.filter { $0 > 1 }) // expect: [3, 2]
print(xs.sorted { $0 > $1 }) // expect: [3, 2, 1]
print(xs.reduce(0) { acc, x in acc + x }) // expect: 6
print(xs.reduce(0, +)) // expect: 6
func double(_ x: Int) -> Int { x * 2 }
print(xs.map(double)) // expect: [6, 2, 4]
func scaled(_ x: Int, by k: Int = 10) -> Int { x * k }
print(xs.map { scaled($0) }) // expect: [30, 10, 20]
let d = ["a": 1, "b": 2]
print(d.map { k, v in k + String(v) }) // expect: ["a1", "b2"]
print(d.map { pair in pair.value }) // expect: [1, 2]
var seen: [Int] = []
xs.forEach { seen.append($0 * $0) }
print(seen) // expect: [9, 1, 4]
print(xs.contains { $0 == 2 }) // expect: true
print(xs.min { $0 > $1 }!) // expect: 3
func deep(_ n: Int) -> [Int] { [n].map { deep($0 + 1)[0] } } // expect error: maximum recursion depth (1000) exceeded in call to 'deep(_:)'
print(deep(0))
