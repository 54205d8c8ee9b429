// A global variable holding functions: each call uses the function it holds at that moment.
func inc(_ x: Int) -> Int { x + 1 }
func dec(_ x: Int) -> Int { x - 1 }
var op: (Int) -> Int = inc
var out: [Int] = []
for k in 0..<4 {
    out.append(op(k))
    op = k % 2 == 0 ? dec : inc
}
print(out) // expect: [1, 0, 3, 2]
op = { $0 * 100 }
print(op(2)) // expect: 200
op = abs
print(op(-7)) // expect: 7
var add: (Int, Int) -> Int = { $0 + $1 }
print(add(2, 3)) // expect: 5
add = { a, b in a * b }
print(add(2, 3)) // expect: 6
