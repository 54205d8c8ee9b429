// An initializer named without a call is a function of one value.
let parts = "1 2 x 4".split(separator: " ").map(String.init)
print(parts, parts.compactMap(Int.init), [1, 2].map(Double.init), [3, 4].map(String.init))
// expect: ["1", "2", "x", "4"] [1, 2, 4] [1.0, 2.0] ["3", "4"]
