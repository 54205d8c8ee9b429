import Foundation
import PlotKit
import XCTest
@testable import NotebookKit

/// Figures, axes, every chart, styles and enums through the interpreter. Where the Swift
/// API's behaviour matters (default histogram bins, grouped-bar order, `setTitle`), the
/// script's PNG is compared byte for byte with the same figure drawn in Swift.
final class PlotKitBindingTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "swiftnb-plot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Width and height from a PNG's IHDR chunk.
    func pngSize(_ path: String) throws -> (Int, Int) {
        let d = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(Array(d.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        func be(_ i: Int) -> Int { d[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be(16), be(20))
    }

    func testSubplotsEveryChartAndALogAxisRenderToAPNG() throws {
        let r = ScriptRunner()
        let path = dir + "/grid.png"
        let out = r.run("""
            let fig = Figure(width: 900, height: 600, scale: 1.5, title: "Every chart", rows: 2, columns: 3, theme: .white, sharesX: false)
            let a = try fig.axes(row: 0, column: 0)
            try a.line([1, 2, 4, 3], label: "mean", std: [0.2, 0.3, 0.5, 0.2], color: Color(hex: 0x1F77B4))
            try a.errorBars([1.5, 2.5, 3.5], errors: [0.5, 0.2, 0.4], x: [0, 1.5, 3], label: "runs", connect: false)
            a.legend(position: .upperLeft)
            a.setTitle("line + bands")
            let b = try fig.axes(row: 0, column: 1)
            try b.line([1, 10, 100, 1000], marker: true)
            b.yScale(.log)
            b.grid(true, minor: true)
            b.xLabel("step")
            b.yLabel("loss (log)")
            try fig.axes(row: 0, column: 2).histogram([1, 2, 2, 3, 3, 3, 4, 9], bins: 4, range: 0...8, density: true)
            try fig.axes(row: 1, column: 0).heatmap([[1, 2], [3, 4]], rowLabels: ["u1", "u2"], columnLabels: ["i1", "i2"], colormap: .magma, annotate: true, colorbarLabel: "score")
            try fig.axes(row: 1, column: 1).scatter(x: [1, 2, 3, 4], y: [2, 1, 4, 3], categories: ["a", "b", "a", "b"])
            try fig.axes(row: 1, column: 2).scatter(x: [1, 2, 3], y: [3, 1, 2], values: [0.1, 0.5, 0.9], colormap: Colormap.coolwarm.reversed())
            try fig.save("\(path)")
            print(fig.rows, fig.columns, fig.theme.lineWidth, fig.sizeInInches.width, Figure.pixelsPerInch)
            """)
        XCTAssertEqual(out, "2 3 1.8 9.0 100.0\n")
        let (w, h) = try pngSize(path)
        XCTAssertEqual(w, 1350)
        XCTAssertEqual(h, 900)
        XCTAssertTrue(r.error("let f = Figure(rows: 1, columns: 2)\ntry f.axes(row: 0, column: 2)").contains("axes(row:column:)"))
    }

    /// The script and Swift draw the same figure: same PNG bytes.
    func assertSamePNG(_ script: String, _ swift: (Figure) throws -> Void, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = ScriptRunner()
        let path = dir + "/script-\(UUID().uuidString).png"
        r.run("let fig = Figure(width: 320, height: 240)\n\(script)\ntry fig.save(\"\(path)\")", file: file, line: line)
        let fig = Figure(width: 320, height: 240)
        try swift(fig)
        let scriptBytes = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual([UInt8](scriptBytes), try fig.pngData(), "the script's figure differs from Swift's", file: file, line: line)
    }

    func testHistogramDefaultBinsGroupedBarOrderAndSetTitleMatchSwift() throws {
        let samples = (0..<200).map { i in sin(Double(i) * 0.7) * Double(i % 13) }
        try assertSamePNG("try fig.histogram(\(samples))") { try $0.histogram(samples) }
        try assertSamePNG("try fig.groupedBar([[0.9, 0.8, 0.7], [0.5, 0.6, 0.4]], groups: [\"RMSE\", \"MAE\"], series: [\"A\", \"B\", \"C\"], valueLabels: true)") {
            try $0.groupedBar([[0.9, 0.8, 0.7], [0.5, 0.6, 0.4]], groups: ["RMSE", "MAE"], series: ["A", "B", "C"], valueLabels: true)
        }
        try assertSamePNG("try fig.bar([3, 1, 2], labels: [\"x\", \"y\", \"z\"])\nfig.setTitle(\"Panel\")\nfig.title = \"Figure\"") {
            try $0.bar([3, 1, 2], labels: ["x", "y", "z"])
            $0.setTitle("Panel")
            $0.title = "Figure"
        }
        try assertSamePNG("try fig.pie([3, 1], labels: [\"a\", \"b\"], percentages: false)\nfig.legend(position: .none)") {
            try $0.pie([3, 1], labels: ["a", "b"], percentages: false)
            $0.legend(position: .none)
        }
    }

    func testStylesEnumsAndErrors() throws {
        let r = ScriptRunner()
        let out = r.run("""
            var c = Color(red: 1, green: 0.5, blue: 0)
            c.alpha = 0.5
            print(c.alpha, Color.white.luminance, Color(hex: 0x000000) == Color.black, c.withAlpha(1).alpha)
            print(Colormap.viridis.name, Colormap.rdBu.reversed().name, Colormap(name: "bw", stops: [.black, .white]).color(at: 0.5).red)
            var t = Theme.seaborn
            t.lineWidth = 3
            print(t.lineWidth, Theme.seaborn.lineWidth, t.palette.count, t.color(-1) == t.color(9))
            print(OutputFormat(path: "a/b.SVG")?.rawValue ?? "none", OutputFormat(path: "noext") == nil)
            print(PlotError.empty(chart: "bar", argument: "values").description)
            let inches = Figure(inches: 3.5, 2.5)
            print(inches.width, inches.height, Figure(points: 72, 72, theme: .white).width)
            let png = try Figure(width: 64, height: 48).pngData(scale: 2)
            print(png.count > 100, png[1], png[2], png[3])
            """)
        XCTAssertEqual(out, """
            0.5 1.0 true 1.0
            viridis RdBu_r \(Colormap(name: "bw", stops: [.black, .white]).color(at: 0.5).red)
            3.0 2.0 10 true
            svg true
            bar: 'values' is empty; expected at least one value
            350 250 100
            true 80 78 71

            """)
        XCTAssertTrue(r.error("Color(hex: -1)").contains("Color(hex:alpha:)"))
        XCTAssertTrue(r.error("let f = Figure()\ntry f.line([1, Double.nan])").contains("line"))
        XCTAssertTrue(r.error("let f = Figure()\ntry f.save(\"\(dir)/x.gif\")").contains("gif"))
    }
}
