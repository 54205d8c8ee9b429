import Foundation

/// Helpers shared by the report writers.
enum ReportOutputs {
    /// Joins consecutive text items into one, so that many `print` lines show as one block.
    static func merged(_ items: [DisplayItem]) -> [DisplayItem] {
        var out: [DisplayItem] = []
        for item in items {
            if case let .text(s) = item, case let .text(previous)? = out.last {
                out[out.count - 1] = .text(previous + s)
            } else {
                out.append(item)
            }
        }
        return out.filter { if case let .text(s) = $0 { return !s.isEmpty } else { return true } }
    }
}

/// Path arithmetic for reports.
enum ReportPaths {
    /// `path` relative to `directory` (both resolved against the working directory).
    static func relative(_ path: String, to directory: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL.pathComponents
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let rest = Array(target[common...])
        return (ups + rest).joined(separator: "/")
    }
}

/// The sentence a report shows under a cell that did not run to its end normally.
enum ReportNotes {
    /// The note for `outcome`, Markdown-style (a tag name in backticks), or nil.
    static func note(for outcome: CellOutcome, in report: RunReport) -> String? {
        switch outcome.status {
        case .skipped: return "Skipped (tag `skip-execution`)."
        case .notRun:
            return report.interruptingSignal == nil ? "Not run: an earlier cell failed." : "Not run: the run was interrupted."
        case .interrupted: return "Interrupted by \(signalName(report.interruptingSignal)) while this cell ran; the run stopped here."
        default: return nil
        }
    }

    /// `SIGINT`, `SIGTERM` or `signal N`.
    static func signalName(_ signal: Int32?) -> String {
        switch signal {
        case 2?: return "SIGINT"
        case 15?: return "SIGTERM"
        case let n?: return "signal \(n)"
        case nil: return "a signal"
        }
    }

    /// `note` as HTML: escaped, backticked names as `<code>`.
    static func html(_ note: String) -> String {
        let parts = Escaping.html(note).split(separator: "`", omittingEmptySubsequences: false)
        return parts.enumerated().map { $0.offset % 2 == 1 ? "<code>\($0.element)</code>" : String($0.element) }.joined()
    }
}
