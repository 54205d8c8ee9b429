import XCTest
@testable import PlotKit

final class OutputTests: XCTestCase {
    private func sample(scale: Double = 1) throws -> Figure {
        let fig = Figure(width: 240, height: 160, scale: scale, title: "Ünïcode ± σ")
        try fig.line([1, 3, 2], label: "a")
        return fig
    }

    func testPNGHasTheSignatureAndTheScaledSize() throws {
        let png = try sample(scale: 2).pngData()
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try PNGCodec.decodeRGBA(png)
        XCTAssertEqual(image.width, 480)
        XCTAssertEqual(image.height, 320)
    }

    func testSVGAndPDFSignatures() throws {
        let svg = String(decoding: try sample().svgData(), as: UTF8.self)
        XCTAssertTrue(svg.hasPrefix("<?xml"))
        XCTAssertTrue(svg.contains("<svg"))
        XCTAssertTrue(svg.contains("width=\"172.8pt\" height=\"115.2pt\" viewBox=\"0 0 172.8 115.2\""), "100 px = 72 pt")
        let pdf = try sample().pdfData()
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        XCTAssertTrue(String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
    }

    func testSaveWritesEachFormatAtomicallyLeavingNoTemporaryFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plotkit-out-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fig = try sample()
        for ext in ["png", "SVG", "pdf"] {
            let path = dir.appendingPathComponent("figure.\(ext)").path
            try fig.save(path)
            try fig.save(path)  // replacing an existing file works too
            XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0, 100)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(names, ["figure.SVG", "figure.pdf", "figure.png"])
    }

    func testVectorSizesFollow100PixelsPerInch() throws {
        let fig = Figure(inches: 3.5, 2.5)
        XCTAssertEqual(fig.width, 350)
        XCTAssertEqual(fig.height, 250)
        XCTAssertEqual(fig.sizeInPoints.width, 252, accuracy: 1e-9)
        XCTAssertEqual(Figure(points: 252, 180).width, 350)
        XCTAssertEqual(Figure(width: 800, height: 500).sizeInInches.width, 8)
        try fig.line([1, 2])
        let pdf = String(decoding: try fig.pdfData(), as: UTF8.self)
        XCTAssertTrue(pdf.contains("/MediaBox [ 0 0 252 180 ]"), "a 3.5 x 2.5 inch page")
    }

    func testSVGHeatmapsStayCrispAndKeepEveryCell() throws {
        let fig = Figure(width: 200, height: 150)
        try fig.heatmap((0..<300).map { r in (0..<400).map { c in Double(r + c) } })
        let svg = String(decoding: try fig.svgData(), as: UTF8.self)
        XCTAssertTrue(svg.contains("image-rendering: pixelated"))
        XCTAssertTrue(svg.contains("<image id=\"image5\" width=\"400\" height=\"300\"") || svg.contains("width=\"400\" height=\"300\""),
                      "the 300 x 400 matrix is embedded whole, not resampled to the 200 px figure")
    }

    func testOutputIsDeterministic() throws {
        XCTAssertEqual(try sample().pngData(), try sample().pngData())
        XCTAssertEqual(try sample().pdfData(), try sample().pdfData())
    }
}
