func bad(_ x: Int, _ y: Int = 0) -> Int { x + y }
print(bad(1, "s")) // expect error: cannot convert value of type 'String' to expected argument type 'Int'
