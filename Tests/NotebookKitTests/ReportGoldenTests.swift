import FileKit
import XCTest
@testable import NotebookKit

/// The report parts added for publication (header, table of contents, heading anchors,
/// highlighting, Out[n], figure captions, interrupted runs) compared with golden files in
/// `Golden/`. `SWIFTNB_REGENERATE_GOLDEN=1 swift test --filter ReportGoldenTests` rewrites them.
final class ReportGoldenTests: XCTestCase {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])

    func goldenReport() -> RunReport {
        let intro = Cell(kind: .markdown, source: "# Ratings study\nWhy counts matter.\n\n## Data\nThe *toy* data.")
        let code = Cell(kind: .code, title: "Count ratings", source: """
            // Count the ratings per user.
            let counts = [3, 5, 2]
            print("users: \\(counts.count)")
            Table(counts)
            """)
        let plot = Cell(kind: .code, title: "Rating histogram", source: "let fig = Figure(width: 400, height: 300)\nfig")
        let more = Cell(kind: .markdown, source: "## Data\nA second heading of the same name.")
        let spin = Cell(kind: .code, title: "Train", source: "while true { }")
        let after = Cell(kind: .code, source: "print(1.5e-3)")
        var report = RunReport(notebookName: "study.swiftnb", overriddenParameters: [("epochs", "3")], cells: [
            CellOutcome(index: 0, cell: intro, status: .prose),
            CellOutcome(index: 1, cell: code, status: .ok, outputs: [
                .text("users: 3\n"), .table(DisplayTable(columns: ["user", "ratings"], rows: [["a", "3"], ["b", "5"]])),
            ], resultIndex: 1),
            CellOutcome(index: 2, cell: plot, status: .ok, outputs: [
                .image(DisplayImage(path: "/tmp/out/figures/study-rating-histogram.png", alt: "Ratings",
                                    displaySize: (400, 300))),
            ], resultIndex: 0),
            CellOutcome(index: 3, cell: more, status: .prose),
            CellOutcome(index: 4, cell: spin, status: .interrupted, outputs: [.text("epoch 1\n")],
                        error: "cell 5:1:14: error: interrupted\n    while true { }\n                 ^"),
            CellOutcome(index: 5, cell: after, status: .notRun),
        ])
        report.interruptingSignal = 2
        return report
    }

    func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)").path
        if ProcessInfo.processInfo.environment["SWIFTNB_REGENERATE_GOLDEN"] != nil {
            try AtomicFile.write(text, to: path)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text, golden, "\(name) differs from its golden file; regenerate with SWIFTNB_REGENERATE_GOLDEN=1",
                       file: file, line: line)
    }

    func testHTMLReportMatchesGolden() throws {
        try assertGolden(HTMLReport.render(goldenReport(), loadImage: { _ in Self.png }), "report.html")
    }

    func testMarkdownReportMatchesGolden() throws {
        try assertGolden(MarkdownReport.render(goldenReport(), reportDirectory: "/tmp/out"), "report.md")
    }

    func testHTMLParts() {
        let html = HTMLReport.render(goldenReport(), loadImage: { _ in Self.png })
        XCTAssertTrue(html.contains("<p class=\"notebook-name\">study.swiftnb</p>"))
        XCTAssertTrue(html.contains("<code>epochs = 3</code>"))
        XCTAssertTrue(html.contains("<li class=\"toc-level-1\"><a href=\"#ratings-study\">Ratings study</a></li>"))
        XCTAssertTrue(html.contains("<a href=\"#data-1\">Data</a>"), "repeated headings get unique anchors")
        XCTAssertTrue(html.contains("<span class=\"tok-comment\">// Count the ratings per user.</span>"))
        XCTAssertTrue(html.contains("<span class=\"tok-keyword\">let</span> counts"))
        XCTAssertTrue(html.contains("<span class=\"tok-string\">&quot;users: \\(counts.count)&quot;</span>"))
        XCTAssertTrue(html.contains("<div class=\"result\"><div class=\"prompt\">Out[1]:</div>\n<table>"))
        XCTAssertTrue(html.contains("width=\"400\" height=\"300\" src=\"data:image/png;base64,"), "2x PNG shown at 1x size")
        XCTAssertTrue(html.contains("<figcaption>Rating histogram</figcaption></figure>"))
        XCTAssertTrue(html.contains("@media (prefers-color-scheme: dark)"))
        XCTAssertTrue(html.contains("Interrupted by SIGINT while this cell ran"))
        XCTAssertFalse(html.contains("<script"), "no JavaScript")
    }

    func testIpynbMarksTheValueAsExecuteResultAndSizesFigures() throws {
        let data = try IpynbReport.render(goldenReport(), loadImage: { _ in Self.png })
        let nb = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(nb["cells"] as? [[String: Any]])
        let counted = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(counted.map { $0["output_type"] as? String }, ["stream", "execute_result"])
        XCTAssertEqual(counted[1]["execution_count"] as? Int, 1)
        let figure = try XCTUnwrap((cells[2]["outputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(figure["output_type"] as? String, "execute_result")
        let size = (figure["metadata"] as? [String: Any])?["image/png"] as? [String: Any]
        XCTAssertEqual(size?["width"] as? Int, 400, "the 2x PNG is shown at the figure's size")
        let interrupted = try XCTUnwrap((cells[4]["outputs"] as? [[String: Any]])?.last)
        XCTAssertEqual(interrupted["ename"] as? String, "KeyboardInterrupt")
    }

    func testTimingsAppearOnlyWhenAsked() {
        var report = goldenReport()
        report.cells[1].duration = 1.25
        XCTAssertFalse(HTMLReport.render(report, loadImage: { _ in nil }).contains("1.250 s"))
        XCTAssertTrue(HTMLReport.render(report, timings: true, loadImage: { _ in nil }).contains("<p class=\"timing\">1.250 s</p>"))
    }

    func testHighlightingSpans() {
        let source = "let x = 1.5 // one\n/* a /* nested */ b */ Tensor.zeros([2])"
        let spans = CodeHighlighter.html(source)
        XCTAssertEqual(spans, "<span class=\"tok-keyword\">let</span> x = <span class=\"tok-number\">1.5</span> "
            + "<span class=\"tok-comment\">// one</span>\n<span class=\"tok-comment\">/* a /* nested */ b */</span> "
            + "<span class=\"tok-type\">Tensor</span>.zeros([<span class=\"tok-number\">2</span>])")
        XCTAssertEqual(CodeHighlighter.html("\"unterminated <"), "<span class=\"tok-string\">&quot;unterminated &lt;</span>",
                       "broken code is still escaped")
    }

    func testRunJSONNamesTheHashOfEveryReport() throws {
        let dir = NSTemporaryDirectory() + "swiftnb-set-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ReportWriter.write(goldenReport(), formats: [.markdown, .html, .ipynb], to: dir,
                                   startedAt: Date(timeIntervalSince1970: 0), duration: 1, exitStatus: 130)
        let record = try JSONDecoder().decode(RunRecord.self, from: Data(contentsOf: URL(fileURLWithPath: dir + "/run.json")))
        XCTAssertEqual(record.reports.map { ($0.path as NSString).lastPathComponent }, ["study.md", "study.html", "study.ipynb"])
        for file in record.reports {
            XCTAssertEqual(file.sha256, Hashing.sha256(ofFile: file.path), file.path)
        }
        XCTAssertEqual(record.cells.map(\.status), ["prose", "ok", "ok", "prose", "interrupted", "not-run"])
    }
}
