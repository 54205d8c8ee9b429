import Foundation

/// Reading safetensors files: every dtype PyTorch writes for a state dict, with the
/// offset checks of the reference implementation (Hugging Face's `safetensors` crate).
extension Safetensors {
    /// Reads the floating-point tensors of the file at `url` (see `decode(_:)`).
    /// - Parameter skippingIntegers: drop integer entries (e.g. PyTorch's
    ///   `num_batches_tracked`) instead of throwing; `read(from:)` returns them.
    /// - Throws: if the file is missing, not a valid safetensors file (the message says
    ///   what is wrong), or holds an integer entry and `skippingIntegers` is false.
    public static func load(from url: URL, skippingIntegers: Bool = false) throws -> [String: Tensor] {
        try decode(readBytes(url), skippingIntegers: skippingIntegers)
    }

    /// Reads every entry of the file at `url`: float tensors, integer tensors, metadata,
    /// and notes on what was converted.
    /// - Throws: if the file is missing or not a valid safetensors file.
    public static func read(from url: URL) throws -> SafetensorsContents {
        try decodeContents(readBytes(url))
    }

    /// The floating-point tensors in the bytes of a safetensors file: F32 as is, F16 and
    /// BF16 converted exactly, F64 rounded to Float32 (`decodeContents` notes which).
    /// - Throws: if the header or the offsets are invalid, or an integer entry is present
    ///   and `skippingIntegers` is false.
    public static func decode(_ data: Data, skippingIntegers: Bool = false) throws -> [String: Tensor] {
        let contents = try decodeContents(data)
        if !skippingIntegers, let name = contents.integers.keys.sorted().first, let entry = contents.integers[name] {
            throw TensorError("Safetensors.load", "entry '\(name)' holds integers (\(entry.dtype)); read it with Safetensors.read(from:), or pass skippingIntegers: true to leave integer entries out")
        }
        return contents.tensors
    }

    /// Every entry in the bytes of a safetensors file.
    /// - Throws: if the header is not a JSON object of valid entries, a dtype is unknown,
    ///   or the entries' `data_offsets` do not tile the data section in order (as the
    ///   reference implementation requires: no gap, no overlap, nothing left over).
    public static func decodeContents(_ data: Data) throws -> SafetensorsContents {
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
        let entries = try header.filter { $0.key != "__metadata__" }.map { try Entry(name: $0.key, value: $0.value) }
            .sorted { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        let dataCount = bytes.count - dataStart
        var contents = SafetensorsContents(tensors: [:], integers: [:],
                                           metadata: (header["__metadata__"] as? [String: String]) ?? [:], notes: [])
        var expectedBegin = 0
        for e in entries {
            guard e.begin == expectedBegin, e.end >= e.begin else {
                throw TensorError(op, "invalid offset for tensor '\(e.name)': data_offsets [\(e.begin), \(e.end)] should start at \(expectedBegin) (entries must cover the data section in order, without gaps or overlaps)")
            }
            expectedBegin = e.end
            let (byteCount, overflow) = e.count.multipliedReportingOverflow(by: e.dtype.width)
            guard !overflow, e.end <= dataCount, e.end - e.begin == byteCount else {
                throw TensorError(op, "entry '\(e.name)' has data_offsets [\(e.begin), \(e.end)] that do not fit shape \(e.shape) (\(e.dtype.rawValue)) in \(dataCount) data bytes")
            }
            try bytes.withUnsafeBytes { raw in
                let base = raw.baseAddress! + dataStart + e.begin
                if e.dtype.isInteger {
                    let values = (0..<e.count).map { e.dtype.integer(base, $0) }
                    contents.integers[e.name] = IntegerTensor(shape: e.shape, values: values, dtype: e.dtype.rawValue)
                } else {
                    let scalars = (0..<e.count).map { e.dtype.float(base, $0) }
                    contents.tensors[e.name] = try Tensor(shape: e.shape, scalars: scalars)
                    if e.dtype == .f64 { contents.notes.append("'\(e.name)': F64 narrowed to Float32") }
                }
            }
        }
        guard expectedBegin == dataCount else {
            throw TensorError(op, "the entries cover \(expectedBegin) bytes but the data section has \(dataCount)")
        }
        return contents
    }

    /// One header entry, checked for form (its offsets are checked against the others).
    private struct Entry {
        var name: String, dtype: SafetensorsDType, shape: [Int], count: Int, begin: Int, end: Int

        init(name: String, value: Any) throws {
            let op = "Safetensors.load"
            guard let info = value as? [String: Any], let dtypeName = info["dtype"] as? String,
                  let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int],
                  offsets.count == 2 else {
                throw TensorError(op, "entry '\(name)' lacks dtype, shape or data_offsets")
            }
            guard let dtype = SafetensorsDType(rawValue: dtypeName) else {
                throw TensorError(op, "entry '\(name)' has dtype \(dtypeName); expected F32, F64, F16, BF16, I64, I32, I16, I8, U8 or BOOL")
            }
            guard offsets[0] >= 0 else {
                throw TensorError(op, "invalid offset for tensor '\(name)': data_offsets [\(offsets[0]), \(offsets[1])] is negative")
            }
            (self.name, self.dtype, self.shape) = (name, dtype, shape)
            count = try Shape.count(shape, op)
            (begin, end) = (offsets[0], offsets[1])
        }
    }

    /// The bytes of the file at `url`, naming it when it cannot be read.
    private static func readBytes(_ url: URL) throws -> Data {
        do { return try Data(contentsOf: url) } catch {
            throw TensorError("Safetensors.load", "cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
