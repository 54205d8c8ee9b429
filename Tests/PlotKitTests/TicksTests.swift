import XCTest
@testable import PlotKit

final class TicksTests: XCTestCase {
    func testNiceStepsAreOneTwoTwoPointFiveOrFiveTimesAPowerOfTen() {
        XCTAssertEqual(Ticks.step(lower: 0, upper: 1, maxCount: 5), 0.2)
        XCTAssertEqual(Ticks.step(lower: 0, upper: 1, maxCount: 4), 0.25)
        XCTAssertEqual(Ticks.step(lower: 0, upper: 100, maxCount: 5), 20)
        XCTAssertEqual(Ticks.step(lower: 0, upper: 583, maxCount: 6), 100)
        XCTAssertEqual(Ticks.step(lower: -3, upper: 3, maxCount: 6), 1)
    }

    func testLinearTicksLieInsideTheDomainWithLabels() {
        let t = Ticks.linear(lower: -0.05, upper: 1.12, maxCount: 6)
        XCTAssertEqual(t.map(\.value), [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0])
        XCTAssertEqual(t.map(\.label), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(Ticks.linear(lower: 0, upper: 20_000, maxCount: 5).map(\.label), ["0", "5000", "10000", "15000", "20000"])
    }

    func testLabelsUseTheDecimalsTheStepNeedsAndNoNegativeZero() {
        XCTAssertEqual(Ticks.format(0.25, step: 0.25), "0.25")
        XCTAssertEqual(Ticks.format(-1e-17, step: 0.1), "0.0")
        XCTAssertEqual(Ticks.format(1500, step: 500), "1500")
        XCTAssertEqual(Ticks.format(2.5e7, step: 5e6), "2.5e+07")
    }

    func testNegativeLabelsUseTheMinusSign() {
        XCTAssertEqual(Ticks.linear(lower: -2, upper: 2, maxCount: 4).map(\.label), ["\u{2212}2", "\u{2212}1", "0", "1", "2"])
        XCTAssertEqual(Ticks.format(-2.5e-7, step: 1e-7), "\u{2212}2.5e\u{2212}07")
    }

    func testIntegerDataGetWholeNumberTicks() {
        XCTAssertEqual(Ticks.linear(lower: 0, upper: 3.15, maxCount: 7).map(\.label), ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])
        XCTAssertEqual(Ticks.linear(lower: 0, upper: 3.15, maxCount: 7, integral: true).map(\.label), ["0", "1", "2", "3"])
        XCTAssertEqual(Ticks.step(lower: 0, upper: 10, maxCount: 4, integral: true), 5, "2.5 is skipped for whole numbers")
        XCTAssertEqual(Ticks.linear(lower: -0.2, upper: 4.2, maxCount: 2, integral: true).map(\.label), ["0", "2", "4"],
                       "never a lone tick")
    }

    func testLogMinorTicksFillEachDecade() {
        let minor = Ticks.logMinor(lower: 0.95, upper: 30)
        XCTAssertEqual(minor, [2, 3, 4, 5, 6, 7, 8, 9, 20, 30].map(Double.init))
        XCTAssertTrue(Ticks.logMinor(lower: 1, upper: 1e12).isEmpty, "too many decades for minor ticks")
    }

    func testDegenerateRangesGiveOneTickOrNone() {
        XCTAssertEqual(Ticks.linear(lower: 3, upper: 3, maxCount: 5).count, 1)
        XCTAssertTrue(Ticks.linear(lower: .nan, upper: 1, maxCount: 5).isEmpty)
    }

    func testLogTicksArePowersOfTenWithSuperscriptLabels() {
        let t = Ticks.log(lower: 0.5, upper: 2000, maxCount: 10)
        XCTAssertEqual(t.map(\.value), [1, 10, 100, 1000])
        XCTAssertEqual(t.map(\.label), ["10⁰", "10¹", "10²", "10³"])
        XCTAssertEqual(Ticks.powerLabel(-3), "10⁻³")
    }

    func testScalesMapAndInvert() {
        let s = Scale(kind: .linear, lower: 0, upper: 10, start: 100, end: 0)
        XCTAssertEqual(s.map(2.5), 75)
        XCTAssertEqual(s.invert(75), 2.5)
        let l = Scale(kind: .log, lower: 1, upper: 1000, start: 0, end: 300)
        XCTAssertEqual(l.map(10), 100, accuracy: 1e-9)
        XCTAssertEqual(l.invert(200), 100, accuracy: 1e-9)
        XCTAssertEqual(l.baseline, 1)
    }

    func testColormapsInterpolateAndClamp() {
        XCTAssertEqual(Colormap.viridis.color(at: 0), Color(hex: 0x440154))
        XCTAssertEqual(Colormap.viridis.color(at: 2), Color(hex: 0xFDE725))
        XCTAssertEqual(Colormap.viridis.color(at: .nan), Color(hex: 0x440154))
        XCTAssertEqual(Colormap.rdBu.reversed().color(at: 0), Color(hex: 0x053061))
        XCTAssertEqual(Colormap.magma.lookupTable().count, 256)
    }
}
