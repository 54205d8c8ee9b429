import Foundation
import XCTest

/// Cells run in a worker process: a cell that crashes it, is killed, hangs past `--timeout`
/// or needs more than `--memory-limit` ends with a located error, the run exits 1, and the
/// partial report and run.json hold the earlier cells' outputs.
final class CrashContainmentEndToEndTests: XCTestCase {
    let hooks = ["SWIFTNB_TEST_HOOKS": "1"]

    /// The cell statuses recorded in out/run.json.
    func statuses(_ dir: URL) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("out/run.json"))) as? [String: Any]
        XCTAssertEqual(json?["exitStatus"] as? Int, 1)
        return (json?["cells"] as? [[String: Any]])?.compactMap { $0["status"] as? String } ?? []
    }

    func testAbortInACellGivesALocatedErrorAndThePartialReport() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("crash.swiftnb"), "--out", "out"], in: dir, environment: hooks)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("crash.swiftnb:10:1: error: the cell crashed the notebook process (signal 6, SIGABRT): test hook: aborting the process (cell 3)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("the notebook process's last lines on stderr:\n    test hook: aborting the process"), r.stderr)
        XCTAssertTrue(r.stdout.contains("before the crash\nOut[1]: 42\nabout to crash\n"), r.stdout)
        let md = try read(dir.appendingPathComponent("out/crash.md"))
        XCTAssertTrue(md.contains("```text\nbefore the crash\n```"), md)
        XCTAssertTrue(md.contains("```text\nabout to crash\n```"), "what the crashing cell printed before the crash is kept: \(md)")
        XCTAssertTrue(md.contains("the cell crashed the notebook process (signal 6, SIGABRT)"), md)
        XCTAssertFalse(md.contains("after the crash\n```"), "later cells do not run")
        XCTAssertEqual(try statuses(dir), ["prose", "ok", "failed", "not-run"])
    }

    func testInProcessModeStillDiesWithTheProcess() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("crash.swiftnb"), "--out", "out", "--in-process"], in: dir, environment: hooks)
        // Foundation reports a process killed by a signal with the signal's number.
        XCTAssertEqual(r.status, SIGABRT, "--in-process keeps today's mode, crash included")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/run.json").path))
    }

    func testWorkerKilledWithSIGKILL() throws {
        let dir = try temporaryDirectory(self)
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("swiftnb")
        process.arguments = ["run", fixture("limits.swiftnb"), "--out", "out", "--param", "mode=kill"]
        process.currentDirectoryURL = dir
        process.environment = ProcessInfo.processInfo.environment.merging(hooks) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("pid "), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        while !seen.hasSuffix("\n"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let pidText = seen.components(separatedBy: "pid ").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let pid = try XCTUnwrap(Int32(pidText), seen)
        XCTAssertNotEqual(pid, process.processIdentifier, "the cell runs in another process")
        kill(pid, SIGKILL)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, errText)
        XCTAssertTrue(errText.contains("limits.swiftnb:12:1: error: the cell crashed the notebook process (signal 9, SIGKILL)"), errText)
        let md = try read(dir.appendingPathComponent("out/limits.md"))
        XCTAssertTrue(md.contains("```text\nbefore the limit\n```"), md)
        XCTAssertEqual(try statuses(dir), ["prose", "ok", "ok", "failed", "not-run"])
    }

    func testTimeoutInterruptsACellThatSpins() throws {
        let dir = try temporaryDirectory(self)
        let started = Date()
        let r = try runSwiftNB(["run", fixture("limits.swiftnb"), "--out", "out", "--timeout", "1"], in: dir, environment: hooks)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        // The interrupt stopped the loop where it was: the error points at it.
        XCTAssertTrue(r.stderr.contains("limits.swiftnb:15:5: error: the cell ran past --timeout 1 s and was interrupted (cell 4)"), r.stderr)
        let md = try read(dir.appendingPathComponent("out/limits.md"))
        XCTAssertTrue(md.contains("```text\nbefore the limit\n```"), md)
        XCTAssertTrue(md.contains("```text\nbreaking the limit: spin\n```"), md)
        XCTAssertEqual(try statuses(dir), ["prose", "ok", "ok", "failed", "not-run"])
    }

    func testTimeoutKillsACellDeafToInterrupts() throws {
        let dir = try temporaryDirectory(self)
        let started = Date()
        let r = try runSwiftNB(["run", fixture("limits.swiftnb"), "--out", "out", "--timeout", "0.5", "--param", "mode=block"],
                               in: dir, environment: hooks)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "the 30 s block was cut short")
        XCTAssertTrue(r.stderr.contains("limits.swiftnb:12:1: error: the cell ran past --timeout 0.5 s; it did not stop when interrupted, so the notebook process was killed (cell 4)"), r.stderr)
        XCTAssertEqual(try statuses(dir), ["prose", "ok", "ok", "failed", "not-run"])
    }

    func testMemoryLimit() throws {
        let dir = try temporaryDirectory(self)
        let r = try runSwiftNB(["run", fixture("limits.swiftnb"), "--out", "out", "--memory-limit", "1G", "--param", "mode=allocate"],
                               in: dir, environment: hooks)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("limits.swiftnb:12:1: error:") && r.stderr.contains("(cell 4)"), "a located error: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("--memory-limit") || r.stderr.contains("allocat"), r.stderr)
        let md = try read(dir.appendingPathComponent("out/limits.md"))
        XCTAssertTrue(md.contains("```text\nbefore the limit\n```"), md)
        XCTAssertTrue(md.contains("```text\nbreaking the limit: allocate\n```"), md)
        XCTAssertEqual(try statuses(dir), ["prose", "ok", "ok", "failed", "not-run"])
    }

    func testBadLimitsAreUsageErrors() throws {
        let dir = try temporaryDirectory(self)
        for args in [["--timeout", "0"], ["--memory-limit", "lots"], ["--timeout", "5", "--in-process"]] {
            let r = try runSwiftNB(["run", fixture("basic.swiftnb"), "--out", "out"] + args, in: dir)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.lowercased().contains("error: --"), r.stderr)
        }
    }

    func testReplStartsAFreshSessionAfterACrash() throws {
        let dir = try temporaryDirectory(self)
        let input = """
        let kept = 41
        kept + 1
        _testAbort()
        kept
        let fresh = 7
        fresh * 6
        _testExit(3)
        :history
        :save replay.swiftnb

        """
        let r = try runSwiftNB(["repl"], in: dir, input: input, environment: hooks)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("42\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("repl 3:1:1: error: the cell crashed the notebook process (signal 6, SIGABRT)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("The notebook process is gone and its variables with it; a fresh session has started."), r.stdout)
        XCTAssertTrue(r.stdout.contains("2 earlier entries can be replayed: :history lists them"), r.stdout)
        XCTAssertTrue(r.stdout.contains("cannot find 'kept' in scope"), "the state is gone: \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("repl 7:1:1: error: the notebook process exited with status 3 while the cell ran"), r.stdout)
        XCTAssertTrue(r.stdout.contains("4 earlier entries can be replayed"), r.stdout)
        XCTAssertTrue(r.stdout.hasSuffix("[1] let kept = 41\n[2] kept + 1\n[3] let fresh = 7\n[4] fresh * 6\nsaved 4 cell(s) to replay.swiftnb\n"), r.stdout)
        // What :save wrote replays in a fresh process.
        let replay = try runSwiftNB(["run", "replay.swiftnb", "--out", "out"], in: dir)
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertEqual(replay.stdout, "Out[2]: 42\nOut[4]: 42\n")
    }

    /// `swiftnb run` on the blocking cell, interrupted with SIGINT once or twice.
    func interruptBlockedRun(presses: Int, in dir: URL) throws -> (status: Int32, stderr: String, seconds: Double) {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("swiftnb")
        process.arguments = ["run", fixture("limits.swiftnb"), "--out", "out", "--param", "mode=block"]
        process.currentDirectoryURL = dir
        process.environment = ProcessInfo.processInfo.environment.merging(hooks) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("breaking the limit"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        let started = Date()
        for _ in 0..<presses {
            kill(process.processIdentifier, SIGINT)
            Thread.sleep(forTimeInterval: 0.2)
        }
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, errText, Date().timeIntervalSince(started))
    }

    func testSecondSIGINTKillsAStuckWorkerAndWritesThePartialReport() throws {
        let dir = try temporaryDirectory(self)
        let run = try interruptBlockedRun(presses: 2, in: dir)
        XCTAssertEqual(run.status, 130, run.stderr)
        XCTAssertLessThan(run.seconds, 4, "the second signal kills at once")
        XCTAssertTrue(run.stderr.contains("interrupted by SIGINT; writing the partial report"), run.stderr)
        let md = try read(dir.appendingPathComponent("out/limits.md"))
        XCTAssertTrue(md.contains("```text\nbefore the limit\n```"), md)
        XCTAssertTrue(md.contains("interrupted: the cell did not stop at Ctrl-C, so the notebook process was killed"), md)
        XCTAssertTrue(md.contains("*Interrupted by SIGINT while this cell ran; the run stopped here.*"), md)
    }

    func testACellIgnoringSIGINTForFiveSecondsIsKilled() throws {
        let dir = try temporaryDirectory(self)
        let run = try interruptBlockedRun(presses: 1, in: dir)
        XCTAssertEqual(run.status, 130, run.stderr)
        XCTAssertGreaterThan(run.seconds, 4.5, "the cell gets its grace")
        XCTAssertLessThan(run.seconds, 15)
        let md = try read(dir.appendingPathComponent("out/limits.md"))
        XCTAssertTrue(md.contains("interrupted: the cell did not stop at Ctrl-C, so the notebook process was killed"), md)
    }
}
