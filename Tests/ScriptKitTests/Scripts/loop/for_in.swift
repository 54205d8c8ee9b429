var s = 0
for i in 1...4 { s += i }
print(s) // expect: 10
for i in 0..<10 where i % 3 == 0 { print(i) }
// expect: 0
// expect: 3
// expect: 6
// expect: 9
for (i, x) in ["a", "b"].enumerated() { print(i, x) }
// expect: 0 a
// expect: 1 b
for ch in "hi" { print(ch) }
// expect: h
// expect: i
for x in stride(from: 10, to: 0, by: -4) { print(x) }
// expect: 10
// expect: 6
// expect: 2
for _ in 0..<2 { print("x") }
// expect: x
// expect: x
for (k, v) in ["a": 1] { print(k, v) } // expect: a 1
