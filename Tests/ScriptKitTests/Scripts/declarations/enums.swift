enum Color: String, CaseIterable {
    case red, green = "g", blue
    var isWarm: Bool { self == .red }
}
let c = Color.green
print(c, c.rawValue, Color(rawValue: "blue") as Any, Color.allCases)
switch c {
case .red: print("r")
case .green, .blue: print("gb", c.isWarm)
}
enum Shape {
    case circle(radius: Double)
    case rect(Double, Double)
    func area() -> Double {
        switch self {
        case .circle(let r): return 3.0 * r * r
        case let .rect(w, h): return w * h
        }
    }
}
let shapes: [Shape] = [.circle(radius: 1), .rect(2, 3)]
for s in shapes { print(s, s.area()) }
if case .rect(let w, _) = shapes[1] { print("width", w) }
print(shapes)
// expect: green g Optional(main.Color.blue) [main.Color.red, main.Color.green, main.Color.blue]
// expect: gb false
// expect: circle(radius: 1.0) 3.0
// expect: rect(2.0, 3.0) 6.0
// expect: width 2.0
// expect: [main.Shape.circle(radius: 1.0), main.Shape.rect(2.0, 3.0)]
