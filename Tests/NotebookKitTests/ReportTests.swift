import FileKit
import XCTest
@testable import NotebookKit

final class ReportTests: XCTestCase {
    func sampleReport(imagePath: String = "/tmp/none.png") -> RunReport {
        let prose = Cell(kind: .markdown, source: "# Tour\nSome *prose*.")
        let code = Cell(kind: .code, title: "Greet", source: "print(\"<b>hi</b>\")")
        let failing = Cell(kind: .code, source: "let x = [1][3]")
        return RunReport(notebookName: "tour.swiftnb", cells: [
            CellOutcome(index: 0, cell: prose, status: .prose),
            CellOutcome(index: 1, cell: code, status: .ok, outputs: [
                .text("<b>hi</b>\n"), .text("```\n"),
                .table(DisplayTable(columns: ["a", "b|c"], rows: [["1", "<2>"]])),
                .image(DisplayImage(path: imagePath, alt: "plot")),
            ], duration: 1.5),
            CellOutcome(index: 2, cell: failing, status: .failed, error: "cell 3, line 1: index out of range"),
        ])
    }

    func testMarkdownReport() {
        let md = MarkdownReport.render(sampleReport(imagePath: "/tmp/out/figures/a.png"), reportDirectory: "/tmp/out")
        XCTAssertTrue(md.contains("# Tour\nSome *prose*.\n\n"))
        XCTAssertTrue(md.contains("**Greet**\n\n```swift\nprint(\"<b>hi</b>\")\n```\n"))
        // Consecutive prints merge into one block with a fence longer than the text's backticks.
        XCTAssertTrue(md.contains("````text\n<b>hi</b>\n```\n````\n"), md)
        XCTAssertTrue(md.contains("| a | b\\|c |\n| ---: | --- |\n| 1 | &lt;2> |\n"), "a column of numbers is right-aligned")
        XCTAssertTrue(md.contains("![plot](figures/a.png)"))
        XCTAssertTrue(md.contains("**Error:**\n\n```text\ncell 3, line 1: index out of range\n```"))
        XCTAssertFalse(md.contains("1.5"), "durations stay out of the body")
    }

    func testHTMLReportEscapesOutputsAndInlinesImages() {
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let html = HTMLReport.render(sampleReport(), loadImage: { _ in png })
        XCTAssertTrue(html.contains("<h1 id=\"tour\">Tour<a class=\"anchor-link\" href=\"#tour\""), "prose is rendered from Markdown")
        XCTAssertTrue(html.contains("<em>prose</em>"))
        XCTAssertTrue(html.contains("&lt;b&gt;hi&lt;/b&gt;"))
        XCTAssertFalse(html.contains("<b>hi</b>"), "printed text must be escaped")
        XCTAssertTrue(html.contains("<th>b|c</th>"))
        XCTAssertTrue(html.contains("<td>&lt;2&gt;</td>"))
        XCTAssertTrue(html.contains("<th class=\"num\">a</th>"), "a column of numbers is right-aligned")
        XCTAssertTrue(html.contains("<td class=\"num\">1</td>"))
        XCTAssertTrue(html.contains("src=\"data:image/png;base64,\(png.base64EncodedString())\""))
        XCTAssertTrue(html.contains("index out of range"))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
    }

    func testIpynbReportIsANotebookWithOutputs() throws {
        let png = Data([0x89, 0x50, 0x4E, 0x47])
        let data = try IpynbReport.render(sampleReport(), loadImage: { _ in png })
        let nb = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(nb["nbformat"] as? Int, 4)
        let cells = try XCTUnwrap(nb["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code", "code"])
        XCTAssertEqual(cells[0]["source"] as? [String], ["# Tour\n", "Some *prose*."])
        XCTAssertEqual(cells[1]["execution_count"] as? Int, 1)
        XCTAssertEqual((cells[1]["metadata"] as? [String: Any])?["title"] as? String, "Greet")
        let outputs = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["output_type"] as? String }, ["stream", "display_data", "display_data"])
        XCTAssertEqual(outputs[0]["text"] as? [String], ["<b>hi</b>\n", "```\n"], "printed text stays as printed")
        let table = try XCTUnwrap(outputs[1]["data"] as? [String: Any])
        XCTAssertTrue((table["text/html"] as? [String])?.joined().contains("<td>&lt;2&gt;</td>") ?? false)
        XCTAssertEqual((outputs[2]["data"] as? [String: Any])?["image/png"] as? String, png.base64EncodedString())
        let error = try XCTUnwrap((cells[2]["outputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(error["output_type"] as? String, "error")
        XCTAssertEqual(error["evalue"] as? String, "cell 3, line 1: index out of range")
        var other = sampleReport()
        other.cells[1].duration = 99
        XCTAssertEqual(data, try IpynbReport.render(other, loadImage: { _ in png }), "byte-stable")
        XCTAssertEqual(IpynbReport.lines("a\nb\n"), ["a\n", "b\n"])
        XCTAssertEqual(IpynbReport.lines(""), [])
    }

    func testReportsAreByteStable() {
        let a = HTMLReport.render(sampleReport(), loadImage: { _ in nil })
        var other = sampleReport()
        other.cells[1].duration = 99
        XCTAssertEqual(a, HTMLReport.render(other, loadImage: { _ in nil }))
        XCTAssertEqual(MarkdownReport.render(sampleReport(), reportDirectory: "/tmp"),
                       MarkdownReport.render(other, reportDirectory: "/tmp"))
    }

    func testWriterWritesFilesAtomicallyAndRunJSON() throws {
        let dir = NSTemporaryDirectory() + "swiftnb-report-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let paths = try ReportWriter.write(sampleReport(), formats: [.markdown, .html], to: dir,
                                           startedAt: Date(timeIntervalSince1970: 0), duration: 2, exitStatus: 1)
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, ["tour.md", "tour.html", "run.json"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary files stay behind")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/run.json"))) as? [String: Any]
        XCTAssertEqual(json?["exitStatus"] as? Int, 1)
        let cells = json?["cells"] as? [[String: Any]]
        XCTAssertEqual(cells?.count, 3)
        XCTAssertEqual(cells?[1]["durationSeconds"] as? Double, 1.5)
        XCTAssertEqual(cells?[2]["status"] as? String, "failed")
    }

    func testAtomicWriteReportsUnwritablePath() {
        XCTAssertThrowsError(try AtomicFile.write("x", to: "/proc/definitely/not/here.md")) { error in
            XCTAssertTrue("\(error)".contains("cannot"))
        }
    }

    func testFormatList() throws {
        XCTAssertEqual(try ReportFormat.parseList("md,html"), [.markdown, .html])
        XCTAssertEqual(try ReportFormat.parseList("ipynb, md"), [.ipynb, .markdown])
        XCTAssertThrowsError(try ReportFormat.parseList("md,pdf"))
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(Hashing.sha256(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(Hashing.sha256(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(Hashing.sha256(Data(String(repeating: "a", count: 1000).utf8)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testTablePlainTextAligns() {
        let t = DisplayTable(columns: ["name", "n"], rows: [["a", "10"], ["longer", "2"]])
        XCTAssertEqual(t.plainText, "name    n\n------  --\na       10\nlonger  2\n")
    }

    func testProseLinesStartingWithCodeOrDashesContinueTheParagraph() {
        let prose = """
        The report lands in
        `reports/tour.md`, and
        -1 is a number, #1 a rank,
        <b>bold</b> too.

        ```sh
        `kept`
        ```
        - a list item
        # A heading
        """
        let joined = MarkdownSoftBreaks.joined(prose)
        XCTAssertEqual(joined, """
        The report lands in `reports/tour.md`, and -1 is a number, #1 a rank, <b>bold</b> too.

        ```sh
        `kept`
        ```
        - a list item
        # A heading
        """)
        let nb = Notebook(cells: [Cell(kind: .markdown, source: "Run\n`swiftnb run`\nnow.")])
        let html = HTMLReport.render(RunReport(notebookName: "p.swiftnb", cells: [CellOutcome(index: 0, cell: nb.cells[0], status: .prose)]))
        XCTAssertTrue(html.contains("<p>Run <code>swiftnb run</code> now.</p>"), html)
    }
}
