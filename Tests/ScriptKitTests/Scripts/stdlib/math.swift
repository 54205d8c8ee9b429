print(sqrt(2.0), sqrt(16)) // expect: 1.4142135623730951 4.0
print(pow(2, 0.5), exp(0), log(1)) // expect: 1.4142135623730951 1.0 0.0
print(abs(-5), abs(-2.5), min(4, 2, 8), max(1.5, 0.5)) // expect: 5 2.5 2 1.5
print(floor(2.7), ceil(2.1), round(2.5)) // expect: 2.0 3.0 3.0
print(Double.pi) // expect: 3.141592653589793
print(Int("12")! + 1, Double("1.5")!, Bool("true")!) // expect: 13 1.5 true
print(stride(from: 0.0, to: 1.0, by: 0.25)) // expect: [0.0, 0.25, 0.5, 0.75]
print(zip([1, 2, 3], ["a", "b"]).map { "\($0.0)\($0.1)" }) // expect: ["1a", "2b"]
