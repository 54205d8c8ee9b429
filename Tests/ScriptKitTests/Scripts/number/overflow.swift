let big = Int.max
print(big + 1) // expect error: arithmetic overflow: 9223372036854775807 + 1 does not fit in Int
