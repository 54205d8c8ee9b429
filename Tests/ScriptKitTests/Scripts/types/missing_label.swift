func scale(_ x: Double, by k: Double) -> Double { x * k }
print(scale(2, 3)) // expect error: missing argument label 'by:' in call
