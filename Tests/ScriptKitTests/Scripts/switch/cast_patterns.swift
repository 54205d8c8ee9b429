// Type-casting patterns: `case is T` and `case let x as T` (with `where`), in `switch` and
// `if case`, over values of type Any and of a protocol.
func describe(_ x: Any) -> String {
    switch x {
    case let i as Int where i < 0: return "negative"
    case let i as Int: return "int \(i)"
    case let d as Double: return "double \(d)"
    case is String: return "text"
    default: return "other"
    }
}
print(describe(-2), describe(7), describe(2.5), describe("abc"), describe([1])) // expect: negative int 7 double 2.5 text other
protocol Shape { var area: Double { get } }
struct Square: Shape {
    var side: Double
    var area: Double { side * side }
}
struct Circle: Shape {
    var r: Double
    var area: Double { 3 * r * r }
}
let shapes: [Shape] = [Square(side: 2), Circle(r: 1), Square(side: 1)]
var squares = 0.0
for s in shapes {
    if case let q as Square = s { squares += q.side }
}
print(squares, shapes.filter { $0 is Circle }.count) // expect: 3.0 1
let values: [Any] = [1, "two", 3.0, 4]
let ints = values.compactMap { v -> Int? in
    switch v {
    case let n as Int: return n
    default: return nil
    }
}
print(ints) // expect: [1, 4]
