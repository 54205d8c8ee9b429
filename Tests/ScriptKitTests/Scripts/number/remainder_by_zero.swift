let z = 0
print(10 % z) // expect error: division by zero in remainder operation
