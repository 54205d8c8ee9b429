import XCTest
@testable import PlotKit

/// Tests on the draw calls a figure makes (gonum's `vg/recorder` idea).
final class RecordedDrawTests: XCTestCase {
    private func record(_ fig: Figure) throws -> RecordingCanvas {
        let canvas = RecordingCanvas()
        try fig.render(on: canvas, pixelScale: 1)
        return canvas
    }

    private func rects(_ c: RecordingCanvas, color: Color) -> [Rect] {
        c.actions.compactMap { if case .rect(let r, let col) = $0, col == color { return r } else { return nil } }
    }

    func testTallestBarReachesTheTopOfThePlotAreaLessTheMargin() throws {
        let fig = Figure(width: 400, height: 300)
        try fig.bar([3, 7, 5], labels: ["a", "b", "c"])
        let c = try record(fig)
        let area = try XCTUnwrap(rects(c, color: Theme.seaborn.plotBackground).first)
        let bars = rects(c, color: Theme.seaborn.palette[0])
        XCTAssertEqual(bars.count, 3)
        let tallest = try XCTUnwrap(bars.min { $0.minY < $1.minY })
        XCTAssertEqual(tallest, bars[1])
        // The y domain is 0...7 plus a 5% margin at the top only (bars stick to 0).
        XCTAssertEqual(tallest.minY, area.minY + area.height * (0.35 / 7.35), accuracy: 1e-6)
        XCTAssertEqual(tallest.maxY, area.maxY, accuracy: 1e-6)
    }

    func testLegendEntriesMatchTheSeries() throws {
        let fig = Figure(width: 500, height: 300)
        try fig.groupedBar([[1, 2, 3], [2, 3, 4]], groups: ["RMSE", "MAE"], series: ["CF", "VAE", "Hybrid"])
        let c = try record(fig)
        let texts = c.texts
        for name in ["CF", "VAE", "Hybrid", "RMSE", "MAE"] { XCTAssertTrue(texts.contains(name), name) }
        let patches = Theme.seaborn.palette.prefix(3).map { rects(c, color: $0).count }
        XCTAssertEqual(patches, [3, 3, 3])  // two bars + one legend swatch per series
    }

    func testLegendAvoidsDataOrMovesOutside() throws {
        let fig = Figure(width: 500, height: 300)
        // Data everywhere: every inside corner is covered, so the legend goes outside the plot area.
        let xs = (0..<400).map { Double($0 % 20) }, ys = (0..<400).map { Double($0 / 20) }
        try fig.scatter(x: xs, y: ys, label: "grid")
        let c = try record(fig)
        let area = try XCTUnwrap(rects(c, color: Theme.seaborn.plotBackground).first)
        let legendText = c.actions.compactMap { a -> Point? in if case .text("grid", let p, _, _) = a { return p } else { return nil } }
        XCTAssertEqual(legendText.count, 1)
        XCTAssertGreaterThan(legendText[0].x, area.maxX)
    }

    func testColorbarTicksSpanTheGivenRange() throws {
        let fig = Figure(width: 400, height: 300)
        try fig.heatmap([[0.2, -0.4], [0.9, 1]], colormap: .coolwarm, range: -1...1)
        let texts = try record(fig).texts
        XCTAssertTrue(texts.contains("\u{2212}1.0"), "negative numbers use the minus sign")
        XCTAssertTrue(texts.contains("1.0"))
        XCTAssertFalse(texts.contains("1.5"))
    }

    func testLargeHeatmapIsOneDownsampledImage() throws {
        let matrix = (0..<943).map { r in (0..<1682).map { c in Double((r * 7 + c * 3) % 6) } }
        let fig = Figure(width: 900, height: 600)
        try fig.heatmap(matrix)
        let images = try record(fig).actions.compactMap { a -> (Int, Int)? in
            if case .image(let w, let h, _) = a { return (w, h) } else { return nil }
        }
        XCTAssertEqual(images.count, 2)  // the matrix and the colorbar gradient
        XCTAssertLessThanOrEqual(images[0].0, 900)
        XCTAssertLessThanOrEqual(images[0].1, 600)
    }

    func testHeatmapAnnotationsUseTheFormat() throws {
        let fig = Figure(width: 400, height: 300)
        try fig.heatmap([[0.123, 0.5], [1, 0]], rowLabels: ["u1", "u2"], columnLabels: ["i1", "i2"], annotate: true, format: "%.1f")
        let texts = try record(fig).texts
        XCTAssertTrue(texts.contains("0.1"))
        XCTAssertTrue(texts.contains("0.5"))
        XCTAssertTrue(texts.contains("u2"))
    }

    func testLongCategoryLabelsAreRotatedAndThinned() throws {
        let labels = (0..<60).map { "A long category name \($0)" }
        let fig = Figure(width: 500, height: 400)
        try fig.bar(labels.indices.map(Double.init), labels: labels)
        let c = try record(fig)
        let rotated = c.actions.compactMap { a -> Double? in
            if case .text(let s, _, _, let angle) = a, s.hasPrefix("A long") { return angle } else { return nil }
        }
        XCTAssertFalse(rotated.isEmpty)
        XCTAssertLessThan(rotated.count, 60)
        XCTAssertTrue(rotated.allSatisfy { $0 > 0 })
    }

    func testHorizontalBarsPutTheFirstCategoryOnTop() throws {
        let fig = Figure(width: 400, height: 300)
        try fig.bar([5, 3], labels: ["first", "second"], horizontal: true)
        let bars = rects(try record(fig), color: Theme.seaborn.palette[0])
        XCTAssertEqual(bars.count, 2)
        XCTAssertLessThan(bars[0].minY, bars[1].minY)
        XCTAssertGreaterThan(bars[0].width, bars[1].width)
    }

    func testPieLabelsDoNotOverlap() throws {
        let fig = Figure(width: 500, height: 400)
        try fig.pie([50, 1, 1, 1, 1, 1, 1, 1], labels: (0..<8).map { "slice \($0)" })
        let ys = try record(fig).actions.compactMap { a -> Point? in
            if case .text(let s, let p, _, _) = a, s.hasPrefix("slice") { return p } else { return nil }
        }
        XCTAssertEqual(ys.count, 8)
        for i in ys.indices {
            for j in ys.indices where j > i && (ys[i].x > 250) == (ys[j].x > 250) {
                XCTAssertGreaterThan(abs(ys[i].y - ys[j].y), 12 * 1.17, "labels \(i) and \(j) overlap")
            }
        }
    }

    func testLineWithStdDrawsABandAndOnePath() throws {
        let fig = Figure(width: 400, height: 300)
        try fig.line([1, 2, 3], label: "mean", std: [0.1, 0.2, 0.1])
        let c = try record(fig)
        let polygons = c.actions.filter { if case .polygon(let p, _) = $0 { return p.count == 6 } else { return false } }
        let series = c.actions.filter { if case .polyline(let p, _, _, _) = $0 { return p.count == 3 } else { return false } }
        XCTAssertEqual(polygons.count, 1)
        XCTAssertEqual(series.count, 1)
    }

    func testSubplotsDrawInTheirOwnCells() throws {
        let fig = Figure(width: 600, height: 300, rows: 1, columns: 2)
        try fig.axes(row: 0, column: 0).line([1, 2, 3])
        try fig.axes(row: 0, column: 1).bar([1, 2], labels: ["x", "y"])
        let areas = rects(try record(fig), color: Theme.seaborn.plotBackground)
        XCTAssertEqual(areas.count, 2)
        XCTAssertLessThan(areas[0].maxX, areas[1].minX)
    }
}
