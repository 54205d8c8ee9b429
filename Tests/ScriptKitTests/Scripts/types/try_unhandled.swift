func load(_ path: String) throws -> String { path }
func first() -> String {
    return try load("a.csv") // expect error: errors thrown from here are not handled
}
