let n = 3
print(n.average) // expect error: value of type 'Int' has no member 'average'
