print(sqrt("x")) // expect error: bad argument 'x' to 'sqrt(_:)': expected Double, got String
