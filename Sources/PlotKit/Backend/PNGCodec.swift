import CPNG

/// PNG encoding and decoding through libpng's simplified API.
///
/// Encoding uses `PNG_IMAGE_FLAG_FAST` (no row filter, zlib level 3): PNG compression, not
/// drawing, dominates a figure's time, and this is several times faster than Cairo's writer
/// at a file size close to matplotlib's.
enum PNGCodec {
    /// Encodes 8-bit RGB rows (`width * 3` bytes each, tightly packed).
    static func encodeRGB(_ rgb: UnsafeBufferPointer<UInt8>, width: Int, height: Int) throws -> [UInt8] {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        image.width = UInt32(width)
        image.height = UInt32(height)
        image.format = UInt32(PNG_FORMAT_RGB)
        image.flags = UInt32(PNG_IMAGE_FLAG_FAST)
        let raw = (width * 3 + 1) * height
        var capacity = raw + raw / 64 + 4096
        for _ in 0..<2 {
            var out = [UInt8](repeating: 0, count: capacity)
            var size = capacity
            let ok = out.withUnsafeMutableBytes { buf in
                png_image_write_to_memory(&image, buf.baseAddress, &size, 0, rgb.baseAddress, Int32(width * 3), nil)
            }
            if ok != 0 {
                out.removeSubrange(size...)
                return out
            }
            let message = messageOf(&image)
            png_image_free(&image)
            guard size > capacity else { throw PlotError.backend(operation: "pngData()", message: message) }
            capacity = size
            image.warning_or_error = 0
        }
        throw PlotError.backend(operation: "pngData()", message: "PNG buffer size mismatch")
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
            let rgb = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: width * height * 3)
            defer { rgb.deallocate() }
            for row in 0..<height {
                let src = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                var o = row * width * 3
                for col in 0..<width {
                    let p = src[col]  // native-endian 0xAARRGGBB, premultiplied; alpha is 255 here
                    rgb[o] = UInt8(truncatingIfNeeded: p >> 16)
                    rgb[o + 1] = UInt8(truncatingIfNeeded: p >> 8)
                    rgb[o + 2] = UInt8(truncatingIfNeeded: p)
                    o += 3
                }
            }
            return try PNGCodec.encodeRGB(UnsafeBufferPointer(rgb), width: width, height: height)
        }
    }
}
