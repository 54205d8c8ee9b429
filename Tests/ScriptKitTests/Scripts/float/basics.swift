import Foundation
let f: Float = 0.1
print(f, f * 3, [f], Float(1) / 3, Float(2)) // expect: 0.1 0.3 [0.1] 0.33333334 2.0
print(f + 0.5, f * 2, 1 - f, -f) // expect: 0.6 0.2 0.9 -0.1
var w: [Float] = [1, 2.5]
w[0] += 0.25
print(w, w.reduce(0, +)) // expect: [1.25, 2.5] 3.75
print(Double(f) > 0.1, Int(Float(2.9)), Float(7), Float(Double.pi)) // expect: true 2 7.0 3.1415927
print(sqrt(Float(2)), abs(Float(-1.5)), Float.pi) // expect: 1.4142135 1.5 3.1415925
var acc: Float = 0
for i in 1...10 { acc += Float(i) / 10 }
print(acc, acc > 5, type(of: acc)) // expect: 5.5 true Float
print(Float("2.5") as Any, Float("x") as Any) // expect: Optional(2.5) nil
