func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }
let square: (Int) -> Int = { $0 * $0 }
print(apply(square, to: 5)) // expect: 25
func makeAdder(_ n: Int) -> (Int) -> Int { { $0 + n } }
let add3 = makeAdder(3)
print(add3(4)) // expect: 7
print(apply(add3, to: 1)) // expect: 4
