import XCTest
@testable import NotebookKit

final class ProgressRendererTests: XCTestCase {
    /// A renderer over a fake clock and an 80-column terminal, collecting what it writes.
    final class Harness {
        var now = 0.0
        var written = ""
        lazy var renderer = ProgressRenderer(mode: mode, write: { self.written += $0 }, clock: { self.now }, width: { 80 })
        let mode: ProgressRenderer.Mode
        init(_ mode: ProgressRenderer.Mode) { self.mode = mode }
    }

    func snapshot(_ completed: Int, total: Int? = 40, elapsed: Double, detail: String = "", summary: String? = nil) -> ProgressSnapshot {
        ProgressSnapshot(id: 1, title: "Training", total: total, unit: "batch", completed: completed, detail: detail,
                         elapsed: elapsed, summary: summary)
    }

    func testDurationsRatesAndCounts() {
        XCTAssertEqual(ProgressFormat.duration(7.4), "7s")
        XCTAssertEqual(ProgressFormat.duration(74), "1m14s")
        XCTAssertEqual(ProgressFormat.duration(7530), "2h05m")
        XCTAssertEqual(ProgressFormat.duration(.infinity), "?")
        XCTAssertEqual(ProgressFormat.bytes(512), "512 B")
        XCTAssertEqual(ProgressFormat.bytes(4_500_000), "4.5 MB")
        let s = snapshot(10, elapsed: 2)
        XCTAssertEqual(s.fraction, 0.25)
        XCTAssertEqual(s.rateText, "5.0 batch/s")
        XCTAssertEqual(s.secondsLeft, 6)
        XCTAssertEqual(s.countText, "10/40 batch")
        XCTAssertEqual(snapshot(1, elapsed: 4).rateText, "4.0 s/batch", "slow work shows seconds per step")
        var bytes = snapshot(2_000_000, total: 8_000_000, elapsed: 1)
        bytes.unit = "byte"
        XCTAssertEqual(bytes.countText, "2.0 MB/8.0 MB")
        XCTAssertEqual(bytes.rateText, "2.0 MB/s")
        XCTAssertNil(snapshot(3, total: nil, elapsed: 1).secondsLeft)
    }

    func testTerminalBarIsOneLineRedrawnInPlaceWithRateAndETA() {
        let h = Harness(.terminal)
        h.renderer.handle(snapshot(10, elapsed: 2, detail: "epoch 1 loss 412.1"))
        XCTAssertTrue(h.written.hasPrefix("\r"), "redrawn in place")
        XCTAssertFalse(h.written.contains("\n"), "a live bar never ends its line")
        XCTAssertTrue(h.written.contains("Training  25% |"), h.written)
        XCTAssertTrue(h.written.contains("10/40 batch [2s<6s, 5.0 batch/s] epoch 1 loss 412.1"), h.written)
        let line = h.renderer.line(snapshot(10, elapsed: 2, detail: String(repeating: "x", count: 200)))
        XCTAssertLessThanOrEqual(line.count, 79, "cut to the terminal's width")
        XCTAssertTrue(line.hasSuffix("…"))
        XCTAssertEqual(ProgressRenderer.bar(0.5, width: 4), "██  ")
        XCTAssertEqual(ProgressRenderer.bar(1, width: 4), "████")
        XCTAssertEqual(ProgressRenderer.bar(0.0625, width: 2), "▏ ")
    }

    func testTerminalRedrawsAreThrottledToTenASecond() {
        let h = Harness(.terminal)
        for i in 1...39 {
            h.now = Double(i) * 0.01          // 39 updates within 0.39 s
            h.renderer.handle(snapshot(i, elapsed: h.now))
        }
        XCTAssertEqual(h.written.components(separatedBy: "\r").count - 1, 4, "first draw, then every 0.1 s")
        h.now += 0.001
        h.renderer.handle(snapshot(40, elapsed: h.now))
        XCTAssertTrue(h.written.hasSuffix("40/40 batch [0s<0s, 102 batch/s]\u{1B}[K"), "the last step is always drawn: \(h.written)")
    }

    func testFinishErasesTheBarAndOutputLiftsIt() {
        let h = Harness(.terminal)
        h.renderer.handle(snapshot(5, elapsed: 1))
        h.written = ""
        h.renderer.output("hello\n")
        XCTAssertTrue(h.written.hasPrefix("\r\u{1B}[Khello\n"), "the bar is erased before the text")
        XCTAssertTrue(h.written.contains("5/40 batch"), "and drawn again below it")
        h.written = ""
        h.renderer.handle(snapshot(5, elapsed: 1, summary: "done"))
        XCTAssertEqual(h.written, "\r\u{1B}[K", "a finished bar is erased; the summary is printed output")
        h.written = ""
        h.renderer.output("after\n")
        XCTAssertEqual(h.written, "after\n")
    }

    func testPlainOutputIsAFewLines() {
        let h = Harness(.plain)
        for i in 0...40 { h.renderer.handle(snapshot(i, elapsed: Double(i) * 0.5, detail: "d\(i)")) }
        h.renderer.handle(snapshot(40, elapsed: 20, summary: "done"))
        let lines = h.written.split(separator: "\n")
        XCTAssertEqual(lines.count, 4, h.written)
        XCTAssertEqual(lines[0], "Training: started (40 batch)")
        XCTAssertEqual(lines[1], "Training: 25% (10/40 batch, 2.0 batch/s, ETA 15s) d10")
        XCTAssertTrue(lines[3].hasPrefix("Training: 75% (30/40"), String(lines[3]))
        XCTAssertFalse(h.written.contains("\r"))
        h.written = ""
        h.renderer.output("text\n")
        XCTAssertEqual(h.written, "text\n")
    }

    func testPlainOutputWithoutATotalReportsEveryThirtySeconds() {
        let h = Harness(.plain)
        for t in stride(from: 0.0, through: 95, by: 5) { h.renderer.handle(snapshot(Int(t), total: nil, elapsed: t)) }
        XCTAssertEqual(h.written.split(separator: "\n").count, 4, h.written)
        XCTAssertTrue(h.written.hasPrefix("Training: started\n"))
    }

    func testThrottle() {
        var t = ProgressThrottle(interval: 0.1)
        XCTAssertTrue(t.allows(now: 0))
        XCTAssertFalse(t.allows(now: 0.05))
        XCTAssertTrue(t.allows(now: 0.05, force: true))
        XCTAssertFalse(t.allows(now: 0.1))
        XCTAssertTrue(t.allows(now: 0.16))
    }
}
