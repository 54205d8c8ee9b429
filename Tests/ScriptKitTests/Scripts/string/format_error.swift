print(String(format: "%d", "x")) // expect error: String(format:_:): %d expects an Int, got String
