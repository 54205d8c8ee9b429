import ScriptKit

/// Code cells as highlighted HTML, coloured on the server from ScriptKit's own lexer (no
/// JavaScript in the report): each highlighted stretch becomes `<span class="tok-KIND">`,
/// everything is HTML-escaped.
enum CodeHighlighter {
    /// `source` as escaped HTML with highlighting spans.
    static func html(_ source: String) -> String {
        let bytes = Array(source.utf8)
        var out = ""
        var position = 0
        func plain(_ range: Range<Int>) -> String { Escaping.html(String(decoding: bytes[range], as: UTF8.self)) }
        for span in SyntaxHighlighting.spans(source) where span.range.lowerBound >= position {
            out += plain(position..<span.range.lowerBound)
            out += "<span class=\"tok-\(span.kind.rawValue)\">\(plain(span.range))</span>"
            position = span.range.upperBound
        }
        return out + plain(position..<bytes.count)
    }
}
