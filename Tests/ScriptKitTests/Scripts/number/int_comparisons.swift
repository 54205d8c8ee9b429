// Comparisons and products of two Int expressions (not literals) as values.
let a = 6, b = 7
print(a == b, a != b, a > b, a < b) // expect: false true false true
print(a * b) // expect: 42
print([1, 2, 3].filter { $0 % 2 == 1 }) // expect: [1, 3]
let flags = [a == a, "x" == "x", 1.5 != 1.5]
print(flags) // expect: [true, true, false]
let big = Int.max
print(big * b) // expect error: arithmetic overflow: 9223372036854775807 * 7 does not fit in Int
