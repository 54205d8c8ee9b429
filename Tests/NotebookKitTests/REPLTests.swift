import XCTest
@testable import NotebookKit

/// Feeds the REPL fixed lines, as a pipe would.
final class ScriptedLineReader: LineReader {
    var lines: [String]
    var prompts: [String] = []
    var history: [String] = []
    init(_ lines: [String]) { self.lines = lines }
    /// A line "^C" stands for Ctrl-C pressed on that line.
    var lineWasCancelled = false
    func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        lineWasCancelled = line == "^C"
        return line
    }
    func addHistory(_ entry: String) { history.append(entry) }
    func saveHistory() {}
}

final class REPLTests: XCTestCase {
    func run(_ lines: [String]) -> (String, ScriptedLineReader, REPL) {
        var out = ""
        let reader = ScriptedLineReader(lines)
        let repl = REPL(session: Session(), reader: reader, write: { out += $0 })
        repl.run()
        return (out, reader, repl)
    }

    func testContinuationLinesWhileIncomplete() {
        let (out, reader, repl) = run(["func f(_ x: Int) -> Int {", "return x + 1", "}", "f(1)"])
        XCTAssertEqual(out, "2\n")
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.continuationPrompt, REPL.continuationPrompt, REPL.prompt, REPL.prompt])
        XCTAssertEqual(reader.history, ["func f(_ x: Int) -> Int {\nreturn x + 1\n}", "f(1)"])
        XCTAssertEqual(repl.history.count, 2)
    }

    func testErrorsLeaveTheSessionIntactAndCommandsWork() {
        let (out, _, _) = run(["let a = 5", "a / 0", "a + 1", ":vars", ":help sqrt_not_bound", ":bogus", ":quit", "a"])
        XCTAssertTrue(out.contains("repl 2:1:"), out)
        XCTAssertTrue(out.contains("6\n"))
        XCTAssertTrue(out.contains("a: Int = 5\n"))
        XCTAssertTrue(out.contains("no help for 'sqrt_not_bound'"))
        XCTAssertTrue(out.contains("unknown command :bogus"))
        XCTAssertFalse(out.hasSuffix("5\n"), "nothing runs after :quit")
    }

    func testEndOfInputInsideAnEntryCancelsIt() {
        let (out, _, _) = run(["let xs = [1,"])
        XCTAssertTrue(out.contains("entry cancelled"))
    }

    func testSaveAndLoadRoundTrip() throws {
        let path = NSTemporaryDirectory() + "swiftnb-repl-\(UUID().uuidString).swiftnb"
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = run(["let base = 40", "base + 2", ":save \(path)"])
        let (out, _, _) = run([":run \(path)", "base"])
        XCTAssertTrue(out.contains("42\nran 2 cell(s)"), out)
        XCTAssertTrue(out.hasSuffix("40\n"))
        let (quiet, _, _) = run([":load \(path)"])
        XCTAssertEqual(quiet, "loaded 2 cell(s) from \(path)\n")
    }

    func testCtrlCDropsTheLineOrTheWholeUnfinishedEntry() {
        let (out, reader, repl) = run(["let xs = [1,", "2,", "^C", "^C", "let ys = [3]", "ys"])
        XCTAssertEqual(out, "[3]\n")
        XCTAssertEqual(reader.prompts, [REPL.prompt, REPL.continuationPrompt, REPL.continuationPrompt,
                                        REPL.prompt, REPL.prompt, REPL.prompt, REPL.prompt])
        XCTAssertEqual(repl.history, ["let ys = [3]", "ys"], "a cancelled entry is not kept")
    }

    func testHistoryFileKeepsMultiLineEntriesWhole() {
        let entries = ["func f() {\n    print(\"a\\nb\")\n}", "f()"]
        let text = ReadlineLineReader.encodeHistory(entries)
        XCTAssertEqual(text.split(separator: "\n").count, 2, "one line per entry")
        XCTAssertEqual(ReadlineLineReader.decodeHistory(text), entries)
        XCTAssertEqual(ReadlineLineReader.decodeHistory("old\n\nlines\n"), ["old", "lines"], "readline's own files still read")
        let many = (0..<2500).map { "e\($0)" }
        XCTAssertEqual(ReadlineLineReader.decodeHistory(ReadlineLineReader.encodeHistory(many)).first, "e500")
    }
}
