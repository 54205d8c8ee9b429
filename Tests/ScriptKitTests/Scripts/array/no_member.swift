let xs = [1, 2]
print(xs.average()) // expect error: value of type '[Int]' has no member 'average'
