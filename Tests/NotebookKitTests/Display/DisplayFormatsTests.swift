import Foundation
import XCTest
@testable import NotebookKit

/// A table and a cell's value in every format: aligned text in the terminal, a Markdown
/// table in .md, `<table>` in .html and .ipynb; the value set apart (`Out[n]:`) from what the
/// cell printed everywhere.
final class DisplayFormatsTests: XCTestCase {
    /// Runs a two-cell notebook in process: one printing then showing a table as its value.
    func runReport() throws -> RunReport {
        let notebook = Notebook(text: """
        // %%
        print("training done")
        Table(columns: ["metric", "mean"], rows: [["NDCG@100", 0.4123], ["Recall@20", 0.35]])
        // %%
        let answer = 41 + 1
        answer
        """)
        var options = RunOptions()
        options.outputDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("fmt-\(UUID().uuidString)").path
        return try NotebookRunner.run(notebook, name: "formats.swiftnb", options: options)
    }

    func testTerminalTableIsAlignedUnderTheOutPrompt() {
        let table = DisplayTable(columns: ["metric", "mean"], rows: [["NDCG@100", "0.4123"], ["R@20", "0.35"]], caption: "Test")
        XCTAssertEqual(table.plainText, "Test\nmetric    mean\n--------  ------\nNDCG@100  0.4123\nR@20      0.35\n")
        XCTAssertEqual(OutputPrompt.terminalText(count: 3, items: [.table(table)]), "Out[3]:\n" + table.plainText)
        XCTAssertEqual(OutputPrompt.terminalText(count: 4, items: [.text("42\n")]), "Out[4]: 42\n")
    }

    func testCellValueIsSetApartInMarkdown() throws {
        let md = MarkdownReport.render(try runReport(), reportDirectory: "/tmp")
        XCTAssertTrue(md.contains("```text\ntraining done\n```\n\n*Out[1]:*\n\n| metric | mean |\n| --- | ---: |\n| NDCG@100 | 0.4123 |\n"), md)
        XCTAssertTrue(md.contains("*Out[2]:*\n\n```text\n42\n```"), md)
    }

    func testCellValueIsSetApartInHTML() throws {
        let html = HTMLReport.render(try runReport())
        let printed = try XCTUnwrap(html.range(of: "<pre class=\"output\">training done\n</pre>"))
        let result = try XCTUnwrap(html.range(of: "<div class=\"result\"><div class=\"prompt\">Out[1]:</div>\n<table>"))
        XCTAssertLessThan(printed.lowerBound, result.lowerBound)
        XCTAssertTrue(html.contains("<td>NDCG@100</td><td class=\"num\">0.4123</td>"), html)
        XCTAssertTrue(html.contains("<div class=\"prompt\">Out[2]:</div>\n<pre class=\"output\">42\n</pre>"))
    }

    func testCellValueIsAnExecuteResultInIpynb() throws {
        let data = try IpynbReport.render(try runReport())
        let nb = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(nb["cells"] as? [[String: Any]])
        let outputs = try XCTUnwrap(cells[0]["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["output_type"] as? String }, ["stream", "execute_result"])
        XCTAssertEqual(outputs[1]["execution_count"] as? Int, 1)
        let bundle = try XCTUnwrap(outputs[1]["data"] as? [String: Any])
        XCTAssertTrue((bundle["text/html"] as? [String])?.joined().contains("<table>") ?? false)
        XCTAssertEqual((bundle["text/plain"] as? [String])?.first, "metric     mean\n")
    }

    func testShortRowsArePaddedInEveryFormat() {
        let table = DisplayTable(columns: ["a", "b"], rows: [["1"]])
        XCTAssertEqual(table.plainText, "a  b\n-  -\n1\n")
        XCTAssertTrue(MarkdownReport.table(table).contains("| 1 |  |\n"))
        XCTAssertTrue(HTMLReport.html(.table(table), loadImage: { _ in nil }).contains("<tr><td class=\"num\">1</td><td class=\"num\"></td></tr>"))
    }
}
