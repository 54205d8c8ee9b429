import Foundation

/// The package's one way to write a file: the bytes go to a temporary file in the
/// destination's folder, which is then renamed over the destination (`rename(2)` replaces
/// atomically), so a reader, or a run killed half-way, sees the old file or the whole new
/// one, never a mix. Used by every library that writes files (figures, reports, run.json,
/// safetensors, RecBole split files, synthetic CSVs).
///
/// The writer protects against an interrupted or killed process, not against power loss:
/// it does not `fsync`, which would cost more than the figures themselves take to draw.
public enum AtomicFile {
    /// Replaces `path` with `bytes`, creating missing parent folders.
    ///
    /// - Throws: `FileWriteError` naming the path and the system's reason.
    public static func write<Bytes: ContiguousBytes>(_ bytes: Bytes, to path: String) throws {
        try stage(bytes, for: path).commit()
    }

    /// Replaces `path` with `text` as UTF-8.
    ///
    /// - Throws: `FileWriteError` naming the path and the system's reason.
    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    /// Writes `bytes` to a temporary file beside `path` without touching `path` yet; the
    /// returned `StagedFile` renames it into place on `commit()`. Staging several files
    /// first and committing them together keeps the window in which a set of files is
    /// mixed (some new, some old) to a few renames.
    ///
    /// - Throws: `FileWriteError` when the folder or the temporary file cannot be written.
    public static func stage<Bytes: ContiguousBytes>(_ bytes: Bytes, for path: String) throws -> StagedFile {
        guard !path.isEmpty else { throw FileWriteError(path: path, reason: "the path is empty") }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try createFolder(folder) }
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileWriteError(path: path, reason: "cannot create a temporary file (\(errnoText()))") }
        let temporary = String(cString: template)
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText(); break
                }
                offset += n
            }
        }
        // mkstemp makes the file private (0600); a written file gets the usual 0644 less umask.
        let mask = umask(0)
        umask(mask)
        _ = fchmod(fd, 0o644 & ~mask)
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if let failure {
            unlink(temporary)
            throw FileWriteError(path: path, reason: failure)
        }
        return StagedFile(path: path, temporaryPath: temporary)
    }

    /// Creates the folder `path` and any missing parents.
    ///
    /// - Throws: `FileWriteError` naming the folder: a file is in the way, or the system's
    ///   reason it cannot be created.
    public static func createFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw FileWriteError(path: path, reason: "a file of that name is in the way (expected a folder)")
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: path, reason: "cannot create folder (\(reason(error)))")
        }
    }

    /// Makes sure files can be written in the folder `path` (creating it if needed), before
    /// any work whose results would go there is done.
    ///
    /// - Throws: `FileWriteError` naming the folder and the system's reason.
    public static func checkWritableFolder(_ path: String) throws {
        try createFolder(path)
        let probe = (path as NSString).appendingPathComponent(".swiftnb-write-test-\(getpid())")
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw FileWriteError(path: path, reason: "the folder is not writable (\(errnoText()))")
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

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// `write(2)` under a name that the `AtomicFile.write` methods do not shadow.
private func posixWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
