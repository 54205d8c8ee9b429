func f() throws {
    throw 3 // expect error: thrown expression type 'Int' does not conform to 'Error'
}
