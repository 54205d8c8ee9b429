/// What a stretch of script source is, for syntax highlighting.
public enum HighlightKind: String, Sendable {
    /// A keyword (`let`, `for`, `true`, `nil`).
    case keyword
    /// A capitalised name: a type or an enum-like namespace (`Tensor`, `Figure`).
    case type
    /// A number literal.
    case number
    /// A string literal, interpolations included.
    case string
    /// A `//` or `/* */` comment.
    case comment
}

/// A highlighted stretch of source: UTF-8 byte offsets and its kind.
public struct HighlightSpan: Equatable, Sendable {
    /// The bytes of the source the span covers.
    public var range: Range<Int>
    /// What they are.
    public var kind: HighlightKind
}

/// Syntax highlighting from the language's own lexer, so a report colours code exactly as
/// the interpreter reads it. Text without a span (names, operators, blanks) is plain.
public enum SyntaxHighlighting {
    /// The highlighted spans of `source` in order; never fails (text the lexer rejects is
    /// left plain).
    public static func spans(_ source: String) -> [HighlightSpan] {
        let bytes = Array(source.utf8)
        var spans: [HighlightSpan] = []
        var previousEnd = 0
        for token in Lexer.tokenize(source).tokens where token.kind != .eof {
            let range = token.byteRange
            guard range.lowerBound >= previousEnd, range.upperBound <= bytes.count else { continue }
            spans += comments(bytes, in: previousEnd..<range.lowerBound)
            previousEnd = range.upperBound
            let kind: HighlightKind?
            switch token.kind {
            case .keyword: kind = .keyword
            case .integer, .double: kind = .number
            case .string: kind = .string
            case .identifier: kind = token.text.first?.isUppercase == true ? .type : nil
            case .punct, .eof: kind = nil
            }
            if let kind { spans.append(HighlightSpan(range: range, kind: kind)) }
        }
        spans += comments(bytes, in: previousEnd..<bytes.count)
        return spans
    }

    /// The comments in a stretch between tokens (the lexer skips them as trivia).
    static func comments(_ b: [UInt8], in range: Range<Int>) -> [HighlightSpan] {
        var out: [HighlightSpan] = []
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            if b[i] == 47 && b[i + 1] == 47 {
                var j = i
                while j < range.upperBound && b[j] != 10 { j += 1 }
                out.append(HighlightSpan(range: i..<j, kind: .comment))
                i = j
            } else if b[i] == 47 && b[i + 1] == 42 {
                var j = i, depth = 0
                while j < range.upperBound {
                    if j + 1 < range.upperBound, b[j] == 47, b[j + 1] == 42 { depth += 1; j += 2; continue }
                    if j + 1 < range.upperBound, b[j] == 42, b[j + 1] == 47 { depth -= 1; j += 2; if depth == 0 { break }; continue }
                    j += 1
                }
                out.append(HighlightSpan(range: i..<j, kind: .comment))
                i = j
            } else {
                i += 1
            }
        }
        return out
    }
}
