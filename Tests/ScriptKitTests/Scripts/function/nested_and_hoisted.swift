print(twice(4)) // expect: 8
func twice(_ x: Int) -> Int { double(x) }
func double(_ x: Int) -> Int { x * 2 }
func outer() -> Int {
    var count = 0
    func inc() { count += 1 }
    inc(); inc(); inc()
    return count
}
print(outer()) // expect: 3
func noReturn() { print("side effect") }
noReturn() // expect: side effect
func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }
func isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }
print(isEven(10)) // expect: true
