func notBool(_ x: Int) -> Int {
    if x { return 1 } // expect error: type 'Int' cannot be used as a boolean; test for '!= 0' instead
    return 0
}
print(notBool(3))
