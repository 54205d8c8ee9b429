import Foundation

/// One piece of output of a cell, tagged by what it is so that each report format can show it
/// best (a MIME-tagged bundle in the manner of Jupyter's display data).
public enum DisplayItem: Equatable, Sendable {
    /// Printed text, exactly as printed (newlines included).
    case text(String)
    /// A table: shown aligned in a terminal, as a Markdown table in `.md`, `<table>` in HTML.
    case table(DisplayTable)
    /// A PNG image written to `path` (relative to the report folder when in a report).
    case image(DisplayImage)
}

/// A table of strings with a header row.
public struct DisplayTable: Equatable, Sendable {
    /// Column headings.
    public var columns: [String]
    /// Rows of cells; rows shorter than `columns` are shown padded with empty cells.
    public var rows: [[String]]
    /// An optional caption shown above the table.
    public var caption: String?

    /// A table with the given columns and rows.
    public init(columns: [String], rows: [[String]], caption: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }

    /// For each column (as many as the widest row or the header), whether it holds only
    /// numbers (empty cells allowed): reports right-align those, so digits line up.
    public var numericColumns: [Bool] {
        let width = max(columns.count, rows.map(\.count).max() ?? 0)
        return (0..<width).map { i in
            !rows.isEmpty && rows.allSatisfy { i >= $0.count || $0[i].isEmpty || Double($0[i]) != nil }
        }
    }

    /// The table as aligned plain text (for terminals and text outputs).
    public var plainText: String {
        let width = max(columns.count, rows.map(\.count).max() ?? 0)
        func cell(_ row: [String], _ i: Int) -> String { i < row.count ? row[i] : "" }
        var widths = (0..<width).map { cell(columns, $0).count }
        for row in rows { for i in 0..<width { widths[i] = max(widths[i], cell(row, i).count) } }
        func line(_ row: [String]) -> String {
            (0..<width).map { i in
                let s = cell(row, i)
                return s + String(repeating: " ", count: widths[i] - s.count)
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var out: [String] = []
        if let caption { out.append(caption) }
        out.append(line(columns))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}

/// A PNG image that a cell produced.
public struct DisplayImage: Equatable, Sendable {
    /// Where the PNG file is (absolute, or relative to the working directory).
    public var path: String
    /// Alternative text (the figure's title, if any).
    public var alt: String
    /// The size to show the image at, in CSS pixels, when the file has more pixels than
    /// that (a figure rendered at 2x for high-DPI screens); nil shows it at its own size.
    public var displaySize: (width: Int, height: Int)?

    /// An image at `path`, shown at `displaySize` if given.
    public init(path: String, alt: String = "figure", displaySize: (width: Int, height: Int)? = nil) {
        self.path = path
        self.alt = alt
        self.displaySize = displaySize
    }

    public static func == (a: DisplayImage, b: DisplayImage) -> Bool {
        a.path == b.path && a.alt == b.alt && a.displaySize?.width == b.displaySize?.width
            && a.displaySize?.height == b.displaySize?.height
    }
}

extension DisplayItem {
    /// The item as terminal text: text as is, tables aligned, images as a path line.
    public var terminalText: String {
        switch self {
        case let .text(s): return s
        case let .table(t): return t.plainText
        case let .image(img): return "[figure: \(img.path)]\n"
        }
    }
}
