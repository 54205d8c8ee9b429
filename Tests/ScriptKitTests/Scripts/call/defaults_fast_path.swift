// Calls leaving trailing parameters to their defaults; defaults are evaluated on each call.
var base = 10
var order: [String] = []
func note(_ s: String, _ v: Int) -> Int { order.append(s); return v }
func scaled(_ x: Int, by k: Int = 3) -> Int { x * k }
func offset(_ x: Int, plus y: Int = base) -> Int { x + y }
func half(_ x: Int, _ d: Double = 2) -> Double { Double(x) / d }
func middle(_ a: Int, b: Int = note("b", 5), c: Int) -> Int { a * 100 + b * 10 + c }
var t = 0
for i in 0..<5 { t += scaled(i) }
print(t) // expect: 30
print(offset(1)) // expect: 11
base = 20
print(offset(1)) // expect: 21
print(offset(1, plus: 2)) // expect: 3
print(half(3)) // expect: 1.5
print(middle(note("a", 1), c: note("c", 2))) // expect: 152
print(order) // expect: ["a", "b", "c"]
