// A value stored where an optional is expected prints as an optional, as in Swift.
func f() -> Int? { return 5 }
var c: [Int?] = [nil]
c[0] = 5
var y: [Double?] = []
y.append(2)
y.insert(nil, at: 0)
var o: Int? = nil
o = 3
struct S { var v: Int? }
var s = S(v: nil)
s.v = 4
var d: [String: Int] = ["a": 1]
d["a"] = 7
d["b"] = nil
print(f() as Any, c, y, o as Any, s.v as Any, [f()], d)
// expect: Optional(5) [Optional(5)] [nil, Optional(2.0)] Optional(3) Optional(4) [Optional(5)] ["a": 7]
