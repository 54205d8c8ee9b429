import Foundation

/// Gives every heading of the report's prose an `id` (a slug of its text, unique in the
/// page) and a `¶` link to itself, as nbconvert does, and collects them for the table of
/// contents.
struct HeadingAnchors {
    /// One heading: its level, id and inner HTML without tags.
    struct Entry: Equatable {
        var level: Int
        var id: String
        var text: String
    }

    private(set) var entries: [Entry] = []
    private var used: Set<String> = []

    private static let heading = try! NSRegularExpression(pattern: "<h([1-6])>(.*?)</h\\1>",
                                                          options: [.dotMatchesLineSeparators])
    private static let tag = try! NSRegularExpression(pattern: "<[^>]*>")

    /// `html` (sanitized prose, whose headings carry no attributes) with ids and anchor
    /// links on its headings.
    mutating func anchored(_ html: String) -> String {
        let ns = html as NSString
        var out = ""
        var last = 0
        for match in Self.heading.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
            let level = Int(ns.substring(with: match.range(at: 1)))!
            let inner = ns.substring(with: match.range(at: 2))
            let text = Self.tag.stringByReplacingMatches(in: inner, range: NSRange(location: 0, length: (inner as NSString).length),
                                                         withTemplate: "").trimmingCharacters(in: .whitespaces)
            let id = uniqueID(for: text)
            entries.append(Entry(level: level, id: id, text: text))
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            out += "<h\(level) id=\"\(id)\">\(inner)<a class=\"anchor-link\" href=\"#\(id)\" aria-label=\"Link to this section\">¶</a></h\(level)>"
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }

    /// A slug of `text` (lowercase letters and digits joined by dashes) not used before.
    mutating func uniqueID(for text: String) -> String {
        let decoded = HTMLTokenizer.decodeReferences(ArraySlice(text.utf8)).lowercased()
        var slug = ""
        for c in decoded {
            if c.isLetter || c.isNumber { slug.append(c) } else if !slug.isEmpty, !slug.hasSuffix("-") { slug.append("-") }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "section" }
        var id = slug, n = 1
        while used.contains(id) { id = "\(slug)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    /// The table of contents as a nested-looking list (indented by level), or "" when the
    /// prose has fewer than two headings.
    func tableOfContents() -> String {
        guard entries.count >= 2 else { return "" }
        let top = entries.map(\.level).min() ?? 1
        var out = "<nav class=\"toc\" aria-label=\"Contents\">\n<p class=\"toc-title\">Contents</p>\n<ul>\n"
        for e in entries {
            out += "<li class=\"toc-level-\(e.level - top + 1)\"><a href=\"#\(e.id)\">\(e.text)</a></li>\n"
        }
        return out + "</ul>\n</nav>\n"
    }
}
