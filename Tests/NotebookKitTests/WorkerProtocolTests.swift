import Foundation
@testable import NotebookKit
import ScriptKit
import XCTest

/// The worker protocol's messages survive encoding and framing, and malformed bytes are
/// errors, never traps.
final class WorkerProtocolTests: XCTestCase {
    func testEventsRoundTrip() throws {
        let table = DisplayTable(columns: ["a", "b"], rows: [["1", "x"], ["2"]], caption: "t")
        let image = DisplayImage(path: "out/figures/f.png", alt: "Fig", displaySize: (400, 300))
        let event = WorkerEvent.outputs([(.text("héllo\n"), false), (.table(table), false), (.image(image), true)])
        guard case let .outputs(items) = try WorkerEvent(event.encoded()) else { return XCTFail("not outputs") }
        XCTAssertEqual(items.map(\.item), [.text("héllo\n"), .table(table), .image(image)])
        XCTAssertEqual(items.map(\.isResult), [false, false, true])

        let error = ScriptError(diagnostics: [Diagnostic(origin: "cell 2", line: 3, column: 5, message: "boom", sourceLine: "  x()")],
                                isInterrupt: true)
        guard case let .finished(e, duration, index) = try WorkerEvent(WorkerEvent.finished(error: error, duration: 0.25, resultIndex: 2).encoded())
        else { return XCTFail("not finished") }
        XCTAssertEqual(e?.diagnostics, error.diagnostics)
        XCTAssertEqual(e?.isInterrupt, true)
        XCTAssertEqual(duration, 0.25)
        XCTAssertEqual(index, 2)
        guard case .finished(nil, _, nil) = try WorkerEvent(WorkerEvent.finished(error: nil, duration: 0, resultIndex: nil).encoded())
        else { return XCTFail("no error, no result") }
        guard case .text(nil) = try WorkerEvent(WorkerEvent.text(nil).encoded()) else { return XCTFail("nil text") }
        guard case let .strings(list) = try WorkerEvent(WorkerEvent.strings(["a", ""]).encoded()) else { return XCTFail() }
        XCTAssertEqual(list, ["a", ""])
        guard case .inputRequest = try WorkerEvent(WorkerEvent.inputRequest.encoded()) else { return XCTFail("input request") }
    }

    func testRequestsRoundTrip() throws {
        guard case let .execute(source, origin, name, firstLine, context) = try WorkerRequest(
            WorkerRequest.execute(source: "1 + 1", origin: "nb.swiftnb", cellName: nil, firstLine: 12, context: "cell 3").encoded())
        else { return XCTFail() }
        XCTAssertEqual([source, origin, context], ["1 + 1", "nb.swiftnb", "cell 3"])
        XCTAssertEqual(firstLine, 12)
        XCTAssertNil(name)
        for value in [Value.int(-3), .double(2.5), .bool(true), .string("s")] {
            guard case let .define(n, v) = try WorkerRequest(WorkerRequest.define(name: "k", value: value).encoded()) else { return XCTFail() }
            XCTAssertEqual(n, "k")
            XCTAssertEqual("\(v)", "\(value)")
        }
        XCTAssertThrowsError(try WorkerRequest.define(name: "k", value: .array([])).encoded())
        for line in ["Ada", "", nil] as [String?] {
            guard case let .input(back) = try WorkerRequest(WorkerRequest.input(line).encoded()) else { return XCTFail() }
            XCTAssertEqual(back, line)
        }
    }

    func testMalformedBodiesAreErrors() throws {
        let body = WorkerEvent.outputs([(.text("abc"), false)]).encoded()
        for cut in 0..<body.count {
            XCTAssertThrowsError(try WorkerEvent(Array(body.prefix(cut))), "cut at \(cut)")
        }
        XCTAssertThrowsError(try WorkerEvent(body + [0]), "trailing bytes")
        XCTAssertThrowsError(try WorkerEvent([99]), "unknown tag")
        XCTAssertThrowsError(try WorkerRequest([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), "a length beyond the body")
    }

    func testFramesOverASocketPair() throws {
        var fds: [Int32] = [-1, -1]
        #if os(Linux)
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        #else
        XCTAssertEqual(socketpair(AF_UNIX, SOCK_STREAM, 0, &fds), 0)
        #endif
        let a = FrameChannel(fd: fds[0]), b = FrameChannel(fd: fds[1])
        try a.send([1, 2, 3])
        try a.send([])
        try a.send(Array(repeating: 7, count: 200_000))
        XCTAssertEqual(try b.receive(), [1, 2, 3])
        XCTAssertEqual(try b.receive(), [])
        XCTAssertEqual(try b.receive()?.count, 200_000)
        // The worker's per-line frames, encoded in place, read back as `outputs` events.
        var w = WireWriter()
        WorkerEvent.appendOutputFrame(.text("1\n"), isResult: false, to: &w)
        WorkerEvent.appendOutputFrame(.text("two\n"), isResult: true, to: &w)
        try w.bytes.withUnsafeBytes { try a.sendFrames($0) }
        for (text, isResult) in [("1\n", false), ("two\n", true)] {
            guard case let .outputs(items)? = try b.receive().map(WorkerEvent.init) else { return XCTFail("not outputs") }
            XCTAssertEqual(items.map(\.item), [.text(text)])
            XCTAssertEqual(items.map(\.isResult), [isResult])
        }
        // A length prefix beyond the limit is refused before anything is allocated.
        try [UInt8]([0xff, 0xff, 0xff, 0xff]).withUnsafeBytes { try a.sendFrames($0) }
        XCTAssertThrowsError(try b.receive())
        close(fds[0])
        close(fds[1])
    }

    func testMemorySizes() {
        XCTAssertEqual(MemorySize.parse("2G"), 2 << 30)
        XCTAssertEqual(MemorySize.parse("512m"), 512 << 20)
        XCTAssertEqual(MemorySize.parse("1.5GiB"), 3 << 29)
        XCTAssertEqual(MemorySize.parse("4096"), 4096)
        XCTAssertEqual(MemorySize.parse("64KB"), 64 << 10)
        for bad in ["", "G", "-1G", "0", "lots", "1Q", "nan"] { XCTAssertNil(MemorySize.parse(bad), bad) }
        XCTAssertEqual(MemorySize.describe(512 << 20), "512 MiB")
        XCTAssertEqual(MemorySize.describe(3 << 29), "1.5 GiB")
    }

    func testFailureMessages() {
        XCTAssertEqual(WorkerFailure.crashed(signal: SIGSEGV).message(memoryLimit: nil, stderrLine: nil),
                       "the cell crashed the notebook process (signal 11, SIGSEGV)")
        XCTAssertEqual(WorkerFailure.crashed(signal: SIGABRT).message(memoryLimit: 1 << 30, stderrLine: "Fatal error: x"),
                       "the cell crashed the notebook process (signal 6, SIGABRT): Fatal error: x (--memory-limit 1 GiB: the cell may have needed more memory)")
        XCTAssertTrue(StderrTail.isStackTrace("3    libswiftCore.so                    0x00007f0f6aa6d21b <unavailable> + 4641307"))
        XCTAssertTrue(StderrTail.isStackTrace("Current stack trace:"))
        XCTAssertFalse(StderrTail.isStackTrace("Fatal error: failed to allocate 6400000000 bytes of memory with alignment 64"))
        XCTAssertFalse(StderrTail.isStackTrace("epoch 3 of 10 0x1"))
        XCTAssertEqual(WorkerFailure.exited(status: 3).message(memoryLimit: nil, stderrLine: nil),
                       "the notebook process exited with status 3 while the cell ran")
        XCTAssertEqual(WorkerFailure.crashed(signal: SIGKILL).ending, "signal 9, SIGKILL")
        XCTAssertEqual(WorkerFailure.exited(status: 3).ending, "exit status 3")
        XCTAssertFalse(WorkerFailure.timedOut(seconds: 1, stateKept: true).lostState)
        XCTAssertTrue(WorkerFailure.timedOut(seconds: 1, stateKept: false).lostState)
    }
}
