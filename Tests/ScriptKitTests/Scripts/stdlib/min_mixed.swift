let a = 1
let b = 2.0
print(min(a, b)) // expect error: min(_:_:_:): min needs arguments of one comparable type, got Int and Double
