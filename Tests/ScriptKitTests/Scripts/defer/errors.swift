func f() {
    defer { return } // expect error: 'return' cannot transfer control out of a defer statement
}
// cell
for _ in 0..<2 {
    defer { break } // expect error: 'break' cannot transfer control out of a defer statement
}
// cell
for _ in 0..<2 {
    defer {
        for j in 0..<3 { if j == 1 { break } }
        print("ok")
    }
}
// expect: ok
// expect: ok
// cell
// A runtime error leaves the scope too: the defer runs first.
func g() {
    defer { print("cleanup") }
    let a = [1]
    print(a[5]) // expect error: index 5 out of range for array of count 1
}
g()
// expect: cleanup
