// A generic parameter constrained to a declared protocol has the protocol's members in the body.
protocol Shape { var area: Double { get } }
struct Square: Shape { var side: Double; var area: Double { side * side } }
class Circle: Shape {
    let r: Double
    init(r: Double) { self.r = r }
    var area: Double { 3.0 * r * r }
}
func totalArea<S: Shape>(_ shapes: [S]) -> Double { shapes.reduce(0) { $0 + $1.area } }
func larger<S: Shape>(_ a: S, _ b: S) -> S { a.area >= b.area ? a : b }
struct Bag {
    func sum<S: Shape>(_ xs: [S]) -> Double { xs.map { $0.area }.reduce(0, +) }
}
print(totalArea([Square(side: 2), Square(side: 3)]), larger(Square(side: 1), Square(side: 4)).side)
print(totalArea([Circle(r: 1)]), Bag().sum([Square(side: 1), Square(side: 2)]))
// expect: 13.0 4.0
// expect: 3.0 5.0
