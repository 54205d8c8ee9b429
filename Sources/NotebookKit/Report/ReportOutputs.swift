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
