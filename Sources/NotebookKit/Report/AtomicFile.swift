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
        try createFolder(folder.path)
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

    /// Creates `path` and any missing parents.
    ///
    /// - Throws: `ReportError.write` naming the folder and the system's reason.
    public static func createFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ReportError.write(path: path, reason: "a file of that name is in the way (expected a folder)")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ReportError.write(path: path, reason: "cannot create folder (\(reason(error)))")
        }
    }

    /// Makes sure files can be written in the folder `path` (creating it if needed), before
    /// any work whose results would go there is done.
    ///
    /// - Throws: `ReportError.write` naming the folder and the system's reason.
    public static func checkWritableFolder(_ path: String) throws {
        try createFolder(path)
        let probe = (path as NSString).appendingPathComponent(".swiftnb-write-test-\(getpid())")
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw ReportError.write(path: path, reason: "the folder is not writable (\(String(cString: strerror(errno))))")
        }
        close(fd)
        unlink(probe)
    }

    /// The system's words for a Foundation file error ("Not a directory"), not its dump.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error {
            let u = underlying as NSError
            if u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(u.code))) }
        }
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return ns.localizedDescription
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
        case let .unknownFormat(f): return "unknown report format '\(f)' (expected md, html or ipynb, comma-separated: md,html)"
        }
    }
}
