func f(_ x: Int) throws -> Int { x }
let v = try f(1) + f(2) * f(3)
print(v)
let w = try? f(3) + f(4)
print(w as Any)
let z = (try? f(5)) ?? 0 + 1
print(z)
// expect: 7
// expect: Optional(7)
// expect: 5
