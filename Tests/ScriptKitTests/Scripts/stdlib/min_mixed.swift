let a = 1
let b = 2.0
print(min(a, b)) // expect error: cannot convert value of type 'Double' to expected argument type 'Int'
