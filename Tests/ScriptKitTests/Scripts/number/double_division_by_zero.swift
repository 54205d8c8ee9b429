let z = 0.0
print(1 / z, -1 / z) // expect: inf -inf
