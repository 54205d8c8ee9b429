// Errors thrown inside fast calls (arguments, bodies, results) pop their frames: thousands
// of caught failures later, calls still work and the depth limit is still 1000.
enum Failure: Error { case bad }
func first(_ xs: [Int]) throws -> Int {
    if xs.isEmpty { throw Failure.bad }
    return xs[0]
}
func checked(_ x: Int) throws -> Int {
    if x < 0 { throw Failure.bad }
    return x
}
func pair(_ a: Int, _ b: Int) -> Int { a + b }
var caught = 0
for i in 0..<3000 {
    do {
        if i % 3 == 0 { _ = try first([]) }
        if i % 3 == 1 { _ = pair(i, try checked(-1)) }
        if i % 3 == 2 { _ = try checked(pair(-5, 1)) }
    } catch {
        caught += 1
    }
}
print(caught) // expect: 3000
func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) } // expect error: maximum recursion depth (1000) exceeded in call to 'depth(_:)'
print(depth(990)) // expect: 990
print(depth(1000))
// cell
// A fault (overflow) deep in calls stops the cell; its frames are popped all the same.
func deepSum(_ n: Int) -> Int { n == 0 ? Int.max : 1 + deepSum(n - 1) } // expect error: arithmetic overflow: 1 + 9223372036854775807 does not fit in Int
print(deepSum(500))
// cell
print(depth(990)) // expect: 990
