/// Prepares prose for Ink, whose paragraphs end at any line that starts with `` ` ``, `-`,
/// `#` or `<`. In CommonMark such a line only ends a paragraph when it opens a block (a
/// ``` fence, a `- ` list item, a `# ` heading, an HTML block); otherwise it continues the
/// paragraph after a soft line break. Joining those lines onto the line before (with the
/// space a soft break renders as) gives the HTML that CommonMark readers show.
enum MarkdownSoftBreaks {
    /// `markdown` with paragraph continuation lines that Ink would misread joined up.
    static func joined(_ markdown: String) -> String {
        var out: [Substring] = []
        var joinedText: [Int: String] = [:]
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let isFence = trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~")
            if !inFence, !isFence, let last = out.indices.last, continues(paragraph: joinedText[last] ?? String(out[last])),
               isMisreadContinuation(line) {
                joinedText[last] = (joinedText[last] ?? String(out[last])) + " " + line
                continue
            }
            if isFence { inFence.toggle() }
            out.append(line)
        }
        return out.indices.map { joinedText[$0] ?? String(out[$0]) }.joined(separator: "\n")
    }

    /// Whether `line` is paragraph text that a following line may continue.
    static func continues(paragraph line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard !trimmed.isEmpty else { return false }
        if trimmed.hasPrefix("#") || trimmed.hasPrefix("|") || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            return false
        }
        // A hard line break (two spaces or a backslash) is kept as it is.
        return !(line.hasSuffix("  ") || line.hasSuffix("\\"))
    }

    /// Whether Ink would end a paragraph at `line` although CommonMark continues it.
    static func isMisreadContinuation(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        let rest = line.dropFirst()
        switch first {
        case "`":
            return !line.hasPrefix("```")
        case "-":
            return !(rest.first == " " || rest.first == "\t" || rest.isEmpty || line.allSatisfy { $0 == "-" || $0 == " " })
        case "#":
            return !(rest.first == " " || rest.first == "#" || rest.isEmpty)
        case "<":
            let tag = rest.lowercased()
            let blockTags = ["!--", "div", "pre", "table", "p>", "p ", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                             "blockquote", "details", "figure", "section", "hr", "script", "style", "/"]
            return !blockTags.contains { tag.hasPrefix($0) }
        default:
            return false
        }
    }
}
