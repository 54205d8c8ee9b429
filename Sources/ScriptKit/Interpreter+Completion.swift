extension Interpreter {
    /// Completion candidates for the word `prefix` typed after `context` (the text of the
    /// line before the word). After `expr.` it offers members of the value's type (or static
    /// members of a type); inside a call `name(` it offers argument labels (`k:`) first; else
    /// globals, registered functions and types, and keywords. Sorted, without duplicates.
    public func completions(prefix: String, context: String = "") -> [String] {
        var candidates: [String] = []
        let trimmed = context
        if trimmed.hasSuffix(".") {
            let receiver = Interpreter.trailingIdentifier(String(trimmed.dropLast()))
            if let t = registry.types[receiver], global(receiver) == nil {
                // Static members and the bound types nested in it (`MultVAE.Configuration`).
                candidates = t.staticMemberNames + registry.names.compactMap { name in
                    guard name.hasPrefix(receiver + ".") else { return nil }
                    let rest = name.dropFirst(receiver.count + 1)
                    return rest.contains(".") ? nil : String(rest)
                }
            } else if let v = global(receiver) {
                var typeName = v.bindingTypeName
                if case .range = v { typeName = "Array" }
                candidates = registry.types[typeName]?.memberNames ?? []
                if case .range = v { candidates += registry.types["Range"]?.memberNames ?? [] }
                if case .tuple(_, let labels) = v { candidates += labels.compactMap { $0 } }
            } else {
                // Unknown receiver: every member name we know.
                for t in registry.types.values { candidates += t.memberNames }
            }
            return Array(Set(candidates.filter { $0.hasPrefix(prefix) })).sorted()
        }
        if let callee = openCallee(trimmed) {
            candidates += registry.argumentLabels(of: callee).map { $0 + ":" }
            // A function defined in a script: the labels of its declaration.
            if case .function(let f)? = global(callee), let labels = f.script?.prototype.labels {
                candidates += labels.compactMap { $0 }.filter { !candidates.contains($0 + ":") }.map { $0 + ":" }
            }
        }
        let labels = candidates.filter { $0.hasPrefix(prefix) }.sorted()
        var names = globalOrder + registry.names + Interpreter.keywords
        // Nested types (`MultVAE.Configuration`) are offered after their outer type's dot.
        names = names.filter { $0.hasPrefix(prefix) && !$0.hasPrefix("$") && !$0.contains(".") }
        var seen = Set(labels)
        var out = labels
        for n in names.sorted() where !seen.contains(n) {
            seen.insert(n)
            out.append(n)
        }
        return out
    }

    static let keywords = ["let", "var", "func", "return", "if", "else", "guard", "while", "repeat", "for",
                           "in", "where", "switch", "case", "default", "break", "continue", "true", "false",
                           "nil", "import", "try"]

    /// The identifier (possibly dotted) at the end of `text`.
    static func trailingIdentifier(_ text: String) -> String {
        var chars: [Character] = []
        for ch in text.reversed() {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "." { chars.append(ch) } else { break }
        }
        return String(chars.reversed())
    }

    /// The name of the innermost unclosed call in `text` (`topK(x, ` gives "topK").
    func openCallee(_ text: String) -> String? {
        var depth = 0
        var index = text.endIndex
        while index > text.startIndex {
            index = text.index(before: index)
            let ch = text[index]
            if ch == ")" || ch == "]" { depth += 1 }
            if ch == "(" || ch == "[" {
                if depth == 0 {
                    if ch == "[" { return nil }
                    let name = Interpreter.trailingIdentifier(String(text[..<index]))
                    if name.contains("."), registry.types[name] != nil { return name }
                    let last = name.split(separator: ".").last.map(String.init) ?? name
                    return last.isEmpty ? nil : last
                }
                depth -= 1
            }
        }
        return nil
    }
}
