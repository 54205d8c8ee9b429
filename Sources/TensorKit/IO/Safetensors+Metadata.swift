import Foundation

extension Safetensors {
    /// The `__metadata__` strings of a safetensors file (empty when it has none), read from
    /// the header alone: the tensors are not loaded.
    /// - Throws: if the file cannot be read or its header is not a safetensors header.
    public static func metadata(from url: URL) throws -> [String: String] {
        let op = "Safetensors.metadata"
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw TensorError(op, "cannot read \(url.path)")
        }
        defer { try? handle.close() }
        let prefix = try handle.read(upToCount: 8) ?? Data()
        guard prefix.count == 8 else { throw TensorError(op, "\(url.lastPathComponent) is too short for a safetensors header") }
        let length = prefix.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard length <= 100_000_000 else { throw TensorError(op, "\(url.lastPathComponent) declares a header of \(length) bytes") }
        let header = try handle.read(upToCount: Int(length)) ?? Data()
        guard header.count == Int(length),
              let json = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw TensorError(op, "\(url.lastPathComponent) has no valid JSON header")
        }
        guard let meta = json["__metadata__"] else { return [:] }
        guard let strings = meta as? [String: String] else {
            throw TensorError(op, "\(url.lastPathComponent): __metadata__ must map strings to strings")
        }
        return strings
    }
}
