import XCTest
@testable import PlotKit

/// Subplots with `sharesX` / `sharesY` draw on one domain; without them each has its own.
final class SharedAxesTests: XCTestCase {
    private func twoPanels(sharesY: Bool) throws -> (RecordingCanvas, Figure) {
        let fig = Figure(width: 800, height: 300, rows: 1, columns: 2, sharesY: sharesY)
        try fig.axes(row: 0, column: 0).line([0, 1, 2], label: "small")
        try fig.axes(row: 0, column: 1).line([0, 50, 100], label: "large")
        let canvas = RecordingCanvas()
        try fig.render(on: canvas, pixelScale: 1)
        return (canvas, fig)
    }

    func testSharedYGivesBothPanelsTheUnionDomain() throws {
        let (canvas, fig) = try twoPanels(sharesY: true)
        let left = try XCTUnwrap(fig.axes.sharedY), right = try XCTUnwrap(try fig.axes(row: 0, column: 1).sharedY)
        XCTAssertEqual(left.lower, right.lower)
        XCTAssertEqual(left.upper, right.upper)
        XCTAssertEqual(left.upper, 105, accuracy: 1e-9)  // 0...100 plus the 5% margins
        XCTAssertEqual(canvas.texts.filter { $0 == "100" }.count, 2, "both panels label 100 in full: \(canvas.texts)")
    }

    func testUnsharedPanelsKeepTheirOwnDomains() throws {
        let (canvas, fig) = try twoPanels(sharesY: false)
        XCTAssertNil(fig.axes.sharedY)
        XCTAssertEqual(canvas.texts.filter { $0 == "100" }.count, 1, "only the right panel reaches 100")
    }

    func testMixedAxisKindsCannotBeShared() throws {
        let fig = Figure(width: 800, height: 300, rows: 1, columns: 2, sharesX: true)
        try fig.axes(row: 0, column: 0).line([1, 2, 3])
        try fig.axes(row: 0, column: 1).bar([1, 2], labels: ["a", "b"])
        XCTAssertThrowsError(try fig.pngData()) { e in
            XCTAssertTrue("\(e)".contains("sharesX"), "\(e)")
        }
    }
}
