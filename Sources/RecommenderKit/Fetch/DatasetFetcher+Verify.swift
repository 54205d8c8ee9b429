import Foundation

/// Whether a dataset folder holds what a fetch put there: every fetch records the size of
/// each file it wrote in a manifest inside the folder, and a later fetch, `list` or
/// `MovieLens.load` checks them, so an empty folder, a plain file or a damaged copy is
/// never taken for an installed dataset.
extension DatasetFetcher {
    /// The manifest written into every fetched folder: one `SIZE<TAB>PATH` line per file.
    static let manifestName = ".swiftnb-fetched"

    /// What is at a dataset's path.
    enum FolderState: Equatable {
        /// Nothing: fetch it.
        case missing
        /// An empty folder: fetch into it.
        case empty
        /// A usable dataset (its manifest matches, or, without one, a known format).
        case installed
        /// Something that is not a usable dataset, and what to do about it.
        case unusable(String)
    }

    /// The state of `dir`, checking the manifest's sizes when there is one.
    static func state(of dir: URL) -> FolderState {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir.path, isDirectory: &isDir) else { return .missing }
        let fix = "remove it, then fetch again"
        guard isDir.boolValue else { return .unusable("\(dir.path) is a file, not a dataset folder; \(fix)") }
        let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
        if names.isEmpty { return .empty }
        let manifest = dir.appendingPathComponent(manifestName)
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else {
            return DatasetLoader.detect(dir) == nil
                ? .unusable("\(dir.path) holds no dataset files (expected u.data, ratings.dat, ratings.csv or NAME.inter); \(fix)")
                : .installed
        }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let size = Int(parts[0]) else { continue }
            let path = dir.appendingPathComponent(String(parts[1])).path
            guard let attributes = try? fm.attributesOfItem(atPath: path) else {
                return .unusable("\(parts[1]) is missing from \(dir.path) (it had \(size) bytes when fetched); \(fix)")
            }
            let actual = (attributes[.size] as? NSNumber)?.intValue ?? -1
            guard actual == size else {
                return .unusable("\(parts[1]) in \(dir.path) has \(actual) bytes, \(size) when fetched; \(fix)")
            }
        }
        return .installed
    }

    /// Writes the manifest of every regular file under `dir`.
    static func writeManifest(_ dir: URL) throws {
        let fm = FileManager.default
        var lines: [String] = []
        let files = fm.enumerator(atPath: dir.path)
        while let path = files?.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = dir.appendingPathComponent(path).path
            guard fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue,
                  let size = (try? fm.attributesOfItem(atPath: full))?[.size] as? NSNumber else { continue }
            lines.append("\(size.intValue)\t\(path)")
        }
        try writing(dir) { try (lines.sorted().joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(manifestName), atomically: true, encoding: .utf8) }
    }

    /// Removes `.NAME.partial-PID-*` folders in `root` whose fetching process is gone (a
    /// fetch killed midway leaves its staging folder behind).
    static func removeStalePartials(of name: String, in root: URL) {
        let prefix = ".\(name).partial-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] where entry.hasPrefix(prefix) {
            let pid = Int32(entry.dropFirst(prefix.count).split(separator: "-").first ?? "") ?? 0
            if pid <= 0 || (kill(pid, 0) != 0 && errno == ESRCH) {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(entry))
            }
        }
    }

    /// Runs a file-system write, turning Foundation's error into one that names the folder,
    /// says why in words (permission denied, read-only file system) and what to do.
    static func writing<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw DataError(file: folder.path, "cannot write here (\(reason(error))); choose a writable data folder (swiftnb data fetch --data-dir DIR, or SWIFTNB_DATA)")
        }
    }

    /// The POSIX reason behind a Foundation file error, in words.
    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch ns.code {
        case CocoaError.fileWriteNoPermission.rawValue: return "permission denied"
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return "read-only file system"
        case CocoaError.fileWriteOutOfSpace.rawValue: return "no space left on device"
        case CocoaError.fileNoSuchFile.rawValue, CocoaError.fileWriteInvalidFileName.rawValue: return "no such folder"
        default: return ns.localizedDescription
        }
    }
}
