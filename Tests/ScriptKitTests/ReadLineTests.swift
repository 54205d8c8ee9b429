import XCTest
@testable import ScriptKit

/// `readLine()` reads through `Interpreter.input`; nil at the end of input.
final class ReadLineTests: XCTestCase {
    func testReadLineReadsInputUntilNil() throws {
        let interpreter = Interpreter()
        var lines = ["3", "4 5", "x"]
        interpreter.input = { lines.isEmpty ? nil : lines.removeFirst() }
        var output = ""
        interpreter.output = { output += $0 }
        try interpreter.run("""
            let n = Int(readLine()!)!
            let pair = readLine()!.split(separator: " ").map { Int($0)! }
            print(n + pair[0] + pair[1])
            print(readLine(strippingNewline: false)!.count)
            print(readLine() as Any)
            var total = 0
            while let line = readLine() { total += line.count }
            print(total)
            """, origin: "cell")
        XCTAssertEqual(output, "12\n2\nnil\n0\n")
    }
}
