/// The byte encoding of the worker protocol's message bodies: little-endian fixed-width
/// integers, IEEE doubles by bit pattern, strings as a length and UTF-8 bytes.
///
/// Hand-written rather than `Codable` + JSON so that a cell's round trip stays in the
/// microseconds (the REPL's `1 + 1` budget is 1 ms end to end).
struct WireWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty writer.
    init() {}

    /// Empties the writer, keeping its storage for the next message.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Overwrites 4 bytes at `offset` with `value`, little-endian (a frame's length prefix).
    mutating func patchUInt32(_ value: UInt32, at offset: Int) {
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
    }

    /// Appends one byte.
    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// Appends a Bool as one byte (0 or 1).
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Appends an Int as 8 bytes, little-endian.
    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// Appends a Double by its bit pattern.
    mutating func double(_ value: Double) { int(Int(Int64(bitPattern: value.bitPattern))) }

    /// Appends a string: its UTF-8 byte count, then the bytes.
    mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Appends an optional string: a presence byte, then the string.
    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    /// Appends a list of strings: the count, then each string.
    mutating func strings(_ values: [String]) {
        int(values.count)
        for v in values { string(v) }
    }
}

/// A message body that does not decode: cut short or holding an unknown tag.
struct WireError: Error, CustomStringConvertible {
    /// What was wrong.
    var message: String

    var description: String { "malformed worker message: \(message)" }
}

/// Reads what `WireWriter` wrote, checking every length against the bytes left.
struct WireReader {
    private let bytes: [UInt8]
    private var position = 0

    /// A reader over one message body.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// True when every byte has been read.
    var isAtEnd: Bool { position == bytes.count }

    /// Reads one byte.
    mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw WireError(message: "ends inside a field") }
        defer { position += 1 }
        return bytes[position]
    }

    /// Reads a Bool.
    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let b: throw WireError(message: "bad Bool byte \(b)")
        }
    }

    /// Reads an Int.
    mutating func int() throws -> Int {
        guard bytes.count - position >= 8 else { throw WireError(message: "ends inside an integer") }
        var v: UInt64 = 0
        for i in (0..<8).reversed() { v = (v << 8) | UInt64(bytes[position + i]) }
        position += 8
        return Int(Int64(bitPattern: v))
    }

    /// Reads a Double.
    mutating func double() throws -> Double { Double(bitPattern: UInt64(bitPattern: Int64(try int()))) }

    /// Reads a count (a non-negative Int no larger than the bytes left, since every element
    /// takes at least one byte).
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - position else { throw WireError(message: "bad length \(n)") }
        return n
    }

    /// Reads a string.
    mutating func string() throws -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: bytes[position..<position + n], as: UTF8.self)
    }

    /// Reads an optional string.
    mutating func optionalString() throws -> String? {
        try bool() ? try string() : nil
    }

    /// Reads a list of strings.
    mutating func strings() throws -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }
}
