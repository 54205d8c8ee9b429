import Foundation

/// The machine-readable record of a run (`run.json` beside the report): per cell its status,
/// duration, text outputs and figure paths with their SHA-256 hashes, and the SHA-256 of each
/// report file written with it (run.json is written last, so a report whose hash differs
/// is not from this run). Unlike the report body it holds times.
public struct RunRecord: Codable, Sendable {
    /// A file written by the run and its hash.
    public struct HashedFile: Codable, Sendable, Equatable {
        /// The file's path.
        public var path: String
        /// SHA-256 of the file's bytes, hex (empty when unreadable).
        public var sha256: String

        /// A path and its hash.
        public init(path: String, sha256: String) {
            self.path = path
            self.sha256 = sha256
        }
    }

    /// A figure written by a cell.
    public typealias Figure = HashedFile

    /// One cell's record.
    public struct CellRecord: Codable, Sendable {
        public var index: Int
        public var title: String?
        public var kind: String
        public var status: String
        public var durationSeconds: Double
        public var outputs: [String]
        public var figures: [Figure]
        public var error: String?
    }

    public var notebook: String
    public var startedAt: String
    public var durationSeconds: Double
    public var exitStatus: Int32
    public var parameters: [String: String]
    public var cells: [CellRecord]
    /// The report files written with this record, with their hashes.
    public var reports: [HashedFile] = []

    /// Builds the record of `report`.
    public init(report: RunReport, startedAt: Date, duration: Double, exitStatus: Int32) {
        notebook = report.notebookName
        let formatter = ISO8601DateFormatter()
        self.startedAt = formatter.string(from: startedAt)
        durationSeconds = duration
        self.exitStatus = exitStatus
        parameters = Dictionary(report.overriddenParameters.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        cells = report.cells.map { outcome in
            var texts: [String] = []
            var figures: [Figure] = []
            for item in outcome.outputs {
                switch item {
                case let .text(s): texts.append(s)
                case let .table(t): texts.append(t.plainText)
                case let .image(img):
                    figures.append(Figure(path: img.path, sha256: Hashing.sha256(ofFile: img.path)))
                }
            }
            return CellRecord(index: outcome.index, title: outcome.cell.title, kind: outcome.cell.kind.rawValue,
                              status: outcome.status.rawValue, durationSeconds: outcome.duration,
                              outputs: texts, figures: figures, error: outcome.error)
        }
    }

    /// The record as pretty-printed JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
