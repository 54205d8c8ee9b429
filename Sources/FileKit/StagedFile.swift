import Foundation

/// A file written to a temporary name beside its destination by `AtomicFile.stage`,
/// waiting to be renamed into place.
public struct StagedFile: Sendable {
    /// Where the file goes.
    public let path: String
    /// The temporary file holding the bytes.
    public let temporaryPath: String

    /// Renames the temporary file over `path` (atomically replacing any old file).
    ///
    /// - Throws: `FileWriteError` with the system's reason; the temporary file is removed.
    public func commit() throws {
        guard rename(temporaryPath, path) == 0 else {
            let reason = AtomicFile.errnoText()
            unlink(temporaryPath)
            throw FileWriteError(path: path, reason: reason)
        }
    }

    /// Removes the temporary file, leaving `path` as it was.
    public func discard() {
        unlink(temporaryPath)
    }
}

/// A file or folder could not be written.
public struct FileWriteError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file or folder.
    public var path: String
    /// The system's reason, or what was in the way.
    public var reason: String

    /// An error naming `path` and `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write '\(path)': \(reason)" }
}
