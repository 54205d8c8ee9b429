import Foundation
import XCTest

final class ReplEndToEndTests: XCTestCase {
    func testReplThroughAPipe() throws {
        let dir = try temporaryDirectory(self)
        let input = """
        let xs = [1, 2, 3]
        func twice(_ x: Int) -> Int {
            return x * 2
        }
        twice(21)
        xs[7]
        xs.count
        :vars
        :help
        :save saved.swiftnb
        :quit
        print("not reached")

        """
        let r = try runSwiftNB(["repl"], in: dir, input: input)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("42\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("out of range"), "an error is shown and the session goes on")
        XCTAssertTrue(r.stdout.contains("3\n"))
        XCTAssertTrue(r.stdout.contains("xs: [Int] = [1, 2, 3]"), r.stdout)
        XCTAssertTrue(r.stdout.contains(":save FILE"))
        XCTAssertFalse(r.stdout.contains("not reached"))
        let saved = try read(dir.appendingPathComponent("saved.swiftnb"))
        XCTAssertTrue(saved.hasPrefix("// %%\nlet xs = [1, 2, 3]\n"), saved)
        XCTAssertTrue(saved.contains("func twice(_ x: Int) -> Int {\n    return x * 2\n}\n"))
        XCTAssertFalse(saved.contains("xs[7]"), "entries that failed are not saved")
    }

    /// A cell's readLine() reads the REPL's next input line, in the worker process as in process.
    func testReadLineInAnEntryReadsTheNextInputLine() throws {
        let input = #"""
        print("name? ", terminator: "")
        let name = readLine() ?? "nobody"
        Ada
        print("hello \(name)")
        var lines: [String] = []
        while let l = readLine(), l != "end" { lines.append(l) }
        a
        b
        end
        print(lines, readLine() == nil)
        """#
        for mode in [[], ["--in-process"]] {
            let dir = try temporaryDirectory(self)
            let r = try runSwiftNB(["repl"] + mode, in: dir, input: input)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("name? "), "\(mode): \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("hello Ada\n"), "\(mode): \(r.stdout)")
            XCTAssertTrue(r.stdout.contains("[\"a\", \"b\"] true\n"), "\(mode): \(r.stdout)")
        }
    }

    func testReplLoadRunsANotebookFirst() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["repl", "--load", fixture("basic.swiftnb")], in: dir, input: "total * 2\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("loaded"), r.stdout)
        XCTAssertTrue(r.stdout.contains("9.0\n"), r.stdout)
    }

    func testEndOfInputExits() throws {
        let r = try runSwiftNB(["repl"], input: "1 + 1\n")
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("2\n"))
    }

    func testLoadOfAnUnreadableFileIsAUsageError() throws {
        let dir = try temporaryDirectory(self)
        let missing = try runSwiftNB(["repl", "--load", "nothere.swiftnb"], in: dir, input: "1\n")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("error: cannot read notebook"), missing.stderr)
        XCTAssertEqual(missing.stdout, "", "the session does not start")
        let failing = try runSwiftNB(["repl", "--load", fixture("failing.swiftnb")], in: dir, input: "1 + 1\n")
        XCTAssertEqual(failing.status, 0, "a failing cell stops the loading, not the session")
        XCTAssertTrue(failing.stdout.contains("stopped loading"), failing.stdout)
        XCTAssertTrue(failing.stdout.hasSuffix("2\n"), failing.stdout)
    }
}
