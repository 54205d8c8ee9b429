import FileKit
import Foundation
import XCTest
@testable import NotebookKit

final class NotebookValidationTests: XCTestCase {
    func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(UUID().uuidString).swiftnb")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testWellFormedMarkersHaveNoProblems() {
        let nb = Notebook(text: """
        // %% [markdown]
        // # Title
        // %% Step [1] of 2 tags=["parameters"]
        let a = 1
        // %% tags=[]
        // %% tags=["raises-exception", "a \\"quoted\\" tag"] key=word
        a
        """)
        XCTAssertEqual(nb.formatProblems, [])
    }

    func testMalformedMarkersAreLocated() {
        let nb = Notebook(text: """
        print(0)
        // %% tags=["parameters"
        let a = 1
        // %% B tags=parameters
        // %% [markdown
        // prose
        // %% C tags=["a" "b"] note="open
        // %% tags=["parameters"]
        let b = 2
        """)
        let problems = nb.formatProblems
        XCTAssertEqual(problems.map(\.line), [2, 4, 5, 7, 7, 8], "the unterminated list still reads as a parameters tag")
        XCTAssertEqual(problems.map(\.cell), [2, 3, 4, 5, 5, 6])
        XCTAssertTrue(problems[0].message.contains("unterminated list"), problems[0].message)
        XCTAssertTrue(problems[1].message.contains("not a list of quoted names"), problems[1].message)
        XCTAssertTrue(problems[2].message.contains("'[markdown'"), problems[2].message)
        XCTAssertTrue(problems[3].message.contains("tags=[\"a\" \"b\"]"), problems[3].message)
        XCTAssertTrue(problems[4].message.contains("unterminated string"), problems[4].message)
        let two = Notebook(text: "// %% tags=[\"parameters\"]\nlet a = 1\n// %% tags=[\"parameters\"]\nlet b = 2\n")
        XCTAssertEqual(two.formatProblems.map(\.line), [3])
        XCTAssertTrue(two.formatProblems[0].message.contains("cell 1 is the parameters cell"))
    }

    func testReadingAMalformedFileThrowsWithPathLineAndCell() throws {
        let url = try temporaryFile(Array("// %% A\nprint(1)\n// %% tags=[\"x\"\nprint(2)\n".utf8))
        XCTAssertThrowsError(try Notebook(contentsOf: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path):3: cell 2: unterminated list in tags=[\"x\": expected a closing ']'")
        }
    }

    func testInvalidUTF8IsLocated() throws {
        let url = try temporaryFile(Array("// %% A\nlet s = \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8))
        XCTAssertThrowsError(try Notebook(contentsOf: url)) { error in
            XCTAssertTrue("\(error)".contains("not UTF-8 text: invalid byte sequence at line 2, column 10"), "\(error)")
        }
    }

    func testAFolderIsNotANotebook() {
        XCTAssertThrowsError(try Notebook(contentsOf: FileManager.default.temporaryDirectory)) { error in
            XCTAssertTrue("\(error)".contains("it is a folder"), "\(error)")
        }
    }

    func testWritableFolderCheck() throws {
        let file = try temporaryFile([1])
        XCTAssertThrowsError(try AtomicFile.checkWritableFolder(file.path)) { error in
            XCTAssertTrue("\(error)".contains("a file of that name is in the way"), "\(error)")
        }
        XCTAssertThrowsError(try AtomicFile.checkWritableFolder(file.path + "/sub")) { error in
            XCTAssertTrue("\(error)".contains("cannot create folder (Not a directory)"), "\(error)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nb-out-\(UUID().uuidString)/a")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        XCTAssertNoThrow(try AtomicFile.checkWritableFolder(folder.path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "the probe file is removed")
    }

    func testParameterErrorsNameTheLine() {
        let nb = Notebook(text: "// %% [markdown]\n// hi\n// %% tags=[\"parameters\"]\nlet n = 3\nlet s = \"x\"\n")
        XCTAssertThrowsError(try NotebookRunner.validateParameters(["s=ok", "n=2.5"], for: nb)) { error in
            XCTAssertEqual((error as? ParameterError)?.located(in: nb, path: "nb.swiftnb"),
                           "nb.swiftnb:4: parameter 'n': '2.5' is not a valid Int; known parameters: n, s")
        }
        XCTAssertThrowsError(try NotebookRunner.validateParameters(["q=1"], for: nb)) { error in
            XCTAssertEqual((error as? ParameterError)?.located(in: nb, path: "nb.swiftnb"),
                           "nb.swiftnb:3: unknown parameter 'q'; known parameters: n, s")
        }
    }

    func testRandomMarkerLinesNeverTrap() {
        // Seeded, so a failure reproduces.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let pieces = ["[", "]", "\"", "=", "tags", "tags=", "[markdown", "md]", "\\", ",", " ", "\t", "a", "é", "parameters", "\r"]
        for _ in 0..<3000 {
            var line = "// %%"
            for _ in 0..<next(12) { line += pieces[next(pieces.count)] }
            let nb = Notebook(text: line + "\nlet x = 1\n" + line + "\n")
            for problem in nb.formatProblems {
                XCTAssertTrue(problem.line == 1 || problem.line == 3, "\(problem) in \(line)")
                XCTAssertFalse(problem.message.isEmpty)
            }
        }
    }
}
