import FileKit
import Foundation

/// Reading and writing `.safetensors` files (the format of Hugging Face and PyTorch's
/// `safetensors` package): an 8-byte little-endian header length, a JSON header mapping
/// each name to `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets relative to
/// the data section), then the raw little-endian data. Only `F32` tensors are written;
/// F32, F64, F16, BF16 and the integer types are read (`Safetensors+Read.swift`).
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

    /// Loads parameters and buffers saved by `save(to:)` (or by PyTorch's `save_file` of a
    /// state dict with the same names); every name must be present with the same shape.
    /// Entries the module does not have, such as PyTorch's integer `num_batches_tracked`,
    /// are ignored.
    /// - Throws: if the file is invalid, a name is missing or a shape differs.
    public func load(from url: URL) throws {
        let tensors = try Safetensors.read(from: url).tensors
        for (name, p) in namedState {
            guard let t = tensors[name] else { throw TensorError("Module.load", "the file has no tensor '\(name)'") }
            guard t.shape == p.shape else {
                throw TensorError.shapes("Module.load", p.shape, t.shape, "'\(name)' has a different shape in the file")
            }
        }
        for (name, p) in namedState { p.value = tensors[name]! }
    }
}
