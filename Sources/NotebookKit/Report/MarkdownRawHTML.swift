/// Prepares the raw HTML inside prose before Ink reads it. Ink takes any `<name ...>` as
/// an HTML element and, unless it is written self-closing (`<br/>`), copies everything up to
/// the matching end tag, so `# Title <img src=x>` swallowed the rest of the cell. Here each
/// tag outside code spans and fenced blocks becomes either its canonical allowed form (void
/// tags self-closed, attributes filtered as `HTMLSanitizer` does) or escaped text, and
/// comments are dropped. `HTMLSanitizer` still checks Ink's output: this pass is for
/// faithful rendering, the sanitizer is the safety boundary.
enum MarkdownRawHTML {
    /// `markdown` with raw HTML tags canonical or escaped, and comments removed.
    static func prepared(_ markdown: String) -> String {
        guard markdown.utf8.contains(UInt8(ascii: "<")) else { return markdown }
        var inFence = false
        var lines: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                lines.append(String(line))
            } else {
                lines.append(inFence ? String(line) : preparedLine(Array(line.utf8)))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One line outside a fence: code spans copied, tags rewritten.
    static func preparedLine(_ b: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "`") {
                // A code span runs to the next run of exactly as many backticks.
                var n = 0
                while i + n < b.count, b[i + n] == UInt8(ascii: "`") { n += 1 }
                if let close = closingRun(b, length: n, from: i + n) {
                    out += b[i..<(close + n)]
                    i = close + n
                } else {
                    out += b[i..<(i + n)]
                    i += n
                }
                continue
            }
            if b[i] == UInt8(ascii: "<") {
                if let end = HTMLTokenizer.commentEnd(b, at: i) { i = end; continue }
                if let tag = HTMLTokenizer.tag(b, at: i) {
                    if let permitted = HTMLSanitizer.allowed[tag.name] {
                        out += Array((tag.isEnd ? "</\(tag.name)>"
                                                : HTMLSanitizer.canonical(tag, permitted: permitted, selfClosing: true)).utf8)
                    } else {
                        out += Array(Escaping.html(String(decoding: b[i..<tag.end], as: UTF8.self)).utf8)
                    }
                    i = tag.end
                    continue
                }
                if i + 1 < b.count, HTMLTokenizer.isLetter(b[i + 1]) || b[i + 1] == UInt8(ascii: "/")
                    || b[i + 1] == UInt8(ascii: "!") {
                    // An unfinished tag or comment: text, so Ink does not read an element.
                    out += Array("&lt;".utf8)
                    i += 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The start of the next run of exactly `length` backticks at or after `from`.
    static func closingRun(_ b: [UInt8], length: Int, from: Int) -> Int? {
        var i = from
        while i < b.count {
            guard b[i] == UInt8(ascii: "`") else { i += 1; continue }
            var n = 0
            while i + n < b.count, b[i + n] == UInt8(ascii: "`") { n += 1 }
            if n == length { return i }
            i += n
        }
        return nil
    }
}
