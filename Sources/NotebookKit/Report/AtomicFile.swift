import Foundation

/// Writes files atomically: the bytes go to a temporary file in the same folder, which is
/// then renamed over the destination, so a reader never sees a half-written report.
public enum AtomicFile {
    /// Writes `data` to `path`, creating missing parent folders.
    ///
    /// - Throws: `ReportError.write` naming the path when a folder or file cannot be written.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError.write(path: folder.path, reason: "cannot create folder")
        }
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temp.path, contents: data) else {
            throw ReportError.write(path: path, reason: "cannot write temporary file \(temp.path)")
        }
        guard rename(temp.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw ReportError.write(path: path, reason: reason)
        }
    }

    /// Writes `text` as UTF-8 to `path`.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }
}

/// Errors writing reports.
public enum ReportError: Error, CustomStringConvertible, Equatable {
    /// A file or folder could not be written.
    case write(path: String, reason: String)
    /// An unknown report format was asked for.
    case unknownFormat(String)

    public var description: String {
        switch self {
        case let .write(path, reason): return "cannot write '\(path)': \(reason)"
        case let .unknownFormat(f): return "unknown report format '\(f)' (expected md, html)"
        }
    }
}
