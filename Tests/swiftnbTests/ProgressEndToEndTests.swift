import Foundation
import XCTest

/// Progress bars end to end: through the worker to a pipe (a few plain lines, the summary in
/// the report) and to a terminal (a live bar; Ctrl-C stops the call at its next step and the
/// REPL session keeps its state).
final class ProgressEndToEndTests: XCTestCase {
    func testRunToAPipePrintsAFewPlainLinesAndTheReportKeepsTheSummary() throws {
        let dir = try temporaryDirectory(self)
        let notebook = dir.appendingPathComponent("bars.swiftnb")
        try "// %%\nlet n = try _testProgress(steps: 20, secondsPerStep: 0.02)\nprint(\"got \\(n)\")\n"
            .write(to: notebook, atomically: true, encoding: .utf8)
        let result = try runSwiftNB(["run", notebook.path, "--out", dir.appendingPathComponent("out").path, "--format", "md"],
                                    in: dir, environment: ["SWIFTNB_TEST_HOOKS": "1"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Test work: started (20 step)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Test work: 50% (10/20 step, "), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("Test work: 20 steps\ngot 20\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("\r"), "no live bar when stdout is not a terminal")
        let md = try String(contentsOf: dir.appendingPathComponent("out/bars.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("```text\nTest work: 20 steps\ngot 20\n```"), md)
        XCTAssertFalse(md.contains("50%"), "reports keep only the summary line")
    }

    func testLiveBarOnATerminalAndCtrlCStopsTheCallKeepingTheSession() throws {
        let (t, _) = try TerminalSession.started(for: self, environment: ["SWIFTNB_TEST_HOOKS": "1"])
        XCTAssertTrue(t.waitFor("swiftnb> "), t.screen)
        t.type("var kept = 5\r")
        XCTAssertTrue(t.waitFor("swiftnb> ", count: 2), t.screen)
        t.type("for _ in 0..<3 { kept += try _testProgress(steps: 500, secondsPerStep: 0.02) }\r")
        XCTAssertTrue(t.waitFor("/500 step ["), t.screen)
        XCTAssertTrue(t.waitFor(" step/s]"), t.screen)
        XCTAssertTrue(t.screen.contains("|"), "a bar: \(t.screen)")
        t.type("\u{3}")
        XCTAssertTrue(t.waitFor("Test work: stopped after "), t.screen)
        XCTAssertTrue(t.waitFor("Interrupted."), t.screen)
        XCTAssertFalse(t.screen.contains("a fresh session"), "the worker was not killed: \(t.screen)")
        t.type("kept\r")
        XCTAssertTrue(t.waitFor("\n5\n"), "the loop stopped in its first call and the state is kept: \(t.screen)")
        t.type("\u{4}")
        XCTAssertEqual(t.waitForExit(), 0, t.screen)
    }

    /// Ctrl-C (SIGINT) during library work that reports progress but checks for interrupts
    /// only between long steps: the worker is given more than the usual 5 s to stop, so the
    /// call stops at its next step instead of the worker being killed.
    func testInterruptWaitsForTheNextStepOfWorkThatReportsProgress() throws {
        let dir = try temporaryDirectory(self)
        let notebook = dir.appendingPathComponent("slow.swiftnb")
        try "// %%\nlet n = try _testProgress(steps: 3, secondsPerStep: 6.5)\n"
            .write(to: notebook, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("swiftnb")
        process.arguments = ["run", notebook.path, "--out", dir.appendingPathComponent("out").path, "--format", "md"]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFTNB_TEST_HOOKS"] = "1"
        process.environment = environment
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 7.5)          // after the first step's update
        process.interrupt()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130)
        let md = try String(contentsOf: dir.appendingPathComponent("out/slow.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("Test work: stopped after 2 of 3 steps"), md)
        XCTAssertFalse(md.contains("killed"), md)
    }
}
