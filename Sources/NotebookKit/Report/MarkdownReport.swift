import Foundation

/// Renders a run as a Markdown document: prose as written, code in fenced blocks, outputs
/// under each cell (text fenced, tables as Markdown tables, images as links).
///
/// The body is byte-stable: it holds no timestamps or durations.
public enum MarkdownReport {
    /// The Markdown text of `report`. Image paths are written relative to `reportDirectory`.
    public static func render(_ report: RunReport, reportDirectory: String) -> String {
        var out = "<!-- Report of \(report.notebookName), written by swiftnb run. -->\n\n"
        if !report.overriddenParameters.isEmpty {
            out += "**Parameters:** "
            out += report.overriddenParameters.map { "`\($0.name) = \($0.value)`" }.joined(separator: ", ")
            out += "\n\n"
        }
        for (outcome, count) in zip(report.cells, report.executionCounts) {
            out += cell(outcome, count: count, report: report, reportDirectory: reportDirectory)
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    static func cell(_ outcome: CellOutcome, count: Int?, report: RunReport, reportDirectory: String) -> String {
        let cell = outcome.cell
        if cell.kind == .markdown {
            return cell.source.isEmpty ? "" : cell.source + "\n\n"
        }
        if cell.isBlank { return "" }
        var out = ""
        if let title = cell.title { out += "**\(title)**\n\n" }
        out += fenced(cell.source, info: "swift")
        if let note = ReportNotes.note(for: outcome, in: report) { out += "*\(note)*\n\n" }
        out += items(outcome.printedOutputs, reportDirectory: reportDirectory)
        if !outcome.resultOutputs.isEmpty {
            out += "*\(OutputPrompt.label(count ?? 0))*\n\n" + items(outcome.resultOutputs, reportDirectory: reportDirectory)
        }
        if let error = outcome.error {
            switch outcome.status {
            case .expectedError: out += "Expected error:\n\n"
            case .interrupted: out += "**Interrupted:**\n\n"
            default: out += "**Error:**\n\n"
            }
            out += fenced(error, info: "text")
        }
        return out
    }

    static func items(_ items: ArraySlice<DisplayItem>, reportDirectory: String) -> String {
        var out = ""
        for item in ReportOutputs.merged(Array(items)) {
            switch item {
            case let .text(s): out += fenced(s, info: "text")
            case let .table(t): out += table(t)
            case let .image(img):
                let path = ReportPaths.relative(img.path, to: reportDirectory)
                out += "![\(img.alt.replacingOccurrences(of: "]", with: "\\]"))](\(path.replacingOccurrences(of: " ", with: "%20")))\n\n"
            }
        }
        return out
    }

    static func fenced(_ text: String, info: String) -> String {
        var body = text
        if body.hasSuffix("\n") { body.removeLast() }
        let fence = Escaping.fence(for: body)
        return "\(fence)\(info)\n\(body)\n\(fence)\n\n"
    }

    static func table(_ t: DisplayTable) -> String {
        let width = max(t.columns.count, t.rows.map(\.count).max() ?? 0)
        guard width > 0 else { return "" }
        func row(_ cells: [String]) -> String {
            "| " + (0..<width).map { Escaping.markdownTableCell($0 < cells.count ? cells[$0] : "") }
                .joined(separator: " | ") + " |\n"
        }
        var out = t.caption.map { "*\($0)*\n\n" } ?? ""
        out += row(t.columns)
        let numeric = t.numericColumns
        out += "|" + (0..<width).map { $0 < numeric.count && numeric[$0] ? " ---: |" : " --- |" }.joined() + "\n"
        for r in t.rows { out += row(r) }
        return out + "\n"
    }
}
