import FileKit
import Foundation

/// Reading and writing `.safetensors` files (the format of Hugging Face and PyTorch's
/// `safetensors` package): an 8-byte little-endian header length, a JSON header mapping
/// each name to `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets relative to
/// the data section), then the raw little-endian data. Only `F32` tensors are written;
/// `F32` and `F64` are read.
public enum Safetensors {
    /// Writes `tensors` to `url` (names sorted, data packed in that order, header padded
    /// with spaces to a multiple of 8 bytes). Written to a temporary file then renamed.
    /// - Throws: if the file cannot be written.
    public static func save(_ tensors: [String: Tensor], to url: URL, metadata: [String: String] = [:]) throws {
        try write(encode(tensors, metadata: metadata), to: url)
    }

    /// The bytes of a safetensors file holding `tensors`.
    public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) -> Data {
        let names = tensors.keys.sorted()
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(quote($0)):\(quote(metadata[$0] ?? ""))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for name in names {
            let t = tensors[name]!
            let end = offset + t.count * 4
            entries.append("\(quote(name)):{\"dtype\":\"F32\",\"shape\":[\(t.shape.map(String.init).joined(separator: ","))],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for name in names {
            tensors[name]!.withUnsafeBufferPointer { p in
                // Float32 is little-endian on every platform Swift runs on here.
                if let base = p.baseAddress {
                    data.append(UnsafeRawPointer(base).assumingMemoryBound(to: UInt8.self), count: p.count * 4)
                }
            }
        }
        return data
    }

    /// Reads every tensor of the file at `url`.
    /// - Throws: if the file is missing or not a valid safetensors file (the message says
    ///   what is wrong).
    public static func load(from url: URL) throws -> [String: Tensor] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TensorError("Safetensors.load", "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try decode(data)
    }

    /// The tensors in the bytes of a safetensors file.
    /// - Throws: if the header or the offsets are invalid.
    public static func decode(_ data: Data) throws -> [String: Tensor] {
        let op = "Safetensors.load"
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw TensorError(op, "file is shorter than its 8-byte header length") }
        var headerLength: UInt64 = 0
        for i in 0..<8 { headerLength |= UInt64(bytes[i]) << (8 * UInt64(i)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw TensorError(op, "header length \(headerLength) exceeds the file size \(bytes.count)")
        }
        let dataStart = 8 + Int(headerLength)
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])) } catch {
            throw TensorError(op, "header is not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw TensorError(op, "header is not a JSON object") }
        var result: [String: Tensor] = [:]
        let dataCount = bytes.count - dataStart
        for (name, value) in header where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int],
                  offsets.count == 2 else {
                throw TensorError(op, "entry '\(name)' lacks dtype, shape or data_offsets")
            }
            let count = try Shape.count(shape, op)
            let width: Int
            switch dtype {
            case "F32": width = 4
            case "F64": width = 8
            default: throw TensorError(op, "entry '\(name)' has dtype \(dtype); only F32 and F64 are supported")
            }
            let (begin, end) = (offsets[0], offsets[1])
            let (byteCount, overflow) = count.multipliedReportingOverflow(by: width)
            guard !overflow, begin >= 0, end >= begin, end <= dataCount, end - begin == byteCount else {
                throw TensorError(op, "entry '\(name)' has data_offsets [\(begin), \(end)] that do not fit shape \(shape) (\(dtype)) in \(dataCount) data bytes")
            }
            var scalars = [Float](repeating: 0, count: count)
            bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress! + dataStart + begin
                for i in 0..<count {
                    if width == 4 {
                        scalars[i] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                    } else {
                        scalars[i] = Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
                    }
                }
            }
            result[name] = try Tensor(shape: shape, scalars: scalars)
        }
        return result
    }

    /// A JSON string literal.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    static func write(_ data: Data, to url: URL) throws {
        do {
            try AtomicFile.write(data, to: url.path)
        } catch let error as FileWriteError {
            throw TensorError("Safetensors.save", "cannot write \(url.path): \(error.reason)")
        }
    }
}

extension Module {
    /// Saves every parameter and buffer under its dotted name (`namedState`).
    /// - Throws: if the file cannot be written.
    public func save(to url: URL) throws {
        var tensors: [String: Tensor] = [:]
        for (name, p) in namedState { tensors[name] = p.value }
        try Safetensors.save(tensors, to: url)
    }

    /// Loads parameters and buffers saved by `save(to:)`; every name must be present with
    /// the same shape.
    /// - Throws: if the file is invalid, a name is missing or a shape differs.
    public func load(from url: URL) throws {
        let tensors = try Safetensors.load(from: url)
        for (name, p) in namedState {
            guard let t = tensors[name] else { throw TensorError("Module.load", "the file has no tensor '\(name)'") }
            guard t.shape == p.shape else {
                throw TensorError.shapes("Module.load", p.shape, t.shape, "'\(name)' has a different shape in the file")
            }
        }
        for (name, p) in namedState { p.value = tensors[name]! }
    }
}
