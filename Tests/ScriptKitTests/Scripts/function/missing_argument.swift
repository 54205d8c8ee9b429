func f(_ x: Int, y: Int) -> Int { x + y }
print(f(1)) // expect error: missing argument for parameter 'y' in call
