import XCTest
@testable import ScriptKit

/// Types declared in one chunk (a notebook cell, a REPL entry) are usable in later ones.
final class DeclarationAcrossChunksTests: XCTestCase {
    private func run(_ i: Interpreter, _ code: String) -> String {
        var out = ""
        i.output = { out += $0 }
        do { try i.run(code, origin: "cell") } catch { return "error: \(error)" }
        return out
    }

    func testATypeDeclaredInOneChunkIsUsedInTheNext() {
        let i = Interpreter()
        XCTAssertEqual(run(i, "struct Point { var x: Double; var y = 0.0 }\nenum Kind { case a, b }"), "")
        XCTAssertEqual(run(i, "var p = Point(x: 1)\np.y = 2\nprint(p, Kind.b)"), "Point(x: 1.0, y: 2.0) b\n")
        XCTAssertEqual(run(i, "extension Point { func sum() -> Double { x + y } }\nprint(p.sum())"), "3.0\n")
    }

    func testRedeclaringATypeInALaterChunkIsAnError() {
        let i = Interpreter()
        XCTAssertEqual(run(i, "struct Point { var x = 0 }"), "")
        XCTAssertTrue(run(i, "struct Point { var y = 0 }").contains("invalid redeclaration of 'Point'"))
        XCTAssertEqual(run(i, "print(Point())"), "Point(x: 0)\n", "the first declaration stays")
    }

    func testAChunkThatFailsDeclaresNothing() {
        let i = Interpreter()
        XCTAssertTrue(run(i, "struct Pair { var a = 1 }\nlet bad: String = 3").hasPrefix("error:"))
        XCTAssertEqual(run(i, "struct Pair { var a = 2 }\nprint(Pair())"), "Pair(a: 2)\n", "fixed and run again")
    }

    func testCheckingDoesNotDeclare() {
        let i = Interpreter()
        XCTAssertEqual(i.check("struct Once { var a = 1 }", origin: "cell"), [])
        XCTAssertEqual(run(i, "struct Once { var a = 1 }\nprint(Once().a)"), "1\n")
        let chunks = [Interpreter.SourceChunk(source: "class A { var n = 1 }", origin: "c1"),
                      Interpreter.SourceChunk(source: "let a = A()\na.n = 2\nprint(a.n)", origin: "c2")]
        XCTAssertEqual(i.check(chunks).flatMap { $0 }, [], "a later chunk sees an earlier chunk's type")
        XCTAssertTrue(run(i, "print(A())").hasPrefix("error:"), "the whole-program check declared nothing")
    }
}
