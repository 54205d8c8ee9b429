func load(_ path: String) throws -> String {
    return path.uppercased()
}
func both() throws -> String {
    let a = try load("a")
    return a + (try load("b"))
}
print(try both()) // expect: AB
let r = try? load("c")
print(r) // expect: Optional("C")
print(try! load("d")) // expect: D
func safe() -> String {
    do {
        return try load("e")
    } catch {
        return "failed"
    }
}
print(safe()) // expect: E
