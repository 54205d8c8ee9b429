import ScriptKit
import XCTest
@testable import NotebookKit

final class SessionTests: XCTestCase {
    func testStatePersistsAcrossChunksAndLastValueIsShown() {
        let session = Session()
        XCTAssertNil(session.execute("let x = 20", origin: "cell 1").error)
        let r = session.execute("print(\"hi\")\nx + 22", origin: "cell 2")
        XCTAssertNil(r.error)
        XCTAssertEqual(r.outputs, [.text("hi\n"), .text("42\n")])
    }

    func testErrorKeepsOutputBeforeItAndNamesTheCell() {
        let session = Session()
        let r = session.execute("print(\"before\")\nlet a = [1][4]", origin: "cell 7")
        XCTAssertEqual(r.outputs, [.text("before\n")])
        XCTAssertTrue(r.error?.description.hasPrefix("cell 7:2:") ?? false, "\(String(describing: r.error))")
        XCTAssertNil(session.execute("print(1)", origin: "cell 8").error, "the session survives an error")
    }

    /// A notebook's own type may take a library type's name (`DataError`, `Recommender`), as a
    /// module's declaration shadows an imported one in Swift; its own types stay unique.
    func testNotebookTypesShadowLibraryTypesOfTheSameName() {
        let session = Session()
        let r = session.execute("""
            enum DataError: Error { case bad(line: Int) }
            protocol Recommender { func score(_ item: Int) -> Double }
            struct Popularity: Recommender { func score(_ item: Int) -> Double { Double(item) / 2 } }
            let models: [Recommender] = [Popularity()]
            do { throw DataError.bad(line: 3) } catch DataError.bad(let line) { print("line", line, models[0].score(3)) }
            """, origin: "cell 1")
        XCTAssertNil(r.error)
        XCTAssertEqual(r.outputs, [.text("line 3 1.5\n")])
        let again = session.execute("enum DataError { case other }", origin: "cell 2")
        XCTAssertTrue(again.error?.description.contains("invalid redeclaration of 'DataError'") ?? false, "\(String(describing: again.error))")
        // A cell that fails to compile declares nothing: the library's type is back.
        let failed = Session()
        XCTAssertNotNil(failed.execute("struct Tensor { var n: Int }\nlet x: Int = \"no\"", origin: "cell 1").error)
        let restored = failed.execute("let t = try Tensor(shape: [2], scalars: [1, 2])\nprint(t.shape)", origin: "cell 2")
        XCTAssertNil(restored.error)
        XCTAssertEqual(restored.outputs, [.text("[2]\n")])
    }

    func testShowTableAndStreaming() {
        let session = Session()
        var streamed: [DisplayItem] = []
        session.onOutput = { streamed.append($0) }
        let r = session.execute("show(Table(columns: [\"k\", \"v\"], rows: [[\"a\", 1]]))", origin: "cell 1")
        XCTAssertNil(r.error)
        XCTAssertEqual(r.outputs, [.table(DisplayTable(columns: ["k", "v"], rows: [["a", "1"]]))])
        XCTAssertEqual(streamed, r.outputs)
    }

    func testTableRejectsRaggedRows() {
        let r = Session().execute("Table(columns: [\"a\", \"b\"], rows: [[1]])", origin: "cell 1")
        XCTAssertTrue(r.error?.description.contains("row 0 has 1 values, expected 2") ?? false, "\(String(describing: r.error))")
    }

    func testTensorBindings() {
        let session = Session()
        let r = session.execute("let m = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])\ntry (m * 2 + 1).matmul(Tensor.eye(2)).sum().item()", origin: "cell 1")
        XCTAssertNil(r.error)
        XCTAssertEqual(r.outputs, [.text("24.0\n")])
        let bad = session.execute("try m.matmul(Tensor([1.0, 2.0, 3.0]))", origin: "cell 2")
        XCTAssertTrue(bad.error?.description.contains("matmul") ?? false)
        let shape = session.execute("try Tensor(shape: [2, 3], scalars: [1])", origin: "cell 3")
        XCTAssertNotNil(shape.error, "a shape that does not fit the values is an error, not a trap")
    }

    func testTensorFromRowsReductionsAlongAxesAndSoftmax() {
        let session = Session()
        let r = session.execute("""
        let s = try Tensor([[1, 5], [7, 2], [0, 0]])
        try print(s.shape, s.argmax(axis: 1), s.max(axis: 0).scalars, s.min().item())
        print(try Tensor.full([2], value: 2.5).scalars)
        try s.softmax().sum(axis: 1).scalars.map { ($0 * 1000).rounded() }
        """, origin: "cell 1")
        XCTAssertNil(r.error)
        XCTAssertEqual(r.outputs, [.text("[3, 2] [1, 0, 0] [7.0, 5.0] 0.0\n"), .text("[2.5, 2.5]\n"),
                                   .text("[1000.0, 1000.0, 1000.0]\n")])
        let ragged = session.execute("try Tensor([[1, 2], [3]])", origin: "cell 2")
        XCTAssertTrue(ragged.error?.description.contains("row 1 has 1 values, expected 2") ?? false,
                      "\(String(describing: ragged.error))")
        let axis = session.execute("try s.argmax(axis: 2)", origin: "cell 3")
        XCTAssertTrue(axis.error?.description.contains("argmax(axis:)") ?? false, "\(String(describing: axis.error))")
    }

    func testAFigureThatCannotBeShownIsACellError() {
        let dir = NSTemporaryDirectory() + "swiftnb-fig-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = Session(figuresDirectory: dir, figureStem: "nb")
        let last = session.execute("print(1)\nlet tiny = Figure(width: 4, height: 4)\ntiny\n", origin: "cell 1")
        XCTAssertEqual(last.outputs, [.text("1\n")])
        XCTAssertEqual(last.error?.description.contains("cell 1:3:1: error: cannot show this Figure"), true,
                       "\(String(describing: last.error))")
        XCTAssertEqual(last.error?.description.contains("16...16384"), true)
        let shown = session.execute("show(tiny)", origin: "cell 2")
        XCTAssertEqual(shown.error?.description.contains("cannot show this Figure"), true, "\(String(describing: shown.error))")
    }

    func testGroupedBarAndPieBindings() throws {
        let dir = NSTemporaryDirectory() + "swiftnb-fig-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = Session(figuresDirectory: dir, figureStem: "nb")
        let r = session.execute("""
        let g = Figure(width: 300, height: 200)
        try g.groupedBar([[1, 2], [3, 4]], groups: ["RMSE", "MAE"], series: ["VAE", "CF"])
        let p = Figure(width: 200, height: 200)
        try p.pie([3, 1], labels: ["drama", "comedy"])
        show(g)
        p
        """, origin: "cell 1", cellName: "charts")
        XCTAssertNil(r.error)
        XCTAssertEqual(r.outputs.count, 2)
        let bad = session.execute("try g.groupedBar([[1, 2]], groups: [\"a\"], series: [\"s\"])\nshow(g)", origin: "cell 2")
        XCTAssertNotNil(bad.error, "values that do not fit the groups are an error, not a trap")
    }

    func testFigureIsWrittenAndShownAsImage() throws {
        let dir = NSTemporaryDirectory() + "swiftnb-fig-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let session = Session(figuresDirectory: dir, figureStem: "nb")
        let r = session.execute("let f = Figure(width: 200, height: 120)\ntry f.line([1.0, 3.0, 2.0])\nf", origin: "cell 2", cellName: "curve")
        XCTAssertNil(r.error)
        guard case let .image(img)? = r.outputs.first else { return XCTFail("expected an image, got \(r.outputs)") }
        XCTAssertEqual(img.path, dir + "/nb-curve.png")
        let data = try Data(contentsOf: URL(fileURLWithPath: img.path))
        XCTAssertEqual(Array(data.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
    }

    func testCompletionOffersVariablesMembersAndCommands() {
        let session = Session()
        _ = session.execute("let values = [1, 2]", origin: "cell 1")
        XCTAssertTrue(Completion.candidates(word: "val", line: "val", session: session).contains("values"))
        XCTAssertTrue(Completion.candidates(word: "Tens", line: "Tens", session: session).contains("Tensor"))
        XCTAssertEqual(Completion.candidates(word: ":sa", line: ":sa", session: session), [":save"])
        XCTAssertNil(session.execute("let t = try Tensor.eye(2)", origin: "cell 2").error)
        XCTAssertEqual(Completion.candidates(word: "mat", line: "t.mat", session: session), ["matmul"])
        XCTAssertEqual(Completion.candidates(word: "ar", line: "Tensor.ar", session: session), ["arange"])
        XCTAssertEqual(Completion.candidates(word: "me", line: "Tensor.normal([2], me", session: session).first, "mean: ")
        XCTAssertTrue(Completion.candidates(word: "Ten", line: ":help Ten", session: session).contains("Tensor"))
    }

    func testCompletionOfCommandLines() throws {
        let session = Session()
        XCTAssertEqual(Completion.candidates(word: "he", line: ":he", session: session), ["help"],
                       "readline breaks the word at ':', so the candidate replaces 'he'")
        XCTAssertEqual(Completion.candidates(word: "so", line: ":help Tensor.so", session: session), ["softmax"])
        XCTAssertEqual(Completion.candidates(word: "ar", line: ":help Tensor.ar", session: session), ["arange", "argmax", "argmin"])
        XCTAssertEqual(Completion.candidates(word: "Fig", line: ":help Fig", session: session), ["Figure"])
        let dir = NSTemporaryDirectory() + "swiftnb-complete-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/notes", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "x".write(toFile: dir + "/notes/tour.swiftnb", atomically: true, encoding: .utf8)
        XCTAssertEqual(Completion.candidates(word: "no", line: ":load \(dir)/no", session: session), ["notes/"])
        XCTAssertEqual(Completion.candidates(word: "sw", line: ":run \(dir)/notes/tour.sw", session: session), ["swiftnb"])
        XCTAssertEqual(Completion.candidates(word: "", line: ":save \(dir)/notes/", session: session), ["tour.swiftnb"])
    }
}
