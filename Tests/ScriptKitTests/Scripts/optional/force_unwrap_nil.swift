let a: Int? = nil
print(a!) // expect error: unexpectedly found nil while unwrapping an Optional value
