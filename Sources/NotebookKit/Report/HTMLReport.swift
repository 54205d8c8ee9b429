import Foundation
import Ink

/// Renders a run as one self-contained HTML page: prose rendered from Markdown, code and
/// outputs under each cell, tables as `<table>`, figures inline as base64 PNG.
///
/// Everything a notebook printed is HTML-escaped; only the notebook's own prose is rendered
/// as Markdown (as a Markdown viewer would). The body holds no timestamps or durations.
public enum HTMLReport {
    /// The HTML text of `report`. `loadImage` reads a figure's bytes (nil when it cannot).
    public static func render(_ report: RunReport,
                              loadImage: (String) -> Data? = { try? Data(contentsOf: URL(fileURLWithPath: $0)) }) -> String {
        let parser = MarkdownParser()
        var body = ""
        if !report.overriddenParameters.isEmpty {
            body += "<p class=\"params\"><strong>Parameters:</strong> "
            body += report.overriddenParameters.map { "<code>\(Escaping.html($0.name)) = \(Escaping.html($0.value))</code>" }
                .joined(separator: ", ")
            body += "</p>\n"
        }
        for outcome in report.cells {
            let cell = outcome.cell
            if cell.kind == .markdown {
                body += "<section class=\"prose\">\n\(parser.html(from: MarkdownSoftBreaks.joined(cell.source)))\n</section>\n"
                continue
            }
            if cell.isBlank { continue }
            body += "<section class=\"cell \(outcome.status.rawValue)\">\n"
            if let title = cell.title { body += "<h4 class=\"cell-title\">\(Escaping.html(title))</h4>\n" }
            body += "<pre class=\"code\"><code>\(Escaping.html(cell.source))</code></pre>\n"
            switch outcome.status {
            case .skipped: body += "<p class=\"note\">Skipped (tag <code>skip-execution</code>).</p>\n"
            case .notRun: body += "<p class=\"note\">Not run: an earlier cell failed.</p>\n"
            default: break
            }
            for item in ReportOutputs.merged(outcome.outputs) {
                body += html(item, loadImage: loadImage)
            }
            if let error = outcome.error {
                let label = outcome.status == .expectedError ? "Expected error" : "Error"
                body += "<div class=\"error\"><strong>\(label):</strong><pre>\(Escaping.html(error))</pre></div>\n"
            }
            body += "</section>\n"
        }
        return page(title: report.stem, body: body)
    }

    static func html(_ item: DisplayItem, loadImage: (String) -> Data?) -> String {
        switch item {
        case let .text(s):
            return "<pre class=\"output\">\(Escaping.html(s))</pre>\n"
        case let .table(t):
            var out = "<table>\n"
            if let caption = t.caption { out += "<caption>\(Escaping.html(caption))</caption>\n" }
            // Columns of numbers are right-aligned (so digits line up), text left-aligned.
            let numeric = t.numericColumns
            func open(_ tag: String, _ i: Int) -> String { i < numeric.count && numeric[i] ? "<\(tag) class=\"num\">" : "<\(tag)>" }
            out += "<thead><tr>" + t.columns.enumerated().map { "\(open("th", $0))\(Escaping.html($1))</th>" }.joined()
                + "</tr></thead>\n<tbody>\n"
            for row in t.rows {
                out += "<tr>" + row.enumerated().map { "\(open("td", $0))\(Escaping.html($1))</td>" }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table>\n"
        case let .image(img):
            guard let data = loadImage(img.path) else {
                return "<p class=\"error\">Missing figure: \(Escaping.html(img.path))</p>\n"
            }
            return "<figure><img alt=\"\(Escaping.html(img.alt))\" src=\"data:image/png;base64,\(data.base64EncodedString())\"></figure>\n"
        }
    }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Escaping.html(title))</title>
        <style>
        body { font-family: -apple-system, "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1d1d1f; }
        pre { padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 6px; font-size: 0.9rem; }
        pre.code { background: #f5f5f7; border-left: 3px solid #6e6e73; }
        pre.output { background: #fff; border: 1px solid #e0e0e0; }
        .error pre { background: #fff0f0; border: 1px solid #e0a0a0; color: #8b0000; white-space: pre-wrap; }
        .cell { margin: 1.2rem 0; }
        .cell-title { margin: 0 0 0.3rem; color: #6e6e73; }
        .note { color: #6e6e73; font-style: italic; }
        table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.9rem; }
        th, td { border: 1px solid #d0d0d0; padding: 0.25rem 0.6rem; text-align: left; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #f5f5f7; }
        caption { font-style: italic; padding-bottom: 0.3rem; }
        figure { margin: 0.6rem 0; }
        img { max-width: 100%; }
        code { font-family: "DejaVu Sans Mono", Menlo, monospace; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }
}
