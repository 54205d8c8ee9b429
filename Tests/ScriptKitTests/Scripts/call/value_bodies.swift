// Bodies made only of tests and returns compile to one expression; same results as statements.
func sign(_ x: Int) -> Int {
    if x < 0 { return -1 }
    if x == 0 { return 0 } else { return 1 }
}
print([sign(-5), sign(0), sign(7)]) // expect: [-1, 0, 1]
func clamp(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
    guard x >= lo else { return lo }
    guard x <= hi else { return hi }
    return x
}
print([clamp(-1, 0, 1), clamp(0.5, 0, 1), clamp(3, 0, 1)]) // expect: [0.0, 0.5, 1.0]
func widen(_ x: Int) -> Double {
    if x > 100, x < 1000 { return 100 }
    return 2
}
print(widen(500), widen(1)) // expect: 100.0 2.0
func grade(_ s: Int) -> String {
    if s >= 90 { return "A" } else if s >= 80 { return "B" } else { return "C" }
}
print(grade(95) + grade(85) + grade(10)) // expect: ABC
