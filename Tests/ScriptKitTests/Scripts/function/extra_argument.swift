func f(_ x: Int) -> Int { x }
print(f(1, 2)) // expect error: extra argument in call
