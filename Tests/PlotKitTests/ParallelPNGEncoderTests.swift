import XCTest
@testable import PlotKit

/// The parallel encoder's files decode (through libpng) to exactly the pixels given, whatever
/// the number of parts, including sizes that do not divide evenly.
final class ParallelPNGEncoderTests: XCTestCase {
    func testPartsJoinIntoOneValidStream() throws {
        let width = 37, height = 301, stride = width * 4 + 12  // padded rows, as Cairo may use
        var pixels = [UInt8](repeating: 0, count: stride * height)
        var state: UInt32 = 12345
        for y in 0..<height {
            for x in 0..<width {
                state = state &* 1_103_515_245 &+ 12345
                let noisy = x % 5 == 0  // half noise, half flat colour, so both compress differently
                pixels[y * stride + 4 * x] = noisy ? UInt8(truncatingIfNeeded: state >> 16) : 200  // B
                pixels[y * stride + 4 * x + 1] = UInt8(truncatingIfNeeded: y)                     // G
                pixels[y * stride + 4 * x + 2] = UInt8(truncatingIfNeeded: x * 7)                 // R
                pixels[y * stride + 4 * x + 3] = 255
            }
        }
        for parts in [1, 2, 3, 4] {
            let png = try pixels.withUnsafeBufferPointer {
                try ParallelPNGEncoder.encodeXRGB($0.baseAddress!, width: width, height: height, stride: stride, parts: parts)
            }
            let decoded = try PNGCodec.decodeRGBA(png)
            XCTAssertEqual(decoded.width, width)
            XCTAssertEqual(decoded.height, height)
            var mismatches = 0
            for y in 0..<height {
                for x in 0..<width {
                    let o = (y * width + x) * 4, i = y * stride + 4 * x
                    if decoded.rgba[o] != pixels[i + 2] || decoded.rgba[o + 1] != pixels[i + 1] || decoded.rgba[o + 2] != pixels[i] {
                        mismatches += 1
                    }
                }
            }
            XCTAssertEqual(mismatches, 0, "\(parts) parts")
        }
    }

    func testEmptyImageIsAnError() {
        var pixel: [UInt8] = [0, 0, 0, 255]
        XCTAssertThrowsError(try pixel.withUnsafeMutableBufferPointer {
            try ParallelPNGEncoder.encodeXRGB($0.baseAddress!, width: 0, height: 1, stride: 4)
        })
    }

    func testExtentFindsNonFiniteValuesInEveryLane() {
        for position in 0..<7 {
            var values = [Double](repeating: 1, count: 7)
            values[position] = .nan
            let (_, _, nonFinite) = values.withUnsafeBufferPointer(HeatmapPlot.extent)
            XCTAssertTrue(nonFinite, "NaN at \(position)")
        }
        let (lo, hi, nonFinite) = [3.0, -2, 8, 0.5, 7, -4.5, 1].withUnsafeBufferPointer(HeatmapPlot.extent)
        XCTAssertEqual(lo, -4.5)
        XCTAssertEqual(hi, 8)
        XCTAssertFalse(nonFinite)
    }
}
