import XCTest
@testable import PlotKit

/// Bad data is an error naming the chart and what was wrong, never a picture of garbage.
final class BadDataTests: XCTestCase {
    private func message(_ body: () throws -> Void) -> String {
        do { try body() } catch { return "\(error)" }
        XCTFail("expected an error")
        return ""
    }

    func testNaNAndInfinityAreRejectedWithTheIndex() {
        let fig = Figure()
        XCTAssertEqual(message { try fig.line([1, .nan, 3]) },
                       "line(_:x:label:): 'y' must be finite numbers, but element 1 is NaN or infinite")
        XCTAssertTrue(message { try fig.scatter(x: [1, 2], y: [.infinity, 1]) }.contains("scatter(x:y:): 'y'"))
        XCTAssertTrue(message { try fig.heatmap([[1, 2], [3, .nan]]) }.contains("row 1, column 1"))
        XCTAssertTrue(fig.axes.plots.isEmpty)
    }

    func testEmptyInputIsRejected() {
        let fig = Figure()
        XCTAssertEqual(message { try fig.histogram([]) }, "histogram(_:bins:): 'values' is empty; expected at least one value")
        XCTAssertTrue(message { try fig.heatmap([]) }.contains("'matrix' is empty"))
        XCTAssertTrue(message { try fig.groupedBar([[]], groups: ["a"], series: []) }.contains("groupedBar"))
    }

    func testMismatchedLengthsAreRejected() {
        let fig = Figure()
        XCTAssertTrue(message { try fig.bar([1, 2], labels: ["a"]) }.contains("bar(_:labels:): mismatched lengths"))
        XCTAssertTrue(message { try fig.line([1, 2], x: [1, 2, 3]) }.contains("mismatched lengths"))
        XCTAssertTrue(message { try fig.heatmap([[1, 2], [3]]) }.contains("row 1"))
        XCTAssertTrue(message { try fig.groupedBar([[1, 2]], groups: ["a"], series: ["x"]) }.contains("series"))
        XCTAssertTrue(message { try fig.errorBars([1, 2], errors: [0.1]) }.contains("errorBars"))
    }

    func testOtherInvalidArguments() {
        let fig = Figure()
        XCTAssertTrue(message { try fig.pie([1, -1], labels: ["a", "b"]) }.contains("must be >= 0"))
        XCTAssertTrue(message { try fig.pie([0, 0], labels: ["a", "b"]) }.contains("sum to more than 0"))
        XCTAssertTrue(message { try fig.histogram([1, 2], bins: 0) }.contains("'bins'"))
        XCTAssertTrue(message { try fig.heatmap([[1]], format: "%d") }.contains("'format'"))
        XCTAssertTrue(message { try fig.line([1, 2], std: [0.1, -1]) }.contains("'std' must be >= 0"))
        XCTAssertTrue(message { try fig.scatter(x: [1], y: [1], categories: ["a"], values: [1]) }.contains("not both"))
    }

    func testLogScaleNeedsPositiveValues() {
        let fig = Figure()
        XCTAssertNoThrow(try fig.line([0, 1, 2]))
        fig.yScale(.log)
        XCTAssertTrue(message { _ = try fig.pngData() }.hasPrefix("yScale(.log): a log axis needs every y value > 0"))
    }

    func testBadFigureSettingsAndAxesIndices() {
        XCTAssertTrue(message { _ = try Figure(width: 0).pngData() }.contains("Figure(width:height:)"))
        XCTAssertTrue(message { _ = try Figure(scale: .nan).pngData() }.contains("Figure(scale:)"))
        XCTAssertTrue(message { _ = try Figure(rows: 0).pngData() }.contains("Figure(rows:columns:)"))
        XCTAssertTrue(message { _ = try Figure(rows: 2, columns: 2).axes(row: 2, column: 0) }.contains("axes(row:column:)"))
    }

    func testUnknownExtensionAndUnwritablePath() {
        let fig = Figure(width: 100, height: 80)
        XCTAssertTrue(message { try fig.save("/tmp/figure.jpeg") }.contains(".png, .svg or .pdf"))
        XCTAssertTrue(message { try fig.save("/proc/nonexistent-dir/x/figure.png") }.hasPrefix("save(_:): cannot write"))
    }
}

extension BadDataTests {
    func testHugeSpansAreErrorsNotTraps() {
        let fig = Figure()
        XCTAssertNoThrow(try fig.line([-1e308, 1e308]))
        XCTAssertTrue(message { _ = try fig.pngData() }.contains("wider than a Double can hold"))
        XCTAssertTrue(message { try Figure().histogram([-1e308, 1e308]) }.contains("wider than a Double can hold"))
        let heat = Figure(width: 100, height: 80)
        XCTAssertNoThrow(try heat.heatmap([[1e308, -1e308, 1e308, -1e308]]))
        XCTAssertNoThrow(try heat.pngData())
    }
}
