let i = 3
let d = 2.5
print(d * 2) // expect: 5.0
print(2 * d) // expect: 5.0
print(Double(i) * d) // expect: 7.5
print(i / 2, i % 2) // expect: 1 1
print(7.0 / 2) // expect: 3.5
print(1e-3, 1_000_000) // expect: 0.001 1000000
print(0.1 + 0.2) // expect: 0.30000000000000004
print(Int(3.9), Int(-3.9)) // expect: 3 -3
print(-i, -d) // expect: -3 -2.5
print(Int.max, Int.min) // expect: 9223372036854775807 -9223372036854775808
let x: Double = 1
print(x, type(of: x)) // expect: 1.0 Double
print(10.0.squareRoot(), 2.5.rounded()) // expect: 3.1622776601683795 3.0
print(7.5.truncatingRemainder(dividingBy: 2)) // expect: 1.5
print(1 / 3.0, 100.0) // expect: 0.3333333333333333 100.0
