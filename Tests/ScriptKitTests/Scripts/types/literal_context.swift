// An integer literal takes the type its context needs (Swift's literal rules).
var x = 0.0; x = 3; var a = [0.0, 1.0]; a[0] = 5
var e = [Double](); e.append(1)
var d: [String: Double] = [:]; d["k", default: 0] += 1
print(x / 2, a[0] / 2, e, d) // expect: 1.5 2.5 [1.0] ["k": 1.0]
var m = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
m[1][2] = 5
print(m[1][2] / 2) // expect: 2.5
var t = (0.0, "a")
t.0 = 3
print(t.0 / 2) // expect: 1.5
let f: () -> Double = { 3 }
print(f() / 2) // expect: 1.5
let g = { () -> Double in return 3 }
print(g() / 2) // expect: 1.5
print([1, 2.5]) // expect: [1.0, 2.5]
let y: Double = 1 + 2
print(y / 2) // expect: 1.5
func half(_ v: Double) -> Double { v / 2 }
print(half(3)) // expect: 1.5
let o: Double? = 3
print(o!, o ?? 0) // expect: 3.0 3.0
print([1.0, 2.0].reduce(0, +)) // expect: 3.0
print([1.0, 2.0].map { $0 * 2 }) // expect: [2.0, 4.0]
let zeros = Array(repeating: 0.0, count: 2) + [1]
print(zeros) // expect: [0.0, 0.0, 1.0]
var acc = 0.0
for k in 1...3 { acc += Double(k) / 2 }
print(acc) // expect: 3.0
func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }
print(mean([1, 2])) // expect: 1.5
let pairs: [(String, Double)] = [("a", 1), ("b", 2)]
print(pairs) // expect: [("a", 1.0), ("b", 2.0)]
let ratio = 2 / 4 * 1.0
print(ratio) // expect: 0.5
