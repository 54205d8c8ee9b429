import Foundation
import XCTest

/// `swiftnb run` stopped by SIGINT or SIGTERM while a cell runs: the partial report and
/// run.json are written, the interrupted cell is marked, and the exit status is 128 + signal.
final class InterruptEndToEndTests: XCTestCase {
    /// Starts a run of the interrupt fixture, waits until the spinning cell has started,
    /// sends `signal`, and returns the exit status and stderr.
    func interruptedRun(signal: Int32, in dir: URL) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("swiftnb")
        process.arguments = ["run", fixture("interrupt.swiftnb"), "--out", "out", "--format", "md,html,ipynb"]
        process.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var seen = Data()
        let deadline = Date().addingTimeInterval(60)
        while !String(decoding: seen, as: UTF8.self).contains("spinning"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        XCTAssertTrue(String(decoding: seen, as: UTF8.self).contains("spinning"), "the spinning cell started")
        Thread.sleep(forTimeInterval: 0.2)
        kill(process.processIdentifier, signal)
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    func testSIGINTWritesThePartialReportAndExits130() throws {
        let dir = try temporaryDirectory(self)
        let run = try interruptedRun(signal: SIGINT, in: dir)
        XCTAssertEqual(run.status, 130, run.stderr)
        XCTAssertTrue(run.stderr.contains("interrupted by SIGINT"), run.stderr)

        let md = try read(dir.appendingPathComponent("out/interrupt.md"))
        XCTAssertTrue(md.contains("```text\nbefore the loop\n```\n\n*Out[1]:*\n\n```text\n42\n```"), md)
        XCTAssertTrue(md.contains("*Interrupted by SIGINT while this cell ran; the run stopped here.*"), md)
        XCTAssertTrue(md.contains("```text\nspinning\n```"), "the interrupted cell keeps what it printed")
        XCTAssertTrue(md.contains("*Not run: the run was interrupted.*"), md)
        XCTAssertFalse(md.contains("```text\nafter the loop"), "later cells do not run")

        let html = try read(dir.appendingPathComponent("out/interrupt.html"))
        XCTAssertTrue(html.contains("Partial report: the run was interrupted by SIGINT."))
        XCTAssertTrue(html.contains("<section class=\"cell interrupted\">"))

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/run.json"))) as? [String: Any]
        XCTAssertEqual(json?["exitStatus"] as? Int, 130)
        let statuses = (json?["cells"] as? [[String: Any]])?.compactMap { $0["status"] as? String }
        XCTAssertEqual(statuses, ["prose", "ok", "interrupted", "not-run"])
        let reports = (json?["reports"] as? [[String: Any]])?.compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } }
        XCTAssertEqual(reports, ["interrupt.md", "interrupt.html", "interrupt.ipynb"])
    }

    func testSIGTERMExits143WithTheReport() throws {
        let dir = try temporaryDirectory(self)
        let run = try interruptedRun(signal: SIGTERM, in: dir)
        XCTAssertEqual(run.status, 143, run.stderr)
        let md = try read(dir.appendingPathComponent("out/interrupt.md"))
        XCTAssertTrue(md.contains("*Interrupted by SIGTERM while this cell ran; the run stopped here.*"), md)
    }
}
