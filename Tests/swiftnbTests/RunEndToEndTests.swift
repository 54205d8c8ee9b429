import Foundation
import XCTest

final class RunEndToEndTests: XCTestCase {
    func testRunWritesReportsAndStreamsOutput() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("basic.swiftnb"), "--out", "out"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("hello, world <&>\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("hello, world <&>\nOut[2]: 4.5\n"), "the last expression's value is shown as Out[n]")
        XCTAssertTrue(r.stdout.contains("i = 2\n"))
        XCTAssertFalse(r.stdout.contains("never printed"), "skip-execution cells do not run")
        XCTAssertFalse(r.stdout.contains("verbose"))

        let md = try read(dir.appendingPathComponent("out/basic.md"))
        XCTAssertTrue(md.contains("# Fixture notebook\nProse with <b>bold</b> & *emphasis*."))
        XCTAssertTrue(md.contains("```swift\nprint(\"hello, \\(name) <&>\")"))
        XCTAssertTrue(md.contains("hello, world <&>\n```\n\n*Out[2]:*\n\n```text\n4.5\n```"), "the value is set apart as Out[n]")
        XCTAssertTrue(md.contains("Expected error:"))
        XCTAssertTrue(md.contains("*Skipped (tag `skip-execution`).*"))

        let html = try read(dir.appendingPathComponent("out/basic.html"))
        XCTAssertTrue(html.contains("<h1 id=\"fixture-notebook\">Fixture notebook<a class=\"anchor-link\""))
        XCTAssertTrue(html.contains("hello, world &lt;&amp;&gt;"), "printed text is escaped")
        XCTAssertFalse(html.contains("hello, world <&>"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/run.json"))) as? [String: Any]
        let statuses = (json?["cells"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
        XCTAssertEqual(statuses, ["prose", "ok", "ok", "expected-error", "skipped", "ok"])
        XCTAssertEqual(json?["exitStatus"] as? Int, 0)
    }

    /// `run` hands its standard input to the notebook: `readLine()` in the worker reads piped answers.
    func testReadLineReadsPipedStandardInput() throws {
        let dir = try temporaryDirectory(self)
        let notebook = dir.appendingPathComponent("echo.swiftnb")
        try "// %%\nwhile let line = readLine() { print(\"got \\(line)\") }\nprint(\"end\")\n".write(to: notebook, atomically: true, encoding: .utf8)
        let r = try runSwiftNB(["run", notebook.path, "--out", "out"], in: dir, input: "first\nsecond\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("got first\ngot second\nend\n"), r.stdout)
    }

    func testReportsAreByteStableAcrossRuns() throws {
        let dir = try temporaryDirectory(self)
        for out in ["a", "b"] {
            XCTAssertEqual(try runSwiftNB(["run", fixture("basic.swiftnb"), "--out", out], in: dir).status, 0)
        }
        for file in ["basic.md", "basic.html"] {
            XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("a/\(file)")),
                           try Data(contentsOf: dir.appendingPathComponent("b/\(file)")), file)
        }
    }

    func testParamOverridesAreCoercedToTheDefaultsType() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("basic.swiftnb"), "--out", "out", "--format", "md",
                                "--param", "n=5", "--param", "name=Swift", "--param", "verbose=true"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("hello, Swift <&>"))
        XCTAssertTrue(r.stdout.contains("7.5\n"), "n is an Int: Double(5) * 1.5")
        XCTAssertTrue(r.stdout.contains("i = 4\n"))
        XCTAssertTrue(r.stdout.contains("verbose\n"))
        let md = try read(dir.appendingPathComponent("out/basic.md"))
        XCTAssertTrue(md.contains("`n = 5`"), md)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/basic.html").path))
    }

    func testUnknownOrBadParameterIsAUsageError() throws {
        let dir = try temporaryDirectory(self)
        let unknown = try runSwiftNB(["run", fixture("basic.swiftnb"), "--param", "epochs=3"], in: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown parameter 'epochs'; known parameters: n, scale, name, verbose"), unknown.stderr)
        let bad = try runSwiftNB(["run", fixture("basic.swiftnb"), "--param", "n=2.5"], in: dir)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("'2.5' is not a valid Int"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path),
                       "nothing runs or is written on a usage error")
    }

    func testFailingCellStopsTheRunWithExitOne() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("failing.swiftnb")], in: dir)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("before\npartial output\n"))
        XCTAssertFalse(r.stdout.contains("after"))
        XCTAssertTrue(r.stderr.contains("failing.swiftnb:10:17: error: index 5 out of range for array of count 3 (cell 3)"), r.stderr)
        let md = try read(dir.appendingPathComponent("reports/failing.md"))
        XCTAssertTrue(md.contains("partial output"), "the failing cell's own output is in the report")
        XCTAssertTrue(md.contains("**Error:**"))
        XCTAssertTrue(md.contains("let bad = values[5]\n"))
        XCTAssertTrue(md.contains("*Not run: an earlier cell failed.*"))
    }

    func testAllowErrorsRunsOnPastTheFailure() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("failing.swiftnb"), "--allow-errors"], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("after\n"))
        XCTAssertTrue(try read(dir.appendingPathComponent("reports/failing.md")).contains("**Error:**"))
    }

    func testTheTourRunsCleanAndEmbedsItsFigures() throws {
        let tour = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("notebooks/tour.swiftnb").path
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", tour], in: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try read(dir.appendingPathComponent("reports/tour.html"))
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "src=\"data:image/png;base64,").count - 1, 3)
        XCTAssertFalse(html.contains("src=\"figures/"), "the HTML report is self-contained")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("figures/tour/word-counts.png").path))
        XCTAssertEqual(try runSwiftNB(["check", tour], in: dir).status, 0)
        let ipynb = try runSwiftNB(["run", tour, "--format", "ipynb", "--out", "nb"], in: dir)
        XCTAssertEqual(ipynb.status, 0, ipynb.stderr)
        let data = try Data(contentsOf: dir.appendingPathComponent("nb/tour.ipynb"))
        let nb = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(nb["nbformat"] as? Int, 4)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("nb/tour.html").path))
    }

    func testUsageAndFileErrorsExitTwo() throws {
        let dir = try temporaryDirectory(self)
        XCTAssertEqual(try runSwiftNB(["run", "missing.swiftnb"], in: dir).status, 2)
        XCTAssertEqual(try runSwiftNB(["run", fixture("basic.swiftnb"), "--bogus"], in: dir).status, 2)
        XCTAssertEqual(try runSwiftNB(["run"], in: dir).status, 2)
        XCTAssertEqual(try runSwiftNB(["run", fixture("basic.swiftnb"), "--format", "pdf"], in: dir).status, 2)
        XCTAssertEqual(try runSwiftNB(["--help"], in: dir).status, 0)
    }

    func testBadNotebookFilesAreLocatedUsageErrors() throws {
        let dir = try temporaryDirectory(self)
        let utf = dir.appendingPathComponent("utf.swiftnb")
        try Data(Array("// %% A\nprint(1)\nprint(\"".utf8) + [0xC3, 0x28] + Array("\")\n".utf8)).write(to: utf)
        let badUTF = try runSwiftNB(["run", utf.path], in: dir)
        XCTAssertEqual(badUTF.status, 2)
        XCTAssertTrue(badUTF.stderr.contains("not UTF-8 text: invalid byte sequence at line 3, column 8"), badUTF.stderr)
        XCTAssertEqual(badUTF.stdout, "", "no cell runs")

        let tags = dir.appendingPathComponent("tags.swiftnb")
        try "// %% A\nprint(1)\n// %% B tags=[\"raises-exception\"\nprint(2)\n// %% [markdown\n// prose\n".write(to: tags, atomically: true, encoding: .utf8)
        for command in ["run", "check"] {
            let r = try runSwiftNB([command, tags.path], in: dir)
            XCTAssertEqual(r.status, 2, command)
            XCTAssertTrue(r.stderr.contains("error: \(tags.path):3: cell 2: unterminated list"), r.stderr)
            XCTAssertTrue(r.stderr.contains("error: \(tags.path):5: cell 3: unterminated '[markdown'"), r.stderr)
            XCTAssertEqual(r.stdout, "", "no cell runs")
        }
        let folder = try runSwiftNB(["run", dir.path], in: dir)
        XCTAssertEqual(folder.status, 2)
        XCTAssertTrue(folder.stderr.contains("it is a folder, not a notebook file"), folder.stderr)
        let missing = try runSwiftNB(["check", "nothere.swiftnb"], in: dir)
        XCTAssertTrue(missing.stderr.contains("nothere.swiftnb': no such file"), missing.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
    }

    func testUnwritableOutputFolderFailsBeforeRunning() throws {
        let dir = try temporaryDirectory(self)
        let blocker = dir.appendingPathComponent("blocker")
        try Data([1]).write(to: blocker)
        for out in [blocker.path, blocker.path + "/reports"] {
            let r = try runSwiftNB(["run", fixture("basic.swiftnb"), "--out", out], in: dir)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.hasPrefix("error: cannot write '\(out)'"), r.stderr)
            XCTAssertEqual(r.stdout, "", "no cell runs when the report could not be written")
        }
    }

    func testParameterErrorsNameTheNotebookAndLine() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("basic.swiftnb"), "--param", "scale=big"], in: dir)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("basic.swiftnb:7: parameter 'scale': 'big' is not a valid Double"), r.stderr)
        let malformed = try runSwiftNB(["run", fixture("basic.swiftnb"), "--param", "n"], in: dir)
        XCTAssertEqual(malformed.status, 2)
        XCTAssertTrue(malformed.stderr.contains("--param 'n': expected name=value"), malformed.stderr)
    }

    func testEmptyOptionsAndInvalidParametersCellAreUsageErrors() throws {
        let dir = try temporaryDirectory(self)
        let noFormat = try runSwiftNB(["run", fixture("basic.swiftnb"), "--format", ""], in: dir)
        XCTAssertEqual(noFormat.status, 2)
        XCTAssertTrue(noFormat.stderr.contains("unknown report format ''"), noFormat.stderr)
        let noOut = try runSwiftNB(["run", fixture("basic.swiftnb"), "--out", ""], in: dir)
        XCTAssertEqual(noOut.status, 2)
        XCTAssertTrue(noOut.stderr.contains("--out needs a folder name"), noOut.stderr)
        let nb = dir.appendingPathComponent("params.swiftnb")
        try "// %% [markdown]\n// hi\n// %% tags=[\"parameters\"]\nlet n = 1\nprint(n)\n".write(to: nb, atomically: true, encoding: .utf8)
        let bad = try runSwiftNB(["run", nb.path], in: dir)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.hasPrefix("error: \(nb.path): parameters cell: cell 2:2:6: error: a parameters cell may only contain"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("\n    print(n)\n"), "the quoted line is not prefixed: \(bad.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports").path))
    }
}
