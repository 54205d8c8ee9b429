import Foundation

/// A `.swiftnb` notebook: an ordered list of prose and code cells in the percent format.
///
/// `Notebook(text:)` then `text` gives back the same bytes (the format round-trips).
public struct Notebook: Equatable, Sendable {
    /// The cells in file order.
    public var cells: [Cell]

    /// A notebook of the given cells.
    public init(cells: [Cell]) {
        self.cells = cells
    }

    /// Reads a notebook from the text of a `.swiftnb` file. Reading never fails: any text is
    /// a notebook (text before the first `// %%` marker is a code cell); `formatProblems`
    /// lists malformed markers, and reading a file (`init(contentsOf:)`) rejects them.
    public init(text: String) {
        let lines = TextLines.split(text)
        var starts = lines.indices.filter { Cell.isMarker(lines[$0]) }
        if starts.first != 0 { starts.insert(0, at: 0) }
        var cells: [Cell] = []
        for (n, start) in starts.enumerated() {
            let end = n + 1 < starts.count ? starts[n + 1] : lines.count
            var raw = lines[start..<end].joined(separator: "\n")
            if end < lines.count { raw += "\n" }
            if Cell.isMarker(lines[start]) {
                let marker = Cell.parseMarker(lines[start])
                let tags = marker.metadata.first { $0.key == "tags" }.map { Cell.parseTags($0.value) } ?? []
                var cell = Cell(rawText: raw, isPreamble: false, kind: marker.kind, title: marker.title,
                                metadata: marker.metadata, tags: tags)
                cell.firstBodyLine = start + 2
                cells.append(cell)
            } else if !raw.isEmpty {
                var cell = Cell(rawText: raw, isPreamble: true, kind: .code, title: nil, metadata: [], tags: [])
                cell.firstBodyLine = 1
                cells.append(cell)
            }
        }
        self.cells = cells
    }

    /// The notebook as `.swiftnb` text (byte-identical to what was read, for read notebooks).
    public var text: String {
        var out = ""
        for cell in cells {
            if !out.isEmpty && out.unicodeScalars.last != "\n" { out += "\n" }
            out += cell.rawText
        }
        return out
    }

    /// The code cells, in order.
    public var codeCells: [Cell] { cells.filter { $0.kind == .code } }

    /// The cell tagged `parameters`, if any.
    public var parametersCell: Cell? { cells.first { $0.kind == .code && $0.hasTag("parameters") } }
}

/// Errors reading notebooks.
public enum NotebookError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file's cell markers are malformed.
    case malformed(path: String, problems: [NotebookFormatProblem])

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read notebook '\(path)': \(reason)"
        case let .malformed(path, problems):
            return problems.map { "\(path):\($0.line): cell \($0.cell): \($0.message)" }.joined(separator: "\n")
        }
    }
}
