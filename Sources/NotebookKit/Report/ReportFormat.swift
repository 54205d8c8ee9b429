import Foundation

/// The report formats `swiftnb run --format` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case html
    /// A Jupyter notebook with the outputs (nbformat 4).
    case ipynb

    /// Parses a comma-separated list such as `md,html` or `md,html,ipynb`.
    ///
    /// - Throws: `ReportError.unknownFormat` for a name that is not a format, or for an
    ///   empty list (a run would write no report).
    public static func parseList(_ text: String) throws -> [ReportFormat] {
        let formats = try text.split(separator: ",").map { name in
            let n = name.trimmingCharacters(in: .whitespaces).lowercased()
            if n == "markdown" { return ReportFormat.markdown }
            guard let f = ReportFormat(rawValue: n) else { throw ReportError.unknownFormat(n) }
            return f
        }
        if formats.isEmpty { throw ReportError.unknownFormat(text) }
        return formats
    }
}

/// Writes a run's report files (one per format) and run.json into a folder, atomically.
public enum ReportWriter {
    /// Writes the reports and run.json; returns the paths written, report files first.
    public static func write(_ report: RunReport, formats: [ReportFormat], to directory: String,
                             startedAt: Date, duration: Double, exitStatus: Int32) throws -> [String] {
        var written: [String] = []
        for format in formats {
            let path = (directory as NSString).appendingPathComponent("\(report.stem).\(format.rawValue)")
            switch format {
            case .markdown: try AtomicFile.write(MarkdownReport.render(report, reportDirectory: directory), to: path)
            case .html: try AtomicFile.write(HTMLReport.render(report), to: path)
            case .ipynb: try AtomicFile.write(IpynbReport.render(report), to: path)
            }
            written.append(path)
        }
        let record = RunRecord(report: report, startedAt: startedAt, duration: duration, exitStatus: exitStatus)
        let jsonPath = (directory as NSString).appendingPathComponent("run.json")
        try AtomicFile.write(record.json(), to: jsonPath)
        written.append(jsonPath)
        return written
    }
}
