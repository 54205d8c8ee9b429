import Foundation

/// A problem in a notebook's structure (its cell markers), found when a file is read.
public struct NotebookFormatProblem: Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line of the marker in the file.
    public var line: Int
    /// The 1-based number of the cell (as runs and errors name cells: "cell 3").
    public var cell: Int
    /// What is wrong, and what was expected.
    public var message: String

    /// A problem at `line` in cell `cell`.
    public init(line: Int, cell: Int, message: String) {
        self.line = line
        self.cell = cell
        self.message = message
    }

    public var description: String { "line \(line): cell \(cell): \(message)" }
}

extension Notebook {
    /// Problems in the cell markers: unterminated `[` lists or `"` strings, a `tags` value
    /// that is not a list of quoted names, more than one `parameters` cell. Empty when the
    /// notebook is well formed. (Reading text never fails; files are checked with this.)
    public var formatProblems: [NotebookFormatProblem] {
        var problems: [NotebookFormatProblem] = []
        var parametersCell: Int?
        for (index, cell) in cells.enumerated() where !cell.isPreamble {
            let line = cell.firstBodyLine - 1
            let marker = TextLines.droppingCarriageReturn(TextLines.split(cell.rawText).first ?? "")
            for message in Cell.markerProblems(marker) {
                problems.append(NotebookFormatProblem(line: line, cell: index + 1, message: message))
            }
            if cell.kind == .code && cell.hasTag("parameters") {
                if let first = parametersCell {
                    problems.append(NotebookFormatProblem(line: line, cell: index + 1, message:
                        "a second cell tagged \"parameters\" (cell \(first) is the parameters cell; a notebook has at most one)"))
                } else {
                    parametersCell = index + 1
                }
            }
        }
        return problems
    }

    /// Reads and checks a notebook file: it must exist, be a file, be UTF-8 text and have
    /// well-formed cell markers.
    ///
    /// - Throws: `NotebookError.unreadable` naming the path (and the line of a bad byte), or
    ///   `NotebookError.malformed` listing every marker problem with its line and cell.
    public init(contentsOf url: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw NotebookError.unreadable(path: url.path, reason: "no such file")
        }
        if isFolder.boolValue {
            throw NotebookError.unreadable(path: url.path, reason: "it is a folder, not a notebook file")
        }
        guard let data = try? Data(contentsOf: url) else {
            throw NotebookError.unreadable(path: url.path, reason: "the file cannot be read (permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookError.unreadable(path: url.path, reason: Notebook.utf8Problem(in: data))
        }
        self.init(text: text)
        let problems = formatProblems
        if !problems.isEmpty {
            throw NotebookError.malformed(path: url.path, problems: problems)
        }
    }

    /// Where the first invalid UTF-8 byte is, in words.
    static func utf8Problem(in data: Data) -> String {
        var line = 1, column = 1
        var decoder = Unicode.UTF8()
        var bytes = data.makeIterator()
        while true {
            switch decoder.decode(&bytes) {
            case let .scalarValue(scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return "not UTF-8 text"
            case .error:
                return "not UTF-8 text: invalid byte sequence at line \(line), column \(column) (save the file as UTF-8)"
            }
        }
    }
}

extension Cell {
    /// What is wrong with a marker line, in words (empty when it is well formed).
    static func markerProblems(_ line: Substring) -> [String] {
        var problems: [String] = []
        let parsed = parseMarker(line)
        for word in (parsed.title ?? "").split(separator: " ") where word.hasPrefix("[") {
            let after = line[(line.range(of: word)?.upperBound ?? line.endIndex)...]
            let lower = word.lowercased()
            let looksLikeType = lower.hasPrefix("[markdown") || lower.hasPrefix("[md")
            if (!word.contains("]") && !after.contains("]")) || (looksLikeType && !word.hasSuffix("]")) {
                problems.append("unterminated '\(word)' in the cell marker: expected a closing ']' (a cell type is written [markdown])")
            }
        }
        for (key, value) in parsed.metadata {
            if value.isEmpty {
                problems.append("\(key)= has no value: expected \(key)=[\"...\"] or \(key)=word")
            } else if value.hasPrefix("[") && !value.hasSuffix("]") {
                problems.append("unterminated list in \(key)=\(value): expected a closing ']'")
            } else if value.hasPrefix("\"") && (value.count < 2 || !value.hasSuffix("\"")) {
                problems.append("unterminated string in \(key)=\(value): expected a closing '\"'")
            } else if key == "tags" && !isStringList(value) {
                problems.append("tags=\(value) is not a list of quoted names: expected tags=[\"parameters\"] or tags=[\"a\", \"b\"]")
            }
        }
        return problems
    }

    /// Whether `text` is `[]` or `["a", "b", ...]` (strings with backslash escapes).
    static func isStringList(_ text: String) -> Bool {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return false }
        let inner = Array(text.dropFirst().dropLast())
        var i = 0
        func skipSpaces() { while i < inner.count, inner[i] == " " || inner[i] == "\t" { i += 1 } }
        skipSpaces()
        if i == inner.count { return true }
        while true {
            guard i < inner.count, inner[i] == "\"" else { return false }
            i += 1
            var closed = false
            while i < inner.count {
                if inner[i] == "\\" { i += 2; continue }
                if inner[i] == "\"" { closed = true; i += 1; break }
                i += 1
            }
            guard closed else { return false }
            skipSpaces()
            if i == inner.count { return true }
            guard inner[i] == "," else { return false }
            i += 1
            skipSpaces()
        }
    }
}
