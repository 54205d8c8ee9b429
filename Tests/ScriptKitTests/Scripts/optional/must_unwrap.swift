let xs: [Int]? = [1]
print(xs.count) // expect error: value of optional type '[Int]?' must be unwrapped to refer to member 'count' of wrapped base type '[Int]'
