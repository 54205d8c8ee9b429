import XCTest
@testable import NotebookKit

final class NotebookFormatTests: XCTestCase {
    let sample = """
    // %% [markdown]
    // # Title
    // Prose with `code`.
    //

    // %% tags=["parameters"]
    let epochs = 200
    let seed = 98765

    // %% Train the model
    let x = epochs * 2
    x

    """

    func testReadsCellsKindsTitlesAndTags() {
        let nb = Notebook(text: sample)
        XCTAssertEqual(nb.cells.count, 3)
        XCTAssertEqual(nb.cells[0].kind, .markdown)
        XCTAssertEqual(nb.cells[0].source, "# Title\nProse with `code`.\n")
        XCTAssertEqual(nb.cells[1].tags, ["parameters"])
        XCTAssertEqual(nb.cells[1].source, "let epochs = 200\nlet seed = 98765")
        XCTAssertEqual(nb.cells[1].firstBodyLine, 7)
        XCTAssertEqual(nb.cells[2].title, "Train the model")
        XCTAssertEqual(nb.cells[2].source, "let x = epochs * 2\nx")
        XCTAssertEqual(nb.parametersCell?.source, nb.cells[1].source)
    }

    func testRoundTripIsByteExact() {
        let texts = [sample, "", "\n", "let a = 1", "let a = 1\n// %%\nb\n", "// %%", "// %%\n",
                     "x\r\n// %% T [markdown] tags=[\"a\", \"b c\"] foo=bar\r\n// hi\r\n",
                     "\n\n// %% a\n\n\n// %% b", "// %%x not a marker\n// %%\n"]
        for text in texts {
            XCTAssertEqual(Notebook(text: text).text, text, "round trip of \(text.debugDescription)")
        }
    }

    func testRoundTripOfRandomText() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["// %%", "// %% [markdown]", "\n", "\r\n", "let x = 1", "// prose", " ", "tags=[\"p\"]", "é"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(Notebook(text: text).text, text)
        }
    }

    func testMarkerParsing() {
        let nb = Notebook(text: "// %% My title [markdown] tags=[\"a\", \"skip-execution\"] key=\"v w\"\n// text\n")
        let cell = nb.cells[0]
        XCTAssertEqual(cell.kind, .markdown)
        XCTAssertEqual(cell.title, "My title")
        XCTAssertEqual(cell.tags, ["a", "skip-execution"])
        XCTAssertEqual(cell.metadata.map(\.key), ["tags", "key"])
        XCTAssertEqual(cell.metadata.last?.value, "\"v w\"")
        XCTAssertFalse(Cell.isMarker("// %%x"))
        XCTAssertTrue(Cell.isMarker("// %%"))
    }

    func testTextBeforeFirstMarkerIsACodeCell() {
        let nb = Notebook(text: "print(1)\n// %% [markdown]\n// hi\n")
        XCTAssertEqual(nb.cells.count, 2)
        XCTAssertTrue(nb.cells[0].isPreamble)
        XCTAssertEqual(nb.cells[0].source, "print(1)")
        XCTAssertEqual(nb.cells[0].firstBodyLine, 1)
    }

    func testBuiltCellsRenderCanonicallyAndReadBack() {
        let nb = Notebook(cells: [
            Cell(kind: .markdown, source: "# Hi\n\nText"),
            Cell(kind: .code, title: "Setup", tags: ["parameters"], source: "let n = 3"),
        ])
        XCTAssertEqual(nb.text, "// %% [markdown]\n// # Hi\n//\n// Text\n\n// %% Setup tags=[\"parameters\"]\nlet n = 3\n\n")
        let back = Notebook(text: nb.text)
        XCTAssertEqual(back, nb)
        XCTAssertEqual(back.cells[0].source, "# Hi\n\nText")
        XCTAssertEqual(back.cells[1].tags, ["parameters"])
    }

    func testUnreadableFileThrows() {
        XCTAssertThrowsError(try Notebook(contentsOf: URL(fileURLWithPath: "/nonexistent/x.swiftnb"))) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/x.swiftnb"))
        }
    }

    func testWindowsLineEndingsReadAsLines() throws {
        let text = "// %% [markdown]\r\n// # Title\r\n\r\n// %% tags=[\"parameters\"]\r\nlet n = 2\r\n// %% Run\r\nprint(n * 3)\r\nn\r\n"
        let nb = Notebook(text: text)
        XCTAssertEqual(nb.text, text, "round-trips byte for byte")
        XCTAssertEqual(nb.cells.map(\.kind), [.markdown, .code, .code])
        XCTAssertEqual(nb.cells[0].source, "# Title")
        XCTAssertEqual(nb.cells[1].tags, ["parameters"])
        XCTAssertEqual(nb.cells[2].title, "Run")
        XCTAssertEqual(nb.cells[2].source, "print(n * 3)\nn", "code gets plain newlines")
        XCTAssertEqual(nb.cells[2].firstBodyLine, 7)
        XCTAssertEqual(nb.formatProblems, [])
        XCTAssertEqual(try Parameters.declared(in: nb).map(\.name), ["n"])
        let report = try NotebookRunner.run(nb, name: "crlf.swiftnb", options: RunOptions())
        XCTAssertEqual(report.cells[2].outputs, [.text("6\n"), .text("2\n")])
        XCTAssertEqual(Notebook(text: "// %% tags=[\"x\"\r\nprint(1)\r\n").formatProblems.map(\.line), [1])
    }
}
