// Calls with no, two and several arguments evaluate them left to right into the callee.
var trace: [Int] = []
func note(_ x: Int) -> Int { trace.append(x); return x }
func none() -> Int { 42 }
func pair(_ a: Int, _ b: Double) -> Double { Double(a) + b }
func four(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Int { a * 1000 + b * 100 + c * 10 + d }
print(none()) // expect: 42
print(pair(note(1), 2)) // expect: 3.0
print(four(note(1), note(2), note(3), note(4))) // expect: 1234
print(trace) // expect: [1, 1, 2, 3, 4]
func add(_ a: Int, _ b: Int) -> Int { a + b }
var s = 0
for i in 0..<100 { s = add(s, i) }
print(s) // expect: 4950
