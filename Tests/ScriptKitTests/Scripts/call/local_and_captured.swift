// Calls of local, captured and parameter functions take the same fast path as globals.
func run(_ n: Int) -> Int {
    func fib(_ k: Int) -> Int { k < 2 ? k : fib(k - 1) + fib(k - 2) }
    return fib(n)
}
print(run(15)) // expect: 610
func apply(_ f: (Int) -> Int, _ x: Int) -> Int { f(x) }
print(apply({ $0 * 3 }, 4)) // expect: 12
print(apply(run, 10)) // expect: 55
func counter() -> () -> Int {
    var c = 0
    return { c += 1; return c }
}
let next = counter()
print(next() + next() + next()) // expect: 6
func pick(_ k: Int) -> Int {
    var g = { (x: Int) in x + 1 }
    if k > 0 { g = { (x: Int) in x * 10 } }
    return g(k)
}
print([pick(0), pick(2)]) // expect: [1, 20]
func deep(_ n: Int) -> Int {
    func down(_ k: Int) -> Int { down(k + 1) } // expect error: maximum recursion depth (1000) exceeded in call to 'down(_:)'
    return down(n)
}
print(deep(0))
