/// One cell of a notebook: prose (Markdown) or code, with an optional title and metadata.
///
/// A cell keeps the exact text it was read from (`rawText`: its marker line and body, up to
/// the next marker), so that writing a notebook back gives the same bytes. Cells built in code
/// render a canonical marker line instead.
public struct Cell: Equatable, Sendable {
    /// What a cell holds.
    public enum Kind: String, Equatable, Sendable {
        case code
        case markdown
    }

    /// Code or prose.
    public let kind: Kind
    /// The title written after `// %%`, if any (`// %% Train the model`).
    public let title: String?
    /// `key=value` metadata in the order written; values are kept as written (`["parameters"]`).
    public let metadata: [(key: String, value: String)]
    /// Tags from the `tags=[...]` metadata entry.
    public let tags: [String]
    /// The cell's exact text, marker line included (absent for text before the first marker).
    public let rawText: String
    /// True for the text before the first `// %%` marker (a code cell without a marker line).
    public let isPreamble: Bool

    /// Builds a cell from its parts; its text is rendered in the canonical percent format.
    ///
    /// - Parameters:
    ///   - kind: code or markdown.
    ///   - title: an optional title for the marker line.
    ///   - tags: cell tags such as `parameters`, `raises-exception`, `skip-execution`.
    ///   - source: the code, or the Markdown prose (without the `// ` prefixes).
    public init(kind: Kind, title: String? = nil, tags: [String] = [], source: String) {
        self.kind = kind
        self.title = title.flatMap { $0.isEmpty ? nil : $0 }
        self.tags = tags
        self.metadata = tags.isEmpty ? [] : [("tags", Cell.renderTags(tags))]
        self.isPreamble = false
        let header = Cell.renderMarker(kind: kind, title: self.title, metadata: self.metadata)
        var body = source
        if kind == .markdown {
            body = source.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "//" : "// " + $0 }.joined(separator: "\n")
        }
        if !body.isEmpty && !body.hasSuffix("\n") { body += "\n" }
        // A blank line separates a built cell from the next one, as people write them.
        self.rawText = header + "\n" + body + "\n"
    }

    init(rawText: String, isPreamble: Bool, kind: Kind, title: String?,
         metadata: [(key: String, value: String)], tags: [String]) {
        self.rawText = rawText
        self.isPreamble = isPreamble
        self.kind = kind
        self.title = title
        self.metadata = metadata
        self.tags = tags
    }

    public static func == (a: Cell, b: Cell) -> Bool {
        a.rawText == b.rawText && a.isPreamble == b.isPreamble
    }

    /// The body lines (without the marker line), trailing blank lines dropped.
    var bodyLines: [Substring] {
        var lines = TextLines.split(rawText)
        if !isPreamble, !lines.isEmpty { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            lines.removeLast()
        }
        return lines
    }

    /// The code to run (for a code cell) or the Markdown prose (for a markdown cell, with
    /// the `// ` prefixes removed). Trailing blank lines are dropped.
    public var source: String {
        let lines = bodyLines
        switch kind {
        case .code:
            // CRLF files: the code gets plain "\n" line ends.
            return lines.map(TextLines.droppingCarriageReturn).joined(separator: "\n")
        case .markdown:
            return lines.map { line -> Substring in
                let l = TextLines.droppingCarriageReturn(line)
                if l.hasPrefix("// ") { return l.dropFirst(3) }
                if l.hasPrefix("//") { return l.dropFirst(2) }
                return l
            }.joined(separator: "\n")
        }
    }

    /// The 1-based line in the notebook file where this cell's body starts.
    public internal(set) var firstBodyLine: Int = 1

    /// Whether the cell carries `tag`.
    public func hasTag(_ tag: String) -> Bool { tags.contains(tag) }

    /// Whether the cell holds only blank lines.
    public var isBlank: Bool { bodyLines.isEmpty }
}
