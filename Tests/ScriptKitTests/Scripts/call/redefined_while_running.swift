// A recursive function replaced while it runs finishes as it started (no crash), and the
// next calls through the same call site use the new function.
var calls = 0
var walk: (Int) -> Int = { $0 }
func replace() { walk = { n in -1 } }
walk = { n in
    calls += 1
    if n == 3 { replace() }
    if n == 0 { return 0 }
    return walk(n - 1) + 1
}
print(walk(5)) // expect: 2
print(calls) // expect: 3
print(walk(5)) // expect: -1
