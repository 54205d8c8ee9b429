/// The pieces of HTML that `HTMLSanitizer` needs to recognise, read as the HTML standard's
/// tokenizer reads them: start and end tags with their attributes, comments, and character
/// references. Works on UTF-8 bytes; every syntax character is ASCII.
enum HTMLTokenizer {
    /// A start or end tag.
    struct Tag {
        /// The tag name, lowercased.
        var name: String
        /// Whether this is an end tag (`</name>`).
        var isEnd: Bool
        /// Attributes in source order, names lowercased, values with character references
        /// decoded; the first of a repeated name wins, as in browsers.
        var attributes: [(name: String, value: String)]
        /// The index just past the closing `>`.
        var end: Int
    }

    /// The index just past `-->` when a comment (`<!--`) starts at `i`; nil otherwise or
    /// when the comment never ends.
    static func commentEnd(_ b: [UInt8], at i: Int) -> Int? {
        guard b[i...].starts(with: Array("<!--".utf8)) else { return nil }
        var j = i + 4
        while j + 2 < b.count {
            if b[j] == 0x2D, b[j + 1] == 0x2D, b[j + 2] == 0x3E { return j + 3 }
            j += 1
        }
        return nil
    }

    /// The tag starting at `b[i]` (a `<`), or nil when the text there is not a tag (`< 3`,
    /// `<=`, a `<` with no `>` after it), which then reads as text.
    static func tag(_ b: [UInt8], at i: Int) -> Tag? {
        var j = i + 1
        var isEnd = false
        if j < b.count, b[j] == UInt8(ascii: "/") { isEnd = true; j += 1 }
        guard j < b.count, isLetter(b[j]) else { return nil }
        let nameStart = j
        while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: ">") { j += 1 }
        let name = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
        var attributes: [(name: String, value: String)] = []
        while j < b.count {
            while j < b.count, isSpace(b[j]) || b[j] == UInt8(ascii: "/") { j += 1 }
            guard j < b.count else { return nil }
            if b[j] == UInt8(ascii: ">") {
                return Tag(name: name, isEnd: isEnd, attributes: attributes, end: j + 1)
            }
            let attrStart = j
            j += 1  // a name may start with '=' (the standard's rule); it is dropped anyway
            while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: ">"),
                  b[j] != UInt8(ascii: "=") { j += 1 }
            let attrName = String(decoding: b[attrStart..<j], as: UTF8.self).lowercased()
            var k = j
            while k < b.count, isSpace(b[k]) { k += 1 }
            var value = ""
            if k < b.count, b[k] == UInt8(ascii: "=") {
                k += 1
                while k < b.count, isSpace(b[k]) { k += 1 }
                guard k < b.count else { return nil }
                let quote = b[k]
                let valueStart: Int
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    valueStart = k + 1
                    k = valueStart
                    while k < b.count, b[k] != quote { k += 1 }
                    guard k < b.count else { return nil }
                    value = decodeReferences(b[valueStart..<k])
                    k += 1
                } else {
                    valueStart = k
                    while k < b.count, !isSpace(b[k]), b[k] != UInt8(ascii: ">") { k += 1 }
                    value = decodeReferences(b[valueStart..<k])
                }
                j = k
            }
            if !attributes.contains(where: { $0.name == attrName }) { attributes.append((attrName, value)) }
        }
        return nil
    }

    /// The length of a character reference (`&amp;`, `&#39;`, `&#x27;`) at `b[i]`, or nil.
    static func entityLength(_ b: [UInt8], at i: Int) -> Int? {
        var j = i + 1
        guard j < b.count else { return nil }
        if b[j] == UInt8(ascii: "#") {
            j += 1
            let hex = j < b.count && (b[j] == UInt8(ascii: "x") || b[j] == UInt8(ascii: "X"))
            if hex { j += 1 }
            let start = j
            while j < b.count, j - start < 8, hex ? isHexDigit(b[j]) : isDigit(b[j]) { j += 1 }
            guard j > start, j < b.count, b[j] == UInt8(ascii: ";") else { return nil }
        } else {
            let start = j
            while j < b.count, j - start < 32, isLetter(b[j]) || isDigit(b[j]) { j += 1 }
            guard j > start, j < b.count, b[j] == UInt8(ascii: ";") else { return nil }
        }
        return j + 1 - i
    }

    /// Named references this decoder knows; any other stays as written (and is escaped on
    /// output, so the browser reads it literally too).
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "colon": ":", "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")",
    ]

    /// `s` with numeric and known named character references decoded.
    static func decodeReferences(_ s: ArraySlice<UInt8>) -> String {
        let b = Array(s)
        var out = ""
        var i = 0
        var plain = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "&"), let n = entityLength(b, at: i) else { i += 1; continue }
            let body = String(decoding: b[(i + 1)..<(i + n - 1)], as: UTF8.self)
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else {
                decoded = named[body] ?? named[body.lowercased()]
            }
            if let decoded {
                out += String(decoding: b[plain..<i], as: UTF8.self) + decoded
                plain = i + n
            }
            i += n
        }
        return out + String(decoding: b[plain...], as: UTF8.self)
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66) }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
}
