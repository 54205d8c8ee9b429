import Foundation
import ZIPFoundation

/// Extraction of chosen zip entries that refuses any entry escaping the target folder.
enum SafeExtraction {
    /// The destination of `entryPath` under `root` after `rename`, or an error when the
    /// path is absolute, holds `..`, a backslash or a NUL, or resolves outside `root`.
    static func destination(for entryPath: String, under root: URL) throws -> URL {
        guard !entryPath.isEmpty, !entryPath.hasPrefix("/"), !entryPath.contains("\\"), !entryPath.contains("\0") else {
            throw DataError(file: entryPath, "refusing a zip entry with an absolute or unsafe path")
        }
        let components = entryPath.split(separator: "/", omittingEmptySubsequences: true)
        guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." }) else {
            throw DataError(file: entryPath, "refusing a zip entry that would escape the target folder")
        }
        let dest = components.reduce(root) { $0.appendingPathComponent(String($1)) }.standardizedFileURL
        let rootPath = root.standardizedFileURL.path
        guard dest.path.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
            throw DataError(file: entryPath, "refusing a zip entry that would escape the target folder")
        }
        return dest
    }

    /// Extracts the regular-file entries for which `map` returns a relative path, to that
    /// path under `root`. Symbolic links and entries escaping `root` are refused before
    /// anything is written.
    /// Returns the number of files written.
    @discardableResult
    static func extract(archiveAt url: URL, to root: URL, map: (String) -> String?) throws -> Int {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw DataError(file: url.lastPathComponent, "cannot open the zip archive (\(error))")
        }
        // Check every selected entry before writing anything, so a bad archive writes nothing.
        var plan = [(Entry, URL)]()
        for entry in archive {
            guard let relative = map(entry.path) else { continue }
            guard entry.type != .symlink else {
                throw DataError(file: entry.path, "refusing a symbolic link in the archive")
            }
            if entry.type == .directory { continue }
            plan.append((entry, try destination(for: relative, under: root)))
        }
        var written = 0
        for (entry, dest) in plan {
            try FileManager.default.createDirectory(at: dest.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                _ = try archive.extract(entry, to: dest, skipCRC32: false)
            } catch {
                throw DataError(file: entry.path, "cannot extract the entry (\(error))")
            }
            written += 1
        }
        return written
    }
}
