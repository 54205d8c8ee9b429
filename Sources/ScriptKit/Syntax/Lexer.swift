/// Turns script text into tokens. Works on UTF-8 bytes; columns count characters.
/// Errors are collected (never thrown) so that a chunk reports all of them.
struct Lexer {
    private let bytes: [UInt8]
    private let source: Int
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private(set) var errors: [LocatedError] = []
    /// Byte offset where each line starts.
    private let lineStarts: [Int]
    private var cache: (line: Int, offset: Int, column: Int) = (0, 0, 1)
    /// Depth of string interpolations being lexed (`"\("\(...)")"`), bounded so that
    /// pathological input cannot overflow the native stack.
    private var interpolationDepth = 0
    private static let maxInterpolationDepth = 24

    private static let puncts3 = ["...", "..<", "===", "!=="]
    private static let puncts2 = ["->", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=",
                                  "%=", "??", "<<", ">>", "&+", "&-", "&*"]
    /// Three-character punctuation first, so that the longest match wins.
    private static let multiPuncts: [(String, [UInt8])] = (puncts3 + puncts2).map { ($0, Array($0.utf8)) }
    private static let puncts1: Set<UInt8> = Set("+-*/%=<>!?.,:;()[]{}@#&|^~\\".utf8)

    init(_ text: String, source: Int = 0) {
        self.bytes = Array(text.utf8)
        self.source = source
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 10 { starts.append(i + 1) }
        lineStarts = starts
    }

    /// Tokenizes the whole text; the last token is `.eof`.
    static func tokenize(_ text: String, source: Int = 0) -> (tokens: [Token], errors: [LocatedError]) {
        var lexer = Lexer(text, source: source)
        let tokens = lexer.lexTokens(nested: false)
        return (tokens, lexer.errors)
    }

    /// The line and column of a byte offset. Lines come from a table of line starts; columns
    /// are counted from a cached nearby offset, so lexing a long line stays linear.
    private mutating func location(_ offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), bytes.count)
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var i = lineStarts[lo], column = 1
        if cache.line == lo && cache.offset <= offset { i = cache.offset; column = cache.column }
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        cache = (lo, offset, column)
        return SourceLocation(line: lo + 1, column: column, source: source)
    }

    /// Just after the last non-blank character: where "expected '}'" at end of input points.
    private func endLocation() -> SourceLocation {
        var end = bytes.count
        while end > 0 && isSpace(bytes[end - 1]) { end -= 1 }
        var line = 1, column = 1
        for i in 0..<end {
            if bytes[i] == 10 { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(line: line, column: column, source: source)
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        pos + ahead < bytes.count ? bytes[pos + ahead] : 0
    }

    private mutating func error(_ message: String, at offset: Int, atEnd: Bool = false) {
        errors.append(LocatedError(message: message, location: location(offset), atEnd: atEnd))
    }

    /// Whether the non-ASCII character at `offset` may start an identifier (letters, emoji).
    private func isLetterAt(_ offset: Int) -> Bool {
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let scalar = String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.isEmojiPresentation
    }

    private static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || c >= 0x80
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 || c == 10 }

    /// Skips whitespace and comments; returns (sawSpace, sawNewline).
    private mutating func skipTrivia() -> (Bool, Bool) {
        var space = false, newline = false
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 10 {
                space = true; newline = true; pos += 1; line += 1; lineStart = pos
            } else if c == 32 || c == 9 || c == 13 {
                space = true; pos += 1
            } else if c == 47 && peek(1) == 47 {
                while pos < bytes.count && bytes[pos] != 10 { pos += 1 }
                space = true
            } else if c == 47 && peek(1) == 42 {
                let start = pos
                var depth = 0
                while pos < bytes.count {
                    if bytes[pos] == 47 && peek(1) == 42 { depth += 1; pos += 2; continue }
                    if bytes[pos] == 42 && peek(1) == 47 { depth -= 1; pos += 2; if depth == 0 { break }; continue }
                    if bytes[pos] == 10 { line += 1; lineStart = pos + 1 }
                    pos += 1
                }
                if depth > 0 { error("unterminated '/*' comment", at: min(start, bytes.count), atEnd: true) }
                space = true
            } else {
                break
            }
        }
        return (space, newline)
    }

    /// Lexes tokens until end of input, or (when `nested`) until the `)` that closes a
    /// string interpolation, which is consumed and replaced by `.eof`.
    mutating func lexTokens(nested: Bool) -> [Token] {
        var out: [Token] = []
        var depth = 0
        var first = true
        while true {
            var (space, newline) = skipTrivia()
            if first { space = true; first = false }
            let start = pos
            if pos >= bytes.count {
                if nested { error("unterminated string interpolation", at: start, atEnd: true) }
                out.append(Token(kind: .eof, text: "end of input", location: nested ? location(start) : endLocation(),
                                 newlineBefore: true, spaceBefore: true, spaceAfter: true))
                return out
            }
            let c = bytes[pos]
            if nested && c == 41 && depth == 0 {
                pos += 1
                out.append(Token(kind: .eof, text: ")", location: location(start),
                                 newlineBefore: newline, spaceBefore: space, spaceAfter: true))
                return out
            }
            var token: Token
            if Lexer.isIdentStart(c) && (c < 0x80 || isLetterAt(pos)) {
                while pos < bytes.count && (Lexer.isIdentStart(bytes[pos]) || Lexer.isDigit(bytes[pos])) { pos += 1 }
                let text = String(decoding: bytes[start..<pos], as: UTF8.self)
                token = Token(kind: scriptKeywords.contains(text) ? .keyword : .identifier, text: text,
                              location: location(start))
            } else if c == 96 { // `identifier`
                pos += 1
                let s = pos
                while pos < bytes.count && bytes[pos] != 96 && bytes[pos] != 10 { pos += 1 }
                let text = String(decoding: bytes[s..<pos], as: UTF8.self)
                if pos < bytes.count && bytes[pos] == 96 { pos += 1 } else { error("unterminated '`' identifier", at: start) }
                token = Token(kind: .identifier, text: text, location: location(start))
            } else if Lexer.isDigit(c) {
                token = lexNumber()
            } else if c == 36 && Lexer.isDigit(peek(1)) { // $0
                pos += 1
                while pos < bytes.count && Lexer.isDigit(bytes[pos]) { pos += 1 }
                token = Token(kind: .identifier, text: String(decoding: bytes[start..<pos], as: UTF8.self),
                              location: location(start))
            } else if c == 34 {
                token = lexString()
            } else {
                token = lexPunct()
                if nested {
                    if token.text == "(" { depth += 1 } else if token.text == ")" { depth -= 1 }
                }
            }
            token.byteRange = start..<pos
            token.newlineBefore = newline
            token.spaceBefore = space
            token.spaceAfter = pos >= bytes.count || isSpace(bytes[pos])
                || (bytes[pos] == 47 && (peek(1) == 47 || peek(1) == 42))
            out.append(token)
        }
    }

    private mutating func lexPunct() -> Token {
        let start = pos
        for (p, u) in Lexer.multiPuncts {
            if pos + u.count <= bytes.count && bytes[pos] == u[0] && bytes[pos + 1] == u[1]
                && (u.count == 2 || bytes[pos + 2] == u[2]) {
                pos += u.count
                return Token(kind: .punct, text: p, location: location(start))
            }
        }
        let c = bytes[pos]
        pos += 1
        if Lexer.puncts1.contains(c) {
            return Token(kind: .punct, text: String(UnicodeScalar(c)), location: location(start))
        }
        while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        error("unexpected character '\(text)'", at: start)
        return Token(kind: .punct, text: text, location: location(start))
    }

    private mutating func lexNumber() -> Token {
        let start = pos
        var radix = 10
        if bytes[pos] == 48 && (peek(1) == 120 || peek(1) == 98 || peek(1) == 111) {
            radix = peek(1) == 120 ? 16 : (peek(1) == 98 ? 2 : 8)
            pos += 2
        }
        var digits = ""
        var isDouble = false
        func isRadixDigit(_ c: UInt8) -> Bool {
            if radix == 16 { return Lexer.isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) }
            return Lexer.isDigit(c)
        }
        while pos < bytes.count && (isRadixDigit(bytes[pos]) || bytes[pos] == 95) {
            if bytes[pos] != 95 { digits.append(Character(UnicodeScalar(bytes[pos]))) }
            pos += 1
        }
        if radix == 10 && peek() == 46 && Lexer.isDigit(peek(1)) {
            isDouble = true
            digits.append(".")
            pos += 1
            while pos < bytes.count && (Lexer.isDigit(bytes[pos]) || bytes[pos] == 95) {
                if bytes[pos] != 95 { digits.append(Character(UnicodeScalar(bytes[pos]))) }
                pos += 1
            }
        }
        if radix == 10 && (peek() == 101 || peek() == 69) {
            let save = pos
            var exp = "e"
            pos += 1
            if peek() == 43 || peek() == 45 { exp.append(Character(UnicodeScalar(peek()))); pos += 1 }
            if Lexer.isDigit(peek()) {
                while pos < bytes.count && Lexer.isDigit(bytes[pos]) { exp.append(Character(UnicodeScalar(bytes[pos]))); pos += 1 }
                digits += exp
                isDouble = true
            } else {
                pos = save
            }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        var token = Token(kind: isDouble ? .double : .integer, text: text, location: location(start))
        if isDouble {
            token.doubleValue = Double(digits) ?? 0
        } else if let v = Int(digits, radix: radix) {
            token.intValue = v
        } else {
            error("integer literal '\(text)' overflows when stored into 'Int'", at: start)
        }
        if pos < bytes.count && Lexer.isIdentStart(bytes[pos]) {
            error("'\(String(UnicodeScalar(bytes[pos])))' is not a valid digit in a number", at: pos)
            while pos < bytes.count && (Lexer.isIdentStart(bytes[pos]) || Lexer.isDigit(bytes[pos])) { pos += 1 }
        }
        return token
    }

    private mutating func lexString() -> Token {
        let start = pos
        let startLocation = location(start)
        if peek(1) == 34 && peek(2) == 34 {
            pos += 3
            return lexMultilineString(start: start, startLocation: startLocation)
        }
        pos += 1
        var parts: [StringPart] = []
        var text = ""
        while true {
            if pos >= bytes.count {
                error("unterminated string literal", at: start, atEnd: true)
                break
            }
            let c = bytes[pos]
            if c == 34 { pos += 1; break }
            if c == 10 {
                error("unterminated string literal", at: start)
                break
            }
            if c == 92 {
                if !lexEscape(into: &text, parts: &parts) { continue }
                continue
            }
            appendChar(into: &text)
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        var token = Token(kind: .string, text: "string", location: startLocation)
        token.parts = parts
        return token
    }

    /// Appends the (possibly multi-byte) character at `pos` to `text`.
    private mutating func appendChar(into text: inout String) {
        let s = pos
        pos += 1
        while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        text += String(decoding: bytes[s..<pos], as: UTF8.self)
    }

    /// Handles a backslash at `pos`: an escape or an interpolation.
    @discardableResult
    private mutating func lexEscape(into text: inout String, parts: inout [StringPart]) -> Bool {
        let at = pos
        pos += 1
        let e = peek()
        pos = min(pos + 1, bytes.count)
        switch e {
        case 110: text.append("\n")
        case 116: text.append("\t")
        case 114: text.append("\r")
        case 48: text.append("\0")
        case 92: text.append("\\")
        case 34: text.append("\"")
        case 39: text.append("'")
        case 117: // \u{XXXX}
            guard peek() == 123 else { error("expected '{' in \\u{...} escape", at: at); return true }
            pos += 1
            var hex = ""
            while pos < bytes.count && bytes[pos] != 125 && hex.count < 9 { hex.append(Character(UnicodeScalar(bytes[pos]))); pos += 1 }
            if peek() == 125 { pos += 1 }
            if let v = UInt32(hex, radix: 16), let scalar = UnicodeScalar(v) { text.unicodeScalars.append(scalar) }
            else { error("invalid unicode scalar '\\u{\(hex)}'", at: at) }
        case 40: // \(
            if !text.isEmpty { parts.append(.text(text)); text = "" }
            if interpolationDepth >= Lexer.maxInterpolationDepth {
                error("string interpolation nested too deeply (limit \(Lexer.maxInterpolationDepth))", at: at)
                pos = bytes.count
                return true
            }
            interpolationDepth += 1
            let inner = lexTokens(nested: true)
            interpolationDepth -= 1
            if inner.count <= 1 { error("expected an expression in string interpolation", at: at) }
            parts.append(.code(inner))
        case 0:
            error("unterminated string literal", at: at, atEnd: true)
        default:
            error("invalid escape sequence '\\\(String(UnicodeScalar(e)))' in string literal", at: at)
        }
        return true
    }

    private mutating func lexMultilineString(start: Int, startLocation: SourceLocation) -> Token {
        var token = Token(kind: .string, text: "string", location: startLocation)
        // The opening delimiter must end its line.
        while pos < bytes.count && (bytes[pos] == 32 || bytes[pos] == 9) { pos += 1 }
        guard pos < bytes.count else {
            error("unterminated multi-line string literal", at: start, atEnd: true)
            token.parts = [.text("")]
            return token
        }
        guard bytes[pos] == 10 else {
            error("multi-line string literal content must begin on a new line", at: pos)
            while pos < bytes.count && bytes[pos] != 10 { pos += 1 }
            token.parts = [.text("")]
            return token
        }
        pos += 1; line += 1; lineStart = pos
        // Find the closing delimiter's indentation.
        var scan = pos
        var indent: Int? = nil
        while scan < bytes.count {
            var s = scan
            while s < bytes.count && (bytes[s] == 32 || bytes[s] == 9) { s += 1 }
            if s + 2 < bytes.count + 0 && bytes[s] == 34 && bytes[s + 1] == 34 && bytes[s + 2] == 34 {
                indent = s - scan
                break
            }
            while scan < bytes.count && bytes[scan] != 10 { scan += 1 }
            scan += 1
        }
        guard let indent else {
            error("unterminated multi-line string literal", at: start, atEnd: true)
            pos = bytes.count
            token.parts = [.text("")]
            return token
        }
        var parts: [StringPart] = []
        var text = ""
        var atLineStart = true
        while pos < bytes.count {
            if atLineStart {
                var skipped = 0
                while skipped < indent && pos < bytes.count && (bytes[pos] == 32 || bytes[pos] == 9) { pos += 1; skipped += 1 }
                atLineStart = false
                if peek() == 34 && peek(1) == 34 && peek(2) == 34 {
                    pos += 3
                    if text.hasSuffix("\n") { text.removeLast() }
                    break
                }
            }
            let c = bytes[pos]
            if c == 10 {
                text.append("\n"); pos += 1; line += 1; lineStart = pos; atLineStart = true
            } else if c == 92 {
                lexEscape(into: &text, parts: &parts)
            } else {
                appendChar(into: &text)
            }
        }
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        token.parts = parts
        return token
    }
}
