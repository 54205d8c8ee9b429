// Ranges of Doubles, Floats, Strings and Characters are values: bounds, contains, equality,
// switch patterns and random(in:), as in Swift (they are not sequences).
let unit: ClosedRange<Double> = 0.0...1.0
print(unit, unit.lowerBound, unit.upperBound) // expect: 0.0...1.0 0.0 1.0
print(unit.contains(0.5), unit.contains(1.0), unit.contains(1.5)) // expect: true true false
let half = 0.5..<2.0
print(half, half.contains(2.0), half.isEmpty) // expect: 0.5..<2.0 false false
print((1.0..<1.0).isEmpty, (1.0...1.0).isEmpty) // expect: true false
print(unit == 0.0...1.0, half == 0.5..<2.5) // expect: true false
let letters = "a"..."m"
print(letters.contains("f"), letters.contains("z")) // expect: true false
func grade(_ score: Double) -> String {
    switch score {
    case 0.9...: return "A"
    case 0.75..<0.9: return "B"
    default: return "C"
    }
}
print(grade(0.95), grade(0.8), grade(0.1)) // expect: A B C
func clamp(_ x: Double, to r: ClosedRange<Double>) -> Double { min(max(x, r.lowerBound), r.upperBound) }
print(clamp(7.5, to: unit), clamp(-2, to: unit), clamp(0.25, to: unit)) // expect: 1.0 0.0 0.25
var inside = 0
for _ in 0..<1000 {
    let d = Double.random(in: 0.25..<0.5)
    let c = Double.random(in: 1...2)
    let f = Float.random(in: -1...1)
    if d >= 0.25 && d < 0.5 && c >= 1 && c <= 2 && f >= -1 && f <= 1 { inside += 1 }
}
print(inside) // expect: 1000
let ranges = [0.0..<1.0, 1.0..<2.0]
print(ranges.map { $0.upperBound }) // expect: [1.0, 2.0]
