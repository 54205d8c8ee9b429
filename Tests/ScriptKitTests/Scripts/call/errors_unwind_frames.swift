// Errors thrown inside fast calls (arguments, bodies, results) pop their frames: thousands
// of caught failures later, calls still work and the depth limit is still 1000.
func first(_ xs: [Int]) -> Int { xs[0] }
func pair(_ a: Int, _ b: Int) -> Int { a + b }
var caught = 0
for i in 0..<3000 {
    do {
        if i % 3 == 0 { _ = first([]) }
        if i % 3 == 1 { _ = pair(i, [1][5]) }
        if i % 3 == 2 { _ = pair(Int.max, 1) }
    } catch {
        caught += 1
    }
}
print(caught) // expect: 3000
func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) } // expect error: maximum recursion depth (1000) exceeded in call to 'depth(_:)'
print(depth(990)) // expect: 990
print(depth(1000))
