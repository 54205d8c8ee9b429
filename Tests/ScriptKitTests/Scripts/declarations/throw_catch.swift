enum DataError: Error {
    case bad(line: Int)
    case empty
}
func parse(_ text: String) throws -> Int {
    if text.isEmpty { throw DataError.empty }
    guard let n = Int(text) else { throw DataError.bad(line: 3) }
    return n
}
do {
    print(try parse("12"))
    print(try parse("x"))
} catch DataError.bad(let line) {
    print("bad at", line)
} catch {
    print("other", error)
}
do { _ = try parse("") } catch { print("caught", error) }
print((try? parse("7")) ?? -1, (try? parse("q")) ?? -1)
// expect: 12
// expect: bad at 3
// expect: caught empty
// expect: 7 -1
