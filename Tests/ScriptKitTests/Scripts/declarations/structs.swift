import Foundation
struct Point: Equatable {
    var x: Double
    var y: Double = 0
    func length() -> Double { (x * x + y * y).squareRoot() }
    mutating func move(by dx: Double) { x += dx }
    var sum: Double { x + y }
    static let origin = Point(x: 0, y: 0)
}
var p = Point(x: 3, y: 4)
print(p.length(), p.sum)
p.move(by: 1)
print(p, p.x)
var q = p
q.x = 100
print(p.x, q.x)
print(Point.origin)
print([Point(x: 1)])
print(p == q, p == p)
// expect: 5.0 7.0
// expect: Point(x: 4.0, y: 4.0) 4.0
// expect: 4.0 100.0
// expect: Point(x: 0.0, y: 0.0)
// expect: [main.Point(x: 1.0, y: 0.0)]
// expect: false true
