import FileKit
import Foundation

/// Writes a run's report files (one per format) and run.json into a folder, as a set.
///
/// Every report is rendered and written to a temporary file first; only then are they
/// renamed into place, one after the other, and run.json, which records each report's
/// SHA-256, is written last. A run killed while writing leaves at worst a few reports
/// renamed and run.json still the old one: a reader finds a consistent set by checking the
/// reports' hashes against run.json (`RunRecord.reports`).
public enum ReportWriter {
    /// Writes the reports and run.json; returns the paths written, report files first.
    /// `timings` puts each cell's duration in the HTML report too (`swiftnb run --timings`).
    ///
    /// - Throws: `FileWriteError` naming the file that could not be written; reports that
    ///   were staged but not yet renamed are removed, the old files stay.
    public static func write(_ report: RunReport, formats: [ReportFormat], to directory: String,
                             startedAt: Date, duration: Double, exitStatus: Int32, timings: Bool = false) throws -> [String] {
        var staged: [StagedFile] = []
        var hashes: [RunRecord.HashedFile] = []
        do {
            for format in formats {
                let path = (directory as NSString).appendingPathComponent("\(report.stem).\(format.rawValue)")
                let bytes: Data
                switch format {
                case .markdown: bytes = Data(MarkdownReport.render(report, reportDirectory: directory).utf8)
                case .html: bytes = Data(HTMLReport.render(report, timings: timings).utf8)
                case .ipynb: bytes = try IpynbReport.render(report)
                }
                staged.append(try AtomicFile.stage(bytes, for: path))
                hashes.append(RunRecord.HashedFile(path: path, sha256: Hashing.sha256(bytes)))
            }
        } catch {
            staged.forEach { $0.discard() }
            throw error
        }
        for (i, file) in staged.enumerated() {
            do { try file.commit() } catch {
                staged[(i + 1)...].forEach { $0.discard() }
                throw error
            }
        }
        var record = RunRecord(report: report, startedAt: startedAt, duration: duration, exitStatus: exitStatus)
        record.reports = hashes
        let jsonPath = (directory as NSString).appendingPathComponent("run.json")
        try AtomicFile.write(record.json(), to: jsonPath)
        return staged.map(\.path) + [jsonPath]
    }

    /// Makes sure the folder `path` exists (creating it) and can be written, before any
    /// cell runs.
    ///
    /// - Throws: `FileWriteError` naming the folder and the reason.
    public static func checkOutputFolder(_ path: String) throws {
        try AtomicFile.checkWritableFolder(path)
    }
}
