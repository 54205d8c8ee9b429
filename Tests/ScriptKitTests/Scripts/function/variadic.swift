func sum(_ xs: Int...) -> Int { xs.reduce(0, +) }
print(sum(1, 2, 3)) // expect: 6
print(sum()) // expect: 0
