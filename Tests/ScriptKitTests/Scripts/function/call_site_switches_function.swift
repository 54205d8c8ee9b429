// One call site calling different functions (and a failing one) keeps matching labels right.
func twice(_ x: Int) -> Int { x * 2 }
func square(_ x: Int) -> Int { x * x }
func named(value x: Int) -> Int { x + 100 }
var fs: [(Int) -> Int] = [twice, square, twice, { $0 - 1 }]
var out: [Int] = []
for f in fs { out.append(f(5)) }
print(out) // expect: [10, 25, 10, 4]
var g: (Int) -> Int = twice
for k in 0..<3 {
    if k == 1 { g = square }
    print(g(3)) // expect: 6
}
// expect: 9
// expect: 9
