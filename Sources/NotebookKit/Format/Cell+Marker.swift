/// Parsing and rendering of the `// %% title [markdown] key=value` marker line.
extension Cell {
    /// The text every cell marker starts with.
    static let markerPrefix = "// %%"

    /// Whether a line opens a cell.
    static func isMarker(_ line: Substring) -> Bool {
        guard line.hasPrefix(markerPrefix) else { return false }
        let rest = line.dropFirst(markerPrefix.count)
        return rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == "\r"
    }

    /// Splits a marker line into kind, title and metadata.
    static func parseMarker(_ line: Substring) -> (kind: Kind, title: String?, metadata: [(key: String, value: String)]) {
        var rest = Substring(line.dropFirst(markerPrefix.count))
        if rest.hasSuffix("\r") { rest = rest.dropLast() }
        var kind = Kind.code
        var titleWords: [Substring] = []
        var metadata: [(key: String, value: String)] = []
        var i = rest.startIndex
        while i < rest.endIndex {
            if rest[i] == " " || rest[i] == "\t" { i = rest.index(after: i); continue }
            let start = i
            if rest[i] == "[" , let close = rest[i...].firstIndex(of: "]") {
                let word = rest[rest.index(after: i)..<close]
                if word == "markdown" || word == "md" { kind = .markdown; i = rest.index(after: close); continue }
            }
            // A key=value pair: the key is a plain word, the value a bracketed list, a quoted
            // string or a bare word.
            var j = i
            while j < rest.endIndex, rest[j].isLetter || rest[j].isNumber || rest[j] == "_" || rest[j] == "-" {
                j = rest.index(after: j)
            }
            if j > i, j < rest.endIndex, rest[j] == "=" {
                let key = String(rest[i..<j])
                var k = rest.index(after: j)
                let valueStart = k
                if k < rest.endIndex, rest[k] == "[" || rest[k] == "\"" {
                    let closer: Character = rest[k] == "[" ? "]" : "\""
                    k = rest.index(after: k)
                    var inString = closer == "\""
                    while k < rest.endIndex {
                        let c = rest[k]
                        if c == "\"" && closer == "]" { inString.toggle() }
                        if c == closer && (closer == "\"" || !inString) { k = rest.index(after: k); break }
                        k = rest.index(after: k)
                    }
                } else {
                    while k < rest.endIndex, rest[k] != " ", rest[k] != "\t" { k = rest.index(after: k) }
                }
                metadata.append((key, String(rest[valueStart..<k])))
                i = k
                continue
            }
            var e = start
            while e < rest.endIndex, rest[e] != " ", rest[e] != "\t" { e = rest.index(after: e) }
            titleWords.append(rest[start..<e])
            i = e
        }
        let title = titleWords.isEmpty ? nil : titleWords.joined(separator: " ")
        return (kind, title, metadata)
    }

    /// Reads the strings of a `["a", "b"]` metadata value; malformed entries are skipped.
    static func parseTags(_ value: String) -> [String] {
        var tags: [String] = []
        var current = ""
        var inString = false
        var escaped = false
        for c in value {
            if inString {
                if escaped { current.append(c); escaped = false }
                else if c == "\\" { escaped = true }
                else if c == "\"" { tags.append(current); current = ""; inString = false }
                else { current.append(c) }
            } else if c == "\"" {
                inString = true
            }
        }
        return tags
    }

    /// Renders tags as the JSON-style list the marker line carries.
    static func renderTags(_ tags: [String]) -> String {
        "[" + tags.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ", ") + "]"
    }

    /// Renders a canonical marker line.
    static func renderMarker(kind: Kind, title: String?, metadata: [(key: String, value: String)]) -> String {
        var parts = [markerPrefix]
        if let title { parts.append(title) }
        if kind == .markdown { parts.append("[markdown]") }
        parts += metadata.map { "\($0.key)=\($0.value)" }
        return parts.joined(separator: " ")
    }
}
