func total(_ xs: [Double]) -> Double { xs.reduce(0, +) }
let counts = [1, 2, 3]
print(total(counts)) // expect error: cannot convert value of type '[Int]' to expected argument type '[Double]'
