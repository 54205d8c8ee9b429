/// A lexical token with its exact location and the whitespace around it (Swift decides
/// between prefix, postfix and binary operators by whitespace, and ends statements at newlines).
struct Token {
    enum Kind: Equatable {
        case identifier, keyword, integer, double, string, punct, eof
    }

    var kind: Kind
    /// Identifier, keyword or punctuation text; the raw spelling of numbers.
    var text: String
    var location: SourceLocation
    var newlineBefore = false
    var spaceBefore = false
    var spaceAfter = false
    var intValue = 0
    var doubleValue = 0.0
    /// Segments of a string literal.
    var parts: [StringPart] = []
    /// The UTF-8 byte offsets the token spans in its chunk (for syntax highlighting).
    var byteRange: Range<Int> = 0..<0

    func isPunct(_ s: String) -> Bool { kind == .punct && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .keyword && text == s }
}

/// A piece of a string literal: literal text or an interpolated expression's tokens.
enum StringPart {
    case text(String)
    case code([Token])
}

/// Words the lexer reports as keywords rather than identifiers.
let scriptKeywords: Set<String> = [
    "let", "var", "func", "return", "if", "else", "guard", "while", "repeat", "for", "in",
    "where", "switch", "case", "default", "break", "continue", "true", "false", "nil",
    "import", "try", "fallthrough", "struct", "as", "is", "throws", "inout", "do", "catch",
    "defer", "throw", "rethrows", "mutating", "static",
    "class", "enum", "protocol", "extension", "typealias", "override", "final",
]
