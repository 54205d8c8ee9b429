import CPNG
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes 8-bit RGB PNG files whose compressed data is deflated on several cores at once.
///
/// PNG encoding dominates a figure's time (zlib is about two thirds of it), and one zlib
/// stream is sequential. As pigz does, the rows are cut into parts (four for a figure); each is
/// raw-deflated on its own (ending in a sync flush, on a byte boundary) and the parts are
/// joined into one zlib stream, whose Adler-32 is combined from the parts' checksums. The
/// file is plain PNG (signature, IHDR, one IDAT, IEND; filter "none" on every row), which
/// any decoder reads; the parts lose only the back-references across their boundaries.
enum ParallelPNGEncoder {
    /// Encodes Cairo's native-endian ARGB32 rows (opaque) as RGB PNG bytes.
    static func encodeXRGB(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int,
                           level: Int32 = 1, parts requested: Int? = nil) throws -> [UInt8] {
        guard width > 0, height > 0 else {
            throw PlotError.backend(operation: "pngData()", message: "cannot encode an empty \(width) x \(height) image")
        }
        let rowBytes = 1 + 3 * width
        // The part count depends only on the height, never on the machine's cores, so a
        // figure's bytes (and the hashes in run.json) are the same everywhere.
        let parts = max(1, min(requested ?? defaultParts(height: height), height))
        var pieces = [(data: [UInt8], adler: UInt, length: Int)?](repeating: nil, count: parts)
        var failed = false
        pieces.withUnsafeMutableBufferPointer { buffer in
            let out = buffer  // a copy of the pointer, which the concurrent closure may capture
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                let rows = (height * k / parts)..<(height * (k + 1) / parts)
                out[k] = deflatePart(pixels, rows: rows, width: width, stride: stride, rowBytes: rowBytes,
                                     level: level, last: k == parts - 1)
            }
        }
        var stream: [UInt8] = [0x78, 0x01]  // zlib header: deflate, 32 KiB window, fastest
        var adler: UInt = 1
        for piece in pieces {
            guard let piece else { failed = true; break }
            stream.append(contentsOf: piece.data)
            adler = UInt(adler32_combine(uLong(adler), uLong(piece.adler), off_t(piece.length)))
        }
        guard !failed else {
            throw PlotError.backend(operation: "pngData()", message: "zlib could not compress a \(width) x \(height) image")
        }
        appendBigEndian(UInt32(truncatingIfNeeded: adler), to: &stream)

        var png: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        png.reserveCapacity(stream.count + 64)
        var header: [UInt8] = []
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", stream, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// Four parts from 256 rows (one or two per core on common machines), fewer below.
    static func defaultParts(height: Int) -> Int { height >= 256 ? 4 : height >= 128 ? 2 : 1 }

    /// Filters (type 0) and raw-deflates `rows`; nil when zlib fails.
    private static func deflatePart(_ pixels: UnsafePointer<UInt8>, rows: Range<Int>, width: Int, stride: Int,
                                    rowBytes: Int, level: Int32, last: Bool) -> (data: [UInt8], adler: UInt, length: Int)? {
        let length = rows.count * rowBytes
        let raw = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, length))
        defer { raw.deallocate() }
        for (i, y) in rows.enumerated() {
            let src = pixels + y * stride, dst = raw + i * rowBytes
            dst[0] = 0
            for x in 0..<width {  // little-endian ARGB32 is B, G, R, A in memory
                dst[1 + 3 * x] = src[4 * x + 2]
                dst[2 + 3 * x] = src[4 * x + 1]
                dst[3 + 3 * x] = src[4 * x]
            }
        }
        var buffer = swiftnb_png_buffer(data: nil, size: 0, capacity: 0, failed: 0)
        defer { free(buffer.data) }
        guard swiftnb_deflate_part(raw, length, level, last ? 1 : 0, &buffer) != 0, let data = buffer.data else { return nil }
        let adler = UInt(adler32(1, raw, uInt(length)))
        return (Array(UnsafeBufferPointer(start: data, count: buffer.size)), adler, length)
    }

    private static func appendBigEndian(_ v: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    /// Appends a chunk: length, type, data, CRC-32 of type and data.
    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += data
        var crc = crc32(0, typeBytes, uInt(typeBytes.count))
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(truncatingIfNeeded: crc), to: &png)
    }
}
