import Foundation

/// A forward scanner over the bytes of one text file, for the hand-written parsers.
///
/// It tracks the 1-based line number so that every error names file and line. Fields are
/// byte ranges; nothing is copied until a value is parsed. Lines end in `\n` or `\r\n`.
struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private(set) var position = 0
    private(set) var line = 1

    /// A scanner at the start of `bytes`, past a UTF-8 byte-order mark if there is one
    /// (Excel and Notepad write one; it is not part of the first field).
    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
    }

    var atEnd: Bool { position >= bytes.count }

    /// Moves to byte `p`, adding `extraLines` to the line count.
    mutating func setPosition(_ p: Int, extraLines: Int) {
        position = p
        line += extraLines
    }

    func error(_ message: String) -> DataError { DataError(file: file, line: line, message) }

    /// True when the scanner stands at the end of a line (or of the file).
    var atEndOfLine: Bool {
        position >= bytes.count || bytes[position] == 10 || (bytes[position] == 13 && (position + 1 >= bytes.count || bytes[position + 1] == 10))
    }

    /// Skips the rest of the current line and its terminator.
    mutating func nextLine() {
        let n = bytes.count
        while position < n && bytes[position] != 10 { position += 1 }
        if position < n { position += 1; line += 1 }
    }

    /// Skips blank lines (empty or only `\r`).
    mutating func skipBlankLines() {
        while !atEnd && atEndOfLine { nextLine() }
    }

    /// The bytes up to the next `delimiter` or end of line; consumes the delimiter but not
    /// the line end. `found` tells whether a delimiter followed.
    mutating func field(_ delimiter: UInt8, found: inout Bool) -> Range<Int> {
        let start = position, n = bytes.count
        var p = position
        while p < n {
            let b = bytes[p]
            if b == delimiter { position = p + 1; found = true; return start..<p }
            if b == 10 { break }
            p += 1
        }
        return lastField(start, p, found: &found)
    }

    /// Like `field(_:found:)` for a delimiter of several bytes (`::`).
    mutating func field(_ delimiter: [UInt8], found: inout Bool) -> Range<Int> {
        if delimiter.count == 1 { return field(delimiter[0], found: &found) }
        let start = position, n = bytes.count, d0 = delimiter[0], dn = delimiter.count
        var p = position
        while p < n {
            let b = bytes[p]
            if b == d0 && p + dn <= n {
                var match = true
                for k in 1..<dn where bytes[p + k] != delimiter[k] { match = false; break }
                if match { position = p + dn; found = true; return start..<p }
            }
            if b == 10 { break }
            p += 1
        }
        return lastField(start, p, found: &found)
    }

    /// Ends a field at the line break (or end of input) at `p`: no delimiter was found, and a
    /// trailing CR belongs to the line break, not the field.
    private mutating func lastField(_ start: Int, _ p: Int, found: inout Bool) -> Range<Int> {
        var end = p
        if end > start && bytes[end - 1] == 13 { end -= 1 }
        position = end
        found = false
        return start..<end
    }

    /// The rest of the current line (without its terminator), consumed with the terminator.
    mutating func restOfLine() -> Range<Int> {
        let start = position, n = bytes.count
        var p = position
        while p < n && bytes[p] != 10 { p += 1 }
        var end = p
        if end > start && bytes[end - 1] == 13 { end -= 1 }
        position = p
        nextLine()
        return start..<end
    }

    /// The text of a byte range, decoded as UTF-8 (invalid bytes replaced).
    func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self)
    }

    /// The text of a byte range, decoded as Latin-1 (every byte is one character).
    func latin1(_ r: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        for i in r { s.append(Unicode.Scalar(bytes[i])) }
        return String(s)
    }

    /// A text preview of a field for error messages (at most 40 characters).
    func quoted(_ r: Range<Int>) -> String {
        let text = string(r.lowerBound..<min(r.upperBound, r.lowerBound + 40))
        return "\"" + text + (r.count > 40 ? "..." : "") + "\""
    }

    /// A non-negative or negative decimal integer, or nil (empty, sign only, non-digit,
    /// more than 18 digits).
    func int(_ r: Range<Int>) -> Int64? {
        var p = r.lowerBound
        let end = r.upperBound
        guard p < end else { return nil }
        var negative = false
        if bytes[p] == 45 || bytes[p] == 43 { negative = bytes[p] == 45; p += 1 }
        guard p < end, end - p <= 18 else { return nil }
        var v: Int64 = 0
        while p < end {
            let d = bytes[p] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int64(d)
            p += 1
        }
        return negative ? -v : v
    }

    /// A decimal number (`3`, `3.5`, `-1e-3`, `4.`), or nil when the field is not one.
    /// Plain decimals are parsed by hand; anything with an exponent goes to strtod.
    func double(_ r: Range<Int>) -> Double? {
        var p = r.lowerBound
        let end = r.upperBound
        guard p < end else { return nil }
        var negative = false
        if bytes[p] == 45 || bytes[p] == 43 { negative = bytes[p] == 45; p += 1 }
        var mantissa: UInt64 = 0, digits = 0, scale = 0
        while p < end, bytes[p] &- 48 < 10 {
            if digits < 18 { mantissa = mantissa * 10 + UInt64(bytes[p] - 48) } else { scale -= 1 }
            digits += 1; p += 1
        }
        if p < end && bytes[p] == 46 {
            p += 1
            while p < end, bytes[p] &- 48 < 10 {
                if digits < 18 { mantissa = mantissa * 10 + UInt64(bytes[p] - 48); scale += 1 }
                digits += 1; p += 1
            }
        }
        guard digits > 0 else { return nil }
        if p == end {
            var v = Double(mantissa)
            if scale > 0 { v /= pow10(scale) } else if scale < 0 { v *= pow10(-scale) }
            return negative ? -v : v
        }
        guard bytes[p] == 101 || bytes[p] == 69 else { return nil }
        let text = string(r)
        guard let v = Double(text), v.isFinite else { return nil }
        return v
    }

    private func pow10(_ e: Int) -> Double {
        var v = 1.0
        for _ in 0..<min(e, 400) { v *= 10 }
        return v
    }

    /// True when the range holds exactly the given ASCII text.
    func equals(_ r: Range<Int>, _ text: String) -> Bool {
        let u = Array(text.utf8)
        guard u.count == r.count else { return false }
        for (k, b) in u.enumerated() where bytes[r.lowerBound + k] != b { return false }
        return true
    }
}

/// Reads a whole file (memory-mapped when possible), naming the file in the error.
func readFileData(_ url: URL) throws -> Data {
    do {
        return try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
        throw DataError(file: url.lastPathComponent, "cannot read the file (\(error.localizedDescription))")
    }
}

/// Runs `body` over the bytes of `data` with a scanner.
func scan<T>(_ data: Data, file: String, _ body: (inout ByteScanner) throws -> T) rethrows -> T {
    try data.withUnsafeBytes { raw in
        var s = ByteScanner(raw.bindMemory(to: UInt8.self), file: file)
        return try body(&s)
    }
}
