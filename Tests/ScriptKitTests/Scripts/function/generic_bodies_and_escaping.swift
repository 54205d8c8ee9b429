// Generic parameters in body annotations, @escaping closures, composed and memoized functions.
func apply<T, U>(_ xs: [T], _ f: (T) -> U) -> [U] { var out: [U] = []; for x in xs { out.append(f(x)) }; return out }
print(apply([1, 2, 3]) { $0 * 2 }, apply(["a"]) { $0 + "!" })
func compose<A, B, C>(_ f: @escaping (A) -> B, _ g: @escaping (B) -> C) -> (A) -> C { { g(f($0)) } }
let inc = { (x: Int) in x + 1 }
let twice = compose(inc, inc)
print(twice(5))
func memoize(_ f: @escaping (Int) -> Int) -> (Int) -> Int {
    var cache: [Int: Int] = [:]
    return { n in
        if let v = cache[n] { return v }
        let v = f(n); cache[n] = v; return v
    }
}
let slowSquare = memoize { $0 * $0 }
print(slowSquare(9), slowSquare(9))
var handlers: [String: (Double) -> Double] = ["double": { $0 * 2 }, "neg": { -$0 }]
handlers["square"] = { $0 * $0 }
print(handlers.keys.sorted().map { handlers[$0]!(3) })
let sortedByLen = ["ccc", "a", "bb"].sorted { $0.count < $1.count }
print(sortedByLen, ["b", "a"].sorted(by: <), [3, 1, 2].sorted(by: >))
func topK<T: Comparable>(_ xs: [T], k: Int) -> [T] { Array(xs.sorted(by: >).prefix(k)) }
print(topK([5, 1, 9, 3], k: 2), topK(["x", "z", "y"], k: 1))
func swapPair<T>(_ p: (T, T)) -> (T, T) { (p.1, p.0) }
print(swapPair((1, 2)))
let nested = { (x: Int) -> (Int) -> Int in { y in x * y } }
print(nested(3)(4))
var counter = 0
let bump: () -> Void = { counter += 1 }
bump(); bump()
print(counter)
func f<Item>(_ x: Item) -> [Item] { var out: [Item] = []; out.append(x); let y: Item = x; out.append(y); return out }
print(f(3), f("a"))
struct W { func g<Value: Comparable>(_ a: Value, _ b: Value) -> Value { let m: Value = a > b ? a : b; return m } }
print(W().g(2, 5))
// expect: [2, 4, 6] ["a!"]
// expect: 7
// expect: 81 81
// expect: [6.0, -3.0, 9.0]
// expect: ["a", "bb", "ccc"] ["a", "b"] [3, 2, 1]
// expect: [9, 5] ["z"]
// expect: (2, 1)
// expect: 12
// expect: 2
// expect: [3, 3] ["a", "a"]
// expect: 5
