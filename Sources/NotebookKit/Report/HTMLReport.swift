import Foundation
import Ink

/// Renders a run as one self-contained HTML page: a header with the notebook's name and its
/// non-default parameters, a table of contents linking the prose's headings, prose rendered
/// from Markdown and sanitized, code highlighted on the server, outputs under each cell
/// (the displayed value marked `Out[n]:` as in Jupyter), tables as `<table>`, figures as
/// `<figure>` with the cell title as caption, inline as base64 PNG at 2x density. Light and
/// dark colours follow `prefers-color-scheme`; no JavaScript.
///
/// Everything a notebook printed is HTML-escaped; the notebook's own prose is rendered as
/// Markdown with raw HTML limited to an allow-list. The page holds no timestamps or
/// durations, so two runs with the same seed give the same bytes.
public enum HTMLReport {
    /// The HTML text of `report`. `timings` adds each code cell's duration (the page is then
    /// no longer byte-stable); `loadImage` reads a figure's bytes (nil when it cannot).
    public static func render(_ report: RunReport, timings: Bool = false,
                              loadImage: (String) -> Data? = { try? Data(contentsOf: URL(fileURLWithPath: $0)) }) -> String {
        let parser = MarkdownParser()
        var anchors = HeadingAnchors()
        var body = ""
        for (outcome, count) in zip(report.cells, report.executionCounts) {
            let cell = outcome.cell
            if cell.kind == .markdown {
                body += "<section class=\"prose\">\n\(anchors.anchored(prose(cell.source, parser: parser)))\n</section>\n"
                continue
            }
            if cell.isBlank { continue }
            body += "<section class=\"cell \(outcome.status.rawValue)\">\n"
            if let title = cell.title { body += "<h4 class=\"cell-title\">\(Escaping.html(title))</h4>\n" }
            if timings, outcome.ran { body += "<p class=\"timing\">\(String(format: "%.3f", outcome.duration)) s</p>\n" }
            body += "<pre class=\"code\"><code class=\"language-swift\">\(CodeHighlighter.html(cell.source))</code></pre>\n"
            if let note = ReportNotes.note(for: outcome, in: report) {
                body += "<p class=\"note\">\(ReportNotes.html(note))</p>\n"
            }
            for item in ReportOutputs.merged(Array(outcome.printedOutputs)) {
                body += html(item, caption: cell.title, loadImage: loadImage)
            }
            if !outcome.resultOutputs.isEmpty {
                body += "<div class=\"result\"><div class=\"prompt\">\(OutputPrompt.label(count ?? 0))</div>\n"
                for item in ReportOutputs.merged(Array(outcome.resultOutputs)) {
                    body += html(item, caption: cell.title, loadImage: loadImage)
                }
                body += "</div>\n"
            }
            if let error = outcome.error {
                let label = outcome.status == .expectedError ? "Expected error" : outcome.status == .interrupted ? "Interrupted" : "Error"
                body += "<div class=\"error\"><strong>\(label):</strong><pre>\(Escaping.html(error))</pre></div>\n"
            }
            body += "</section>\n"
        }
        return page(title: report.stem, header: header(report), toc: anchors.tableOfContents(), body: body)
    }

    /// A prose cell as safe HTML: Ink's rendering of the Markdown, with raw HTML limited to
    /// `HTMLSanitizer`'s allow-list (as nbconvert sanitizes Markdown cells).
    static func prose(_ markdown: String, parser: MarkdownParser = MarkdownParser()) -> String {
        HTMLSanitizer.sanitize(parser.html(from: MarkdownRawHTML.prepared(MarkdownSoftBreaks.joined(markdown))))
    }

    /// The page header: the notebook's name, the parameters that differ from its defaults,
    /// and a warning when the run was interrupted.
    static func header(_ report: RunReport) -> String {
        var out = "<header class=\"report-header\">\n<p class=\"notebook-name\">\(Escaping.html(report.notebookName))</p>\n"
        if !report.overriddenParameters.isEmpty {
            out += "<p class=\"params\"><strong>Parameters:</strong> "
            out += report.overriddenParameters.map { "<code>\(Escaping.html($0.name)) = \(Escaping.html($0.value))</code>" }
                .joined(separator: ", ")
            out += "</p>\n"
        }
        if let signal = report.interruptingSignal {
            out += "<p class=\"interrupted-banner\">Partial report: the run was interrupted by "
                + "\(ReportNotes.signalName(signal)).</p>\n"
        }
        return out + "</header>\n"
    }

    /// One output item as HTML; an image becomes a `<figure>` captioned with `caption`.
    static func html(_ item: DisplayItem, caption: String? = nil, loadImage: (String) -> Data?) -> String {
        switch item {
        case let .text(s):
            return "<pre class=\"output\">\(Escaping.html(s))</pre>\n"
        case let .table(t):
            var out = "<table>\n"
            if let caption = t.caption { out += "<caption>\(Escaping.html(caption))</caption>\n" }
            // Columns of numbers are right-aligned (so digits line up), text left-aligned.
            let numeric = t.numericColumns
            func open(_ tag: String, _ i: Int) -> String { i < numeric.count && numeric[i] ? "<\(tag) class=\"num\">" : "<\(tag)>" }
            // Short rows (and a short header) are padded with empty cells, as in the other formats.
            let width = max(t.columns.count, t.rows.map(\.count).max() ?? 0)
            func cells(_ row: [String], _ tag: String) -> String {
                (0..<width).map { "\(open(tag, $0))\(Escaping.html($0 < row.count ? row[$0] : ""))</\(tag)>" }.joined()
            }
            out += "<thead><tr>" + cells(t.columns, "th") + "</tr></thead>\n<tbody>\n"
            for row in t.rows { out += "<tr>" + cells(row, "td") + "</tr>\n" }
            return out + "</tbody>\n</table>\n"
        case let .image(img):
            guard let data = loadImage(img.path) else {
                return "<p class=\"error\">Missing figure: \(Escaping.html(img.path))</p>\n"
            }
            let size = img.displaySize.map { " width=\"\($0.width)\" height=\"\($0.height)\"" } ?? ""
            var out = "<figure><img alt=\"\(Escaping.html(img.alt))\"\(size) src=\"data:image/png;base64,\(data.base64EncodedString())\">"
            if let caption { out += "<figcaption>\(Escaping.html(caption))</figcaption>" }
            return out + "</figure>\n"
        }
    }

    static func page(title: String, header: String, toc: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>\(Escaping.html(title))</title>
        <style>
        \(HTMLReportStyle.css)</style>
        </head>
        <body>
        \(header)\(toc)<main>
        \(body)</main>
        </body>
        </html>

        """
    }
}
