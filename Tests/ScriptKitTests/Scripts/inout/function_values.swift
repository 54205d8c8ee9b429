func bump(_ x: inout Int) { x += 1 }
let f: (inout Int) -> Void = bump
var n = 1
f(&n)
f(&n)
print(n) // expect: 3
func apply(_ g: (inout [Int]) -> Void, to a: inout [Int]) { g(&a) }
func addTen(_ a: inout [Int]) { a.append(10) }
var xs = [1]
apply(addTen, to: &xs)
print(xs) // expect: [1, 10]
