let xs = [10, 20, 30, 40]
print(xs[1...], xs[..<2], xs[...1], xs[4...]) // expect: [20, 30, 40] [10, 20] [10, 20] []
let word = "hello"
let parts = Array(word)
print(String(parts[..<2]), String(parts[3...])) // expect: he lo
func grade(_ x: Double) -> String {
    switch x {
    case ..<2.0: return "low"
    case 5...: return "high"
    default: return "mid"
    }
}
print(grade(1), grade(3), grade(7)) // expect: low mid high
func size(_ n: Int) -> String {
    switch n {
    case ...0: return "none"
    case 1..<10: return "small"
    case 10...: return "large"
    default: return "?"
    }
}
print(size(0), size(3), size(50)) // expect: none small large
for (i, w) in zip(1..., ["a", "b"]) { print(i, w) }
// expect: 1 a
// expect: 2 b
for i in 3... {
    if i > 5 { break }
    print(i)
}
// expect: 3
// expect: 4
// expect: 5
print((5...).contains(7), (..<3).contains(3)) // expect: true false
// cell
print(xs[2...9]) // expect error: range 2...9 out of bounds for array of count 4
// cell
print(xs[5...]) // expect error: range 5... out of bounds for collection of count 4
