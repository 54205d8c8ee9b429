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

/// Errors choosing reports.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// An unknown report format was asked for.
    case unknownFormat(String)

    public var description: String {
        switch self {
        case let .unknownFormat(f): return "unknown report format '\(f)' (expected md, html or ipynb, comma-separated: md,html)"
        }
    }
}
