// Conversions compile to direct code for numbers; text and bad values take the initializers.
var s = 0.0
for k in 0..<5 { s += Double(k) }
print(s, Double(3), Int(3.99), Int(-3.99), Int(Float(2.5)), Float(3), Float(0.1) + 0.2) // expect: 10.0 3.0 3 -3 2 3.0 0.3
print(String(42), String(2.5), String(true), Double("1.5") as Any, Int("12") as Any, Int("x") as Any) // expect: 42 2.5 true Optional(1.5) Optional(12) nil
let big = 1e19
print(Int(exactly: big) as Any, Double(Int.max)) // expect: nil 9.223372036854776e+18
// cell
let huge = 1e19
print(Int(huge)) // expect error: Int(_:): Double value 1e+19 cannot be converted to Int because it is outside the representable range
// cell
let notANumber = Double.nan
print(Int(notANumber)) // expect error: Int(_:): Double value nan cannot be converted to Int because it is infinite or NaN
