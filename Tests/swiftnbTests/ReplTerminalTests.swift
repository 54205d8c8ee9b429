import Foundation
import XCTest

/// `swiftnb repl` on a real terminal: `script` (util-linux) runs it on a pseudo-terminal, so
/// readline is used, and the keys written here go through the terminal driver (`\u{3}` is
/// Ctrl-C and becomes SIGINT, `\u{4}` is Ctrl-D at an empty line).
final class TerminalSession {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()

    init(home: URL, environment extra: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let swiftnb = productsDirectory.appendingPathComponent("swiftnb").path
        process.arguments = ["-qfec", "exec '\(swiftnb)' repl --figures '\(home.path)/figures'", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["TERM"] = "xterm"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.currentDirectoryURL = home
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [weak self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                guard let self else { return }
                self.lock.lock()
                self.buffer.append(data)
                self.lock.unlock()
            }
        }
    }

    /// Everything the terminal showed so far, without escape sequences and carriage returns.
    var screen: String {
        lock.lock()
        let text = String(decoding: buffer, as: UTF8.self)
        lock.unlock()
        return text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "")
    }

    /// Types `keys`.
    func type(_ keys: String) {
        input.fileHandleForWriting.write(Data(keys.utf8))
    }

    /// Waits until the screen shows `text` `count` times (at most `timeout` seconds).
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: Double = 10) -> Bool {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if screen.components(separatedBy: text).count - 1 >= count { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Waits for the process to end (at most `timeout` seconds); nil when it did not.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let end = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate(); return nil }
        return process.terminationStatus
    }
}

extension TerminalSession {
    /// A REPL on a pseudo-terminal for `test`, in a fresh home folder, stopped when the test
    /// ends; the test is skipped where `script` (util-linux) is missing.
    static func started(for test: XCTestCase, environment: [String: String] = [:]) throws -> (TerminalSession, home: URL) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("needs /usr/bin/script (util-linux) to run the REPL on a pseudo-terminal")
        }
        let home = try temporaryDirectory(test)
        let t = try TerminalSession(home: home, environment: environment)
        test.addTeardownBlock { if t.process.isRunning { t.process.terminate() } }
        return (t, home)
    }
}

final class ReplTerminalTests: XCTestCase {
    func testReadlineCompletionContinuationCtrlCCtrlDAndHistory() throws {
        let (t, home) = try TerminalSession.started(for: self)
        let prompt = "swiftnb> "
        XCTAssertTrue(t.waitFor(prompt), t.screen)

        // Tab completes a member after `.`; the value of an expression is printed.
        t.type("let values = [3, 1, 2]\r")
        XCTAssertTrue(t.waitFor(prompt, count: 2), t.screen)
        t.type("values.cou\t\r")
        XCTAssertTrue(t.waitFor("values.count\n"), t.screen)
        XCTAssertTrue(t.waitFor("\n3\n"), t.screen)

        // A multi-line func continues on `...>` lines.
        t.type("func twice(_ x: Int) -> Int {\r")
        XCTAssertTrue(t.waitFor("...> "), t.screen)
        t.type("return 2 * x\r}\rtwice(21)\r")
        XCTAssertTrue(t.waitFor("\n42\n"), t.screen)

        // Ctrl-C on a continuation line drops the whole entry.
        t.type("[1,\r")
        XCTAssertTrue(t.waitFor("...> ", count: 3), t.screen)
        t.type("\u{3}")
        XCTAssertTrue(t.waitFor("^C"), t.screen)
        t.type("7\r")
        XCTAssertTrue(t.waitFor("\n7\n"), t.screen)

        // Ctrl-C interrupts a running loop; the session keeps its state. (Pressed again until
        // it lands: a press before the loop starts is dropped, as at a shell.)
        t.type("var i = 0; while true { i += 1 }\r")
        var interrupted = false
        for _ in 0..<30 where !interrupted {
            Thread.sleep(forTimeInterval: 0.3)
            t.type("\u{3}")
            interrupted = t.waitFor("Interrupted.", timeout: 0.5)
        }
        XCTAssertTrue(interrupted, t.screen)
        t.type("i > 0 && values.count == 3\r")
        XCTAssertTrue(t.waitFor("\ntrue\n"), t.screen)

        // :help completes names and members too.
        t.type(":help Tensor.so\t\r")
        XCTAssertTrue(t.waitFor("Tensor.softmax() throws -> Tensor"), t.screen)

        // Ctrl-D leaves with status 0; the history keeps the multi-line entry whole.
        t.type("\u{4}")
        XCTAssertEqual(t.waitForExit(), 0, t.screen)
        let history = try String(contentsOf: home.appendingPathComponent(".swiftnb_history"), encoding: .utf8)
        XCTAssertTrue(history.contains("func twice(_ x: Int) -> Int {\u{1}return 2 * x\u{1}}\n"), history)
        XCTAssertTrue(history.contains("values.count\n"), history)
        XCTAssertFalse(history.contains("[1,"), "a cancelled entry is not kept: \(history)")
    }

    /// A statement stuck in native code ignores Ctrl-C; a second Ctrl-C within a second kills
    /// the worker, and the REPL goes on with a fresh session, its line history intact.
    func testDoubleCtrlCKillsAStuckWorkerAndTheSessionGoesOn() throws {
        let (t, _) = try TerminalSession.started(for: self, environment: ["SWIFTNB_TEST_HOOKS": "1"])
        XCTAssertTrue(t.waitFor("swiftnb> "), t.screen)
        t.type("let before = 5\r")
        XCTAssertTrue(t.waitFor("swiftnb> ", count: 2), t.screen)
        t.type("print(\"blocking\"); _testBlock(seconds: 60)\r")
        XCTAssertTrue(t.waitFor("blocking\n"), t.screen)
        let started = Date()
        t.type("\u{3}")
        Thread.sleep(forTimeInterval: 0.3)
        t.type("\u{3}")
        XCTAssertTrue(t.waitFor("a fresh session has started"), t.screen)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "killed at the second press, not after the grace")
        XCTAssertTrue(t.screen.contains("interrupted: the cell did not stop at Ctrl-C, so the notebook process was killed"), t.screen)
        XCTAssertTrue(t.screen.contains("1 earlier entry can be replayed: :history lists it"), t.screen)
        t.type("before\r")
        XCTAssertTrue(t.waitFor("cannot find 'before' in scope"), t.screen)
        t.type("6 * 7\r")
        XCTAssertTrue(t.waitFor("\n42\n"), t.screen)
        t.type("\u{4}")
        XCTAssertEqual(t.waitForExit(), 0, t.screen)
    }
}
