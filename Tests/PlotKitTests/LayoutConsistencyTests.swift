import XCTest
@testable import PlotKit

/// Subplot alignment (matplotlib's constrained layout) and one layout for every output:
/// PNG at 1x and 2x, SVG and PDF lay a figure out identically, and both themes place tick
/// labels and legends the same way.
final class LayoutConsistencyTests: XCTestCase {
    private func areas(_ fig: Figure, theme: Theme = .seaborn) throws -> [Rect] {
        let canvas = RecordingCanvas()
        try fig.render(on: canvas, pixelScale: 1)
        return canvas.actions.compactMap { if case .rect(let r, let c) = $0, c == theme.plotBackground { return r } else { return nil } }
    }

    /// A 2 x 2 grid whose top-left panel has wide tick labels and a title, and whose
    /// bottom-right panel has a colorbar.
    private func uneven() throws -> Figure {
        let fig = Figure(width: 900, height: 600, rows: 2, columns: 2)
        let a = try fig.axes(row: 0, column: 0)
        try a.line([120_000, 340_000, 250_000], label: "wide")
        a.setTitle("Wide ticks")
        try fig.axes(row: 0, column: 1).line([1, 2, 3], label: "narrow")
        try fig.axes(row: 1, column: 0).bar([1, 2], labels: ["a", "b"])
        try fig.axes(row: 1, column: 1).heatmap([[1, 2], [3, 4]], colorbarLabel: "value")
        return fig
    }

    func testPlotAreasLineUpInColumnsAndRows() throws {
        let a = try areas(uneven())
        XCTAssertEqual(a.count, 4)
        XCTAssertEqual(a[0].minX, a[2].minX, accuracy: 1e-9, "left edges of the first column")
        XCTAssertEqual(a[1].minX, a[3].minX, accuracy: 1e-9, "left edges of the second column")
        XCTAssertEqual(a[0].maxX, a[2].maxX, accuracy: 1e-9, "right edges of the first column")
        XCTAssertEqual(a[1].maxX, a[3].maxX, accuracy: 1e-9, "right edges of the second column (one has a colorbar)")
        XCTAssertEqual(a[0].minY, a[1].minY, accuracy: 1e-9, "top edges of the first row (one has a title)")
        XCTAssertEqual(a[2].maxY, a[3].maxY, accuracy: 1e-9, "bottom edges of the second row")
    }

    func testASingleSubplotIsNotChanged() throws {
        let fig = Figure(width: 400, height: 300)
        try fig.line([1, 2, 3])
        let area = try XCTUnwrap(try areas(fig).first)
        let canvas = RecordingCanvas()
        XCTAssertEqual(area, try fig.axes.layout(in: Rect(x: 0, y: 0, width: 400, height: 300), canvas: canvas).area)
    }

    /// Text positions drawn on a Cairo canvas of each format, in logical pixels.
    func testPNGSVGAndPDFLayOutTheSameWay() throws {
        let fig = try uneven()
        try fig.axes(row: 1, column: 0).bar([3, 1, 2, 5, 4, 2], labels: ["comedy", "drama", "thriller", "romance", "action", "horror"])
        func layout(_ canvas: CairoCanvas) throws -> [Rect] {
            var rects: [Rect] = []
            for (axes, cell) in zip(fig.grid, [Rect(x: 0, y: 0, width: 447, height: 297), Rect(x: 453, y: 0, width: 447, height: 297),
                                             Rect(x: 0, y: 303, width: 447, height: 297), Rect(x: 453, y: 303, width: 447, height: 297)]) {
                let l = try axes.layout(in: cell, canvas: canvas)
                rects.append(l.area)
                rects.append(Rect(x: l.xTickAngle, y: Double(l.xTicks.count), width: Double(l.yTicks.count), height: 0))
                if let legend = l.legend { rects.append(legend) }
            }
            return rects
        }
        let png1 = try layout(CairoCanvas.image(width: 900, height: 600, scale: 1, family: "DejaVu Sans"))
        let png2 = try layout(CairoCanvas.image(width: 900, height: 600, scale: 2, family: "DejaVu Sans"))
        let svg = try layout(CairoCanvas.vector(.svg, width: 900, height: 600, pointsPerPixel: 0.72, family: "DejaVu Sans"))
        let pdf = try layout(CairoCanvas.vector(.pdf, width: 900, height: 600, pointsPerPixel: 0.72, family: "DejaVu Sans"))
        for (name, other) in [("PNG 2x", png2), ("SVG", svg), ("PDF", pdf)] {
            XCTAssertEqual(other.count, png1.count, name)
            for (a, b) in zip(png1, other) {
                XCTAssertEqual(a.minX, b.minX, accuracy: 1e-6, name)
                XCTAssertEqual(a.minY, b.minY, accuracy: 1e-6, name)
                XCTAssertEqual(a.width, b.width, accuracy: 1e-6, name)
                XCTAssertEqual(a.height, b.height, accuracy: 1e-6, name)
            }
        }
    }

    func testBothThemesRotateTickLabelsAndPlaceLegendsAlike() throws {
        for labels in [["a", "b", "c"], ["comedy", "documentary", "thriller", "romance", "animation", "horror", "western"]] {
            var results: [(Double, LegendPosition?)] = []
            for theme in [Theme.seaborn, .white] {
                let fig = Figure(width: 420, height: 300, theme: theme)
                try fig.bar((0..<labels.count).map { Double($0 % 3 + 1) }, labels: labels, label: "count")
                try fig.line((0..<labels.count).map { Double($0) * 0.3 + 0.5 }, x: (0..<labels.count).map { Double($0) + 0.5 }, label: "trend")
                let canvas = try CairoCanvas.image(width: 420, height: 300, scale: 1, family: theme.fontFamily)
                let cell = Rect(x: 0, y: 0, width: 420, height: 300)
                let l = try fig.axes.layout(in: cell, canvas: canvas)
                let corner: LegendPosition? = l.legend.map { $0.midX > l.area.midX ? ($0.midY < l.area.midY ? .upperRight : .lowerRight)
                                                                                 : ($0.midY < l.area.midY ? .upperLeft : .lowerLeft) }
                results.append((l.xTickAngle, corner))
            }
            XCTAssertEqual(results[0].0, results[1].0, "tick rotation for \(labels)")
            XCTAssertEqual(results[0].1, results[1].1, "legend corner for \(labels)")
        }
    }
}
