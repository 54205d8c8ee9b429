import CPNG
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// PNG encoding and decoding through libpng's simplified API.
///
/// Encoding uses zlib level 1 and no row filter: PNG compression, not
/// drawing, dominates a figure's time, and this is several times faster than Cairo's writer
/// at a file size close to matplotlib's. Decoding (for tests) uses the simplified API.
enum PNGCodec {
    /// zlib level and row filters for encoding (`PLOTKIT_PNG` = "LEVEL,FILTERMASK,STRATEGY" overrides, for tuning).
    static let settings: (level: Int32, filters: Int32, strategy: Int32) = {
        if let v = getenv("PLOTKIT_PNG").map({ String(cString: $0) }) {
            let parts = v.split(separator: ",").compactMap { Int32($0) }
            if parts.count == 3 { return (parts[0], parts[1], parts[2]) }
        }
        return (1, Int32(PNG_FILTER_NONE), 0)
    }()

    /// Encodes rows of Cairo's native-endian ARGB32 pixels (opaque) as an RGB PNG.
    static func encodeXRGB(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) throws -> [UInt8] {
        var buffer = swiftnb_png_buffer(data: nil, size: 0, capacity: 0, failed: 0)
        defer { free(buffer.data) }
        let ok = swiftnb_png_encode_xrgb(pixels, Int32(width), Int32(height), Int32(stride), settings.level,
                                         settings.filters, settings.strategy, &buffer)
        guard ok != 0, let data = buffer.data else {
            throw PlotError.backend(operation: "pngData()", message: "libpng could not encode a \(width) x \(height) image")
        }
        return Array(UnsafeBufferPointer(start: data, count: buffer.size))
    }

    /// Decodes a PNG into 8-bit RGBA pixels.
    static func decodeRGBA(_ bytes: [UInt8]) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let begun = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard begun != 0 else { throw PlotError.backend(operation: "decodePNG", message: messageOf(&image)) }
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        let width = Int(image.width), height = Int(image.height)
        var out = [UInt8](repeating: 0, count: width * height * 4)
        let ok = out.withUnsafeMutableBytes { png_image_finish_read(&image, nil, $0.baseAddress, 0, nil) }
        guard ok != 0 else { throw PlotError.backend(operation: "decodePNG", message: messageOf(&image)) }
        return (width, height, out)
    }

    private static func messageOf(_ image: inout png_image) -> String {
        withUnsafeBytes(of: &image.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

extension CairoCanvas {
    /// The rendered image as PNG bytes (opaque RGB: figures always paint a background).
    func pngBytes() throws -> [UInt8] {
        try withPixels { data, width, height, stride in
            // PLOTKIT_PNG (a tuning aid) selects libpng with explicit settings; otherwise the
            // parallel encoder writes the file.
            getenv("PLOTKIT_PNG") != nil
                ? try PNGCodec.encodeXRGB(data, width: width, height: height, stride: stride)
                : try ParallelPNGEncoder.encodeXRGB(data, width: width, height: height, stride: stride)
        }
    }
}
