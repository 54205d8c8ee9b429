// defer runs when its scope exits, in reverse order, however the scope exits.
func f() -> Int {
    defer { print("defer 1") }
    defer { print("defer 2") }
    print("body")
    return 42
}
print(f())
// expect: body
// expect: defer 2
// expect: defer 1
// expect: 42

for i in 0..<3 {
    defer { print("end", i) }
    if i == 1 { continue }
    if i == 2 { break }
    print("i", i)
}
// expect: i 0
// expect: end 0
// expect: end 1
// expect: end 2

// A defer not reached does not run; the returned value is computed before the defer runs.
func early(_ n: Int) -> Int {
    var count = n
    if n < 0 { return 0 }
    defer { count += 100; print("count", count) }
    return count
}
print(early(-1), early(5))
// expect: count 105
// expect: 0 5

// Nested scopes: each block runs its own defers.
func nested() {
    defer { print("outer") }
    do {
        defer { print("inner") }
        print("in do")
    }
    if true {
        defer { print("in if") }
    }
    print("after")
}
nested()
// expect: in do
// expect: inner
// expect: in if
// expect: after
// expect: outer
