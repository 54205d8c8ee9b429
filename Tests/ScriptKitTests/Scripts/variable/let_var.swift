let a = 1
var b = 2
b = b + a
print(a, b) // expect: 1 3
var c: Double = 3
print(c) // expect: 3.0
let x = 1, y = "two"
print(x, y) // expect: 1 two
let (p, q) = (4, 5)
print(p + q) // expect: 9
var e: Int? 
print(e) // expect: nil
_ = a + b
