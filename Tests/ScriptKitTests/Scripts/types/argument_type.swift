func f(_ x: Int) -> Int { x }
print(f("a")) // expect error: cannot convert value of type 'String' to expected argument type 'Int'
