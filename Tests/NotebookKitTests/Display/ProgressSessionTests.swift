import Foundation
import ScriptKit
import XCTest
@testable import NotebookKit

/// Progress from a bound call: the session passes bar states to `onProgress` and prints the
/// summary line (what reports keep); the states cross the worker protocol in order with
/// the outputs; Ctrl-C during the call reaches the interpreter, which the call sees.
final class ProgressSessionTests: XCTestCase {
    /// A session with the `_testProgress(steps:secondsPerStep:)` hook.
    func session() -> Session {
        let session = Session()
        TestHookBindings.registerProgress(in: session.interpreter.registry, session: session)
        return session
    }

    func testSessionReportsBarsAndPrintsTheSummary() {
        let session = session()
        var snapshots: [ProgressSnapshot] = []
        session.onProgress = { snapshots.append($0) }
        let result = session.execute("let n = try _testProgress(steps: 5, secondsPerStep: 0)\nprint(n)", origin: "cell")
        XCTAssertNil(result.error)
        XCTAssertEqual(result.outputs, [.text("Test work: 5 steps\n"), .text("5\n")], "only the summary line is output")
        XCTAssertEqual(snapshots.first?.completed, 1)
        XCTAssertEqual(snapshots.last?.summary, "5 steps")
        XCTAssertEqual(snapshots.dropLast().last?.completed, 5, "the last step passes the throttle")
        XCTAssertLessThan(snapshots.count, 7)
        XCTAssertEqual(Set(snapshots.map(\.id)), [1])
        _ = session.execute("try _testProgress(steps: 1, secondsPerStep: 0)", origin: "cell 2")
        XCTAssertEqual(snapshots.last?.id, 2, "each bar has its own number")
    }

    func testReporterThrottlesUpdatesAndIgnoresCallsAfterFinish() {
        let session = Session()
        var count = 0
        session.onProgress = { _ in count += 1 }
        let bar = session.progress("Work", total: 10_000, unit: "step")
        for i in 1...10_000 { bar.update(completed: i) }
        XCTAssertLessThan(count, 20, "a fast loop sends few updates")
        bar.finish(summary: "done")
        bar.finish(summary: "again")
        bar.update(completed: 3)
        XCTAssertTrue(bar.isFinished)
    }

    func testInterruptDuringABoundCallStopsItAndKeepsTheSession() {
        let session = session()
        XCTAssertNil(session.execute("var kept = 7", origin: "cell 1").error)
        let interpreter = session.interpreter
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { interpreter.requestInterrupt() }
        let started = Date()
        let result = session.execute("""
        var total = 0
        for _ in 0..<3 { total += try _testProgress(steps: 1000, secondsPerStep: 0.01) }
        """, origin: "cell 2")
        XCTAssertEqual(result.error?.isInterrupt, true, "\(String(describing: result.error))")
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "stopped at the next step, not after the loop")
        guard case let .text(summary)? = result.outputs.last else { return XCTFail("\(result.outputs)") }
        XCTAssertTrue(summary.hasPrefix("Test work: stopped after "), summary)
        let after = session.execute("kept + 1", origin: "cell 3")
        XCTAssertNil(after.error)
        XCTAssertEqual(after.outputs, [.text("8\n")], "the session keeps its state")
    }

    func testProgressEventsRoundTripInOrderWithOutputs() throws {
        let snapshot = ProgressSnapshot(id: 3, title: "Fetching ml-100k", total: nil, unit: "byte", completed: 123_456,
                                        detail: "ü", elapsed: 1.5, summary: nil)
        guard case let .progress(back) = try WorkerEvent(WorkerEvent.progress(snapshot).encoded()) else { return XCTFail() }
        XCTAssertEqual(back, snapshot)
        var finished = snapshot
        finished.total = 10
        finished.summary = "done in 1.5 s"
        guard case let .progress(back2) = try WorkerEvent(WorkerEvent.progress(finished).encoded()) else { return XCTFail() }
        XCTAssertEqual(back2, finished)

        // Over a socket, as the worker's output buffer sends them: frames keep their order.
        var fds: [Int32] = [-1, -1]
        #if os(Linux)
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        #else
        XCTAssertEqual(socketpair(AF_UNIX, SOCK_STREAM, 0, &fds), 0)
        #endif
        defer { close(fds[0]); close(fds[1]) }
        let a = FrameChannel(fd: fds[0]), b = FrameChannel(fd: fds[1])
        var w = WireWriter()
        WorkerEvent.appendOutputFrame(.text("before\n"), isResult: false, to: &w)
        WorkerEvent.appendFrame(.progress(snapshot), to: &w)
        WorkerEvent.appendOutputFrame(.text("after\n"), isResult: false, to: &w)
        try w.bytes.withUnsafeBytes { try a.sendFrames($0) }
        var kinds: [String] = []
        for _ in 0..<3 {
            switch try b.receive().map(WorkerEvent.init) {
            case let .outputs(items)?: kinds.append(items.map(\.item.terminalText).joined())
            case let .progress(s)?: kinds.append("progress \(s.completed)")
            default: XCTFail("unexpected event")
            }
        }
        XCTAssertEqual(kinds, ["before\n", "progress 123456", "after\n"])
    }
}
