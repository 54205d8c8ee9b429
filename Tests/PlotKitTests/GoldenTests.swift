import XCTest
@testable import PlotKit

/// A few small golden PNGs compared with a tolerance (gonum's `cmpimg.CheckPlot`).
///
/// Regenerate with `PLOTKIT_REGENERATE_GOLDEN=1 swift test --filter GoldenTests`, then look at
/// the images in Tests/PlotKitTests/Golden before committing them.
final class GoldenTests: XCTestCase {
    private static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `figure` with `Golden/NAME.png`: at most 2% of pixels may differ by more than 40
    /// in a channel (font rasterization differs slightly between FreeType versions).
    private func assertGolden(_ name: String, _ figure: Figure, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.dir.appendingPathComponent("\(name).png")
        let png = try figure.pngData()
        if ProcessInfo.processInfo.environment["PLOTKIT_REGENERATE_GOLDEN"] != nil {
            try Data(png).write(to: url)
            return
        }
        let golden = try PNGCodec.decodeRGBA(Array(try Data(contentsOf: url)))
        let actual = try PNGCodec.decodeRGBA(png)
        XCTAssertEqual(actual.width, golden.width, file: file, line: line)
        XCTAssertEqual(actual.height, golden.height, file: file, line: line)
        guard actual.rgba.count == golden.rgba.count else { return }
        var differing = 0
        for p in stride(from: 0, to: actual.rgba.count, by: 4) {
            let d = (0..<3).map { abs(Int(actual.rgba[p + $0]) - Int(golden.rgba[p + $0])) }.max() ?? 0
            if d > 40 { differing += 1 }
        }
        let fraction = Double(differing) / Double(actual.width * actual.height)
        XCTAssertLessThan(fraction, 0.02, "\(name): \(differing) pixels differ from the golden image", file: file, line: line)
    }

    func testBarGolden() throws {
        let fig = Figure(width: 200, height: 150, title: "Bars")
        try fig.bar([3, 1, 2], labels: ["a", "b", "c"])
        try assertGolden("bar", fig)
    }

    func testLineGolden() throws {
        let fig = Figure(width: 200, height: 150, theme: .white)
        try fig.line([1, 4, 2, 5], label: "s", std: [0.5, 0.5, 0.5, 0.5])
        try assertGolden("line", fig)
    }

    func testHeatmapGolden() throws {
        let fig = Figure(width: 200, height: 150)
        try fig.heatmap((0..<8).map { r in (0..<10).map { c in Double(r * c) } }, colormap: .viridis)
        try assertGolden("heatmap", fig)
    }

    func testAlignedSubplotsGolden() throws {
        let fig = Figure(width: 360, height: 280, rows: 2, columns: 1, theme: .white)
        try fig.axes(row: 0, column: 0).line([120_000, 340_000, 250_000])
        try fig.axes(row: 1, column: 0).line([-1, 2, 1])
        try assertGolden("subplots-aligned", fig)
    }

    func testLogTicksGolden() throws {
        let fig = Figure(width: 240, height: 300, theme: .white)
        try fig.line([1, 8, 60, 400, 2500])
        fig.yScale(.log)
        fig.grid(true, minor: true)
        try assertGolden("log-ticks", fig)
    }

    func testGoldenComparisonCanFail() throws {
        let fig = Figure(width: 200, height: 150, title: "Bars")
        try fig.bar([1, 3, 2], labels: ["a", "b", "c"])
        let golden = try PNGCodec.decodeRGBA(Array(try Data(contentsOf: Self.dir.appendingPathComponent("bar.png"))))
        let actual = try PNGCodec.decodeRGBA(try fig.pngData())
        XCTAssertNotEqual(golden.rgba, actual.rgba)
    }
}
