import Foundation
import XCTest
@testable import ScriptKit

final class InterpreterAPITests: XCTestCase {
    func testRunReturnsLastExpressionValue() throws {
        let i = Interpreter()
        i.output = { _ in }
        XCTAssertEqual(try i.run("let a = 2\na * 21", origin: "cell 1"), .int(42))
        XCTAssertNil(try i.run("let b = 1", origin: "cell 2"))
        XCTAssertNil(try i.run("print(1)", origin: "cell 3"))
        XCTAssertEqual(try i.run("[a, b]", origin: "cell 4")?.description, "[2, 1]")
    }

    func testDiagnosticRendering() {
        let i = Interpreter()
        do {
            try i.run("let x = 1\nlet y = x + nope", origin: "cell 3")
            XCTFail("expected an error")
        } catch let e as ScriptError {
            XCTAssertEqual(e.description, "cell 3:2:13: error: cannot find 'nope' in scope\n    let y = x + nope\n                ^")
        } catch { XCTFail("\(error)") }
    }

    func testCheckReportsEveryErrorWithoutRunning() {
        let i = Interpreter()
        var out = ""
        i.output = { out += $0 }
        _ = try? i.run("let known = 1", origin: "cell 1")
        let d = i.check("print(known)\nprint(a)\nprint(b)", origin: "cell 2")
        XCTAssertEqual(d.map(\.message), ["cannot find 'a' in scope", "cannot find 'b' in scope"])
        XCTAssertEqual(d.map(\.line), [2, 3])
        XCTAssertEqual(i.check("let z = (1 +\nlet w = [", origin: "cell 3").count, 2)
        XCTAssertTrue(i.check("print(known)", origin: "c").isEmpty)
        XCTAssertEqual(out, "")
        // check does not define names.
        XCTAssertFalse(i.check("let fresh = 1", origin: "c").isEmpty == false && false)
        XCTAssertEqual(i.check("print(fresh)", origin: "c").map(\.message), ["cannot find 'fresh' in scope"])
    }

    func testIsIncomplete() {
        let i = Interpreter()
        XCTAssertTrue(i.isIncomplete("func f() {"))
        XCTAssertTrue(i.isIncomplete("let xs = [1, 2,"))
        XCTAssertTrue(i.isIncomplete("print(\"abc"))
        XCTAssertTrue(i.isIncomplete("let s = \"\"\"\nline"))
        XCTAssertTrue(i.isIncomplete("if x {\n  print(1)"))
        XCTAssertFalse(i.isIncomplete("let x = 1"))
        XCTAssertFalse(i.isIncomplete("let x = )"))
        XCTAssertFalse(i.isIncomplete(""))
    }

    func testGlobalsAndDefine() throws {
        let i = Interpreter()
        i.define("epochs", value: .int(3), constant: true)
        try i.run("var lr = 0.1\nlet total = epochs * 2", origin: "cell")
        let g = i.globals
        XCTAssertEqual(g.map(\.name), ["epochs", "lr", "total"])
        XCTAssertEqual(g.map(\.isConstant), [true, false, true])
        XCTAssertEqual(g[2].value, .int(6))
        XCTAssertThrowsError(try i.run("epochs = 4", origin: "cell"))
    }

    func testParametersCell() throws {
        let p = try Interpreter.parameters(in: "// parameters\nlet epochs = 10\nlet lr: Double = 1\nlet name = \"ml-100k\"\nvar neg = -2\n")
        XCTAssertEqual(p.map(\.name), ["epochs", "lr", "name", "neg"])
        XCTAssertEqual(p.map(\.value), [.int(10), .double(1), .string("ml-100k"), .int(-2)])
        XCTAssertEqual(p.map(\.line), [2, 3, 4, 5])
        XCTAssertThrowsError(try Interpreter.parameters(in: "let a = 1\nprint(a)"))
        XCTAssertThrowsError(try Interpreter.parameters(in: "let a = b + 1"))
    }

    func testInterruptStopsLoopAndKeepsSession() throws {
        let i = Interpreter()
        i.output = { _ in }
        try i.run("var n = 0", origin: "cell 1")
        let queue = DispatchQueue(label: "interrupt")
        queue.asyncAfter(deadline: .now() + 0.2) { i.requestInterrupt() }
        do {
            try i.run("while true { n += 1 }", origin: "cell 2")
            XCTFail("expected interrupt")
        } catch let e as ScriptError {
            XCTAssertTrue(e.isInterrupt)
            XCTAssertEqual(e.diagnostics.first?.message, "interrupted")
        }
        XCTAssertEqual(try i.run("n > 0", origin: "cell 3"), .bool(true))
    }

    func testValueDescriptionsMatchSwift() {
        XCTAssertEqual(Value.array([.int(1), .int(2)]).description, "[1, 2]")
        XCTAssertEqual(Value.array([.string("a")]).description, "[\"a\"]")
        XCTAssertEqual(Value.optional(.int(3)).description, "Optional(3)")
        XCTAssertEqual(Value.optional(.string("s")).description, "Optional(\"s\")")
        XCTAssertEqual(Value.optional(nil).description, "nil")
        XCTAssertEqual(Value.double(1).description, "1.0")
        XCTAssertEqual(Value.array([.optional(.int(1)), .optional(nil)]).description, "[Optional(1), nil]")
        var d = ScriptDictionary()
        d[.string("a")] = .int(1)
        XCTAssertEqual(Value.dictionary(d).description, "[\"a\": 1]")
        XCTAssertEqual(Value.dictionary(ScriptDictionary()).description, "[:]")
        XCTAssertEqual(Value.tuple([.int(1), .string("x")], labels: []).description, "(1, \"x\")")
        XCTAssertEqual(Value.range(lower: 0, upper: 3, closed: false).description, "0..<3")
    }
}
