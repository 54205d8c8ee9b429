struct Point { var x = 0.0 }
let p = Point()
print(p.z) // expect error: value of type 'Point' has no member 'z'
