func name() -> String {
    return 3 // expect error: cannot convert return expression of type 'Int' to return type 'String'
}
