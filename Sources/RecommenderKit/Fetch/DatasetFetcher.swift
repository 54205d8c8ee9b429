import Crypto
import Foundation

/// Obtains datasets into a data root (`data/NAME/`), the library call behind
/// `swiftnb data fetch NAME` and `swiftnb data list`.
///
/// The official archive is tried first (with a short connection timeout); its MD5 is
/// verified before anything is extracted. Where that fails, the copy in a PyPI wheel is
/// used (`python3 -m pip download --no-deps recbole==1.2.1`, read as a zip). Everything is
/// written to a temporary folder beside the target and renamed into place at the end, so
/// an interrupted fetch leaves no half dataset (and the next fetch removes the temporary
/// folders of killed ones); zip entries that would escape the target are refused. The
/// size of every file is recorded in the folder, so a damaged copy, an empty folder or a
/// plain file in its place is never taken for an installed dataset
/// (`DatasetFetcher+Verify.swift`).
public enum DatasetFetcher {
    /// One row of `list(dataRoot:)`.
    public struct Entry: Sendable, CustomStringConvertible {
        /// The dataset name.
        public var name: String
        /// Its one-line description (empty for folders we do not know).
        public var summary: String
        /// Where it is, when present in the data root.
        public var path: URL?
        /// The format detected in its folder, when present.
        public var format: DatasetFormat?
        /// What is wrong with what is at its path (an empty folder, a plain file, a file
        /// missing or changed since the fetch), or nil.
        public var problem: String?
        /// True when a usable dataset is at its path.
        public var isInstalled: Bool { path != nil && problem == nil }

        public var description: String {
            let state = isInstalled ? "installed (\(format?.rawValue ?? "unknown format"))"
                : problem.map { "not usable: \($0)" } ?? "not fetched"
            return "\(name): \(state)" + (summary.isEmpty ? "" : " - \(summary)")
        }
    }

    /// Known datasets plus any other dataset folder found in the data root.
    public static func list(dataRoot: URL) -> [Entry] {
        var entries = DatasetSource.known.map { s -> Entry in
            let dir = dataRoot.appendingPathComponent(s.name)
            switch state(of: dir) {
            case .missing: return Entry(name: s.name, summary: s.summary)
            case .empty: return Entry(name: s.name, summary: s.summary, path: dir, problem: "\(dir.path) is an empty folder")
            case .unusable(let why): return Entry(name: s.name, summary: s.summary, path: dir, problem: why)
            case .installed: return Entry(name: s.name, summary: s.summary, path: dir, format: DatasetLoader.detect(dir))
            }
        }
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: dataRoot.path)) ?? [])
            .filter { !$0.hasPrefix(".") && !entries.map(\.name).contains($0) }.sorted()
        for name in others {
            let dir = dataRoot.appendingPathComponent(name)
            if let f = DatasetLoader.detect(dir) { entries.append(Entry(name: name, summary: "", path: dir, format: f)) }
        }
        return entries
    }

    /// Fetches `name` into `dataRoot/name` unless it is already there (its recorded file
    /// sizes are checked); returns its folder. An empty folder there is fetched into.
    /// - Parameters:
    ///   - officialTimeout: seconds to wait for the official host before falling back.
    ///   - progress: receives progress events (default: a bar on standard error).
    public static func fetch(_ name: String, into dataRoot: URL, officialTimeout: TimeInterval = 10,
                             progress: ((FetchEvent) -> Void)? = nil) throws -> URL {
        guard let source = DatasetSource.known.first(where: { $0.name == name }) else {
            throw DataError("DatasetFetcher.fetch: unknown dataset \"\(name)\"; expected one of \(DatasetSource.known.map(\.name).joined(separator: ", "))")
        }
        let report = progress ?? { StderrFetchProgress().report($0) }
        let target = dataRoot.appendingPathComponent(name)
        let fm = FileManager.default
        switch state(of: target) {
        case .installed: return target
        case .unusable(let why): throw DataError("DatasetFetcher.fetch(\"\(name)\"): \(why)")
        case .empty: try writing(dataRoot) { try fm.removeItem(at: target) }
        case .missing: break
        }
        try writing(dataRoot) { try fm.createDirectory(at: dataRoot, withIntermediateDirectories: true) }
        removeStalePartials(of: name, in: dataRoot)
        let staging = dataRoot.appendingPathComponent(".\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try writing(dataRoot) { try fm.createDirectory(at: staging, withIntermediateDirectories: true) }
        defer { try? fm.removeItem(at: staging) }
        let out = staging.appendingPathComponent(name)
        var problems = [String]()
        do {
            try fetchOfficial(source, into: out, staging: staging, timeout: officialTimeout, report: report)
        } catch {
            problems.append("official archive: \(error)")
            try? fm.removeItem(at: out)
            do {
                try fetchFromWheel(source, into: out, staging: staging, report: report)
            } catch {
                problems.append("PyPI wheel: \(error)")
                throw DataError("DatasetFetcher.fetch(\"\(name)\"): could not obtain the dataset; " + problems.joined(separator: "; "))
            }
        }
        try writeManifest(out)
        do {
            try fm.moveItem(at: out, to: target)
        } catch {
            if state(of: target) == .installed { return target }   // another fetch finished first
            throw DataError(file: target.path, "cannot move the fetched dataset into place (\(reason(error)))")
        }
        report(.done("\(name) is ready in \(target.path)"))
        return target
    }

    static func fetchOfficial(_ s: DatasetSource, into out: URL, staging: URL, timeout: TimeInterval,
                              report: @escaping (FetchEvent) -> Void) throws {
        guard let url = s.officialURL, let folder = s.archiveFolder else {
            throw DataError("no official archive is known")
        }
        report(.step("downloading \(url.absoluteString)"))
        let data = try Download.data(from: url, timeout: timeout, progress: report)
        if let expected = try s.md5 ?? publishedMD5(s, timeout: timeout, report: report) {
            let got = md5Hex(data)
            guard got == expected else {
                throw DataError(file: url.lastPathComponent, "MD5 mismatch: expected \(expected), got \(got)")
            }
        }
        let zip = staging.appendingPathComponent(url.lastPathComponent)
        try writing(staging) { try data.write(to: zip) }
        report(.step("extracting \(url.lastPathComponent)"))
        let n = try SafeExtraction.extract(archiveAt: zip, to: out) { path in
            path.hasPrefix(folder) && path.count > folder.count ? String(path.dropFirst(folder.count)) : nil
        }
        guard n > 0 else { throw DataError(file: url.lastPathComponent, "expected files under \(folder) in the archive") }
    }

    /// The MD5 in the archive's published sidecar file (`NAME.zip.md5`: `MD5 (NAME.zip) =
    /// HEX` or `HEX  NAME.zip`), for archives that GroupLens updates in place.
    static func publishedMD5(_ s: DatasetSource, timeout: TimeInterval, report: @escaping (FetchEvent) -> Void) throws -> String? {
        guard let url = s.md5URL else { return nil }
        let text = String(decoding: try Download.data(from: url, timeout: timeout, maxBytes: 4096, progress: { _ in }), as: UTF8.self)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "=" })
        guard let hex = words.first(where: { $0.count == 32 && $0.allSatisfy(\.isHexDigit) }) else {
            throw DataError(file: url.lastPathComponent, "expected an MD5 checksum, found \"\(text.prefix(80))\"")
        }
        return hex.lowercased()
    }

    static func fetchFromWheel(_ s: DatasetSource, into out: URL, staging: URL,
                               report: @escaping (FetchEvent) -> Void) throws {
        guard let req = s.wheelRequirement, let folder = s.wheelFolder else {
            throw DataError("no PyPI copy is known")
        }
        report(.step("falling back to the copy in the \(req) wheel (pip download)"))
        let wheelDir = staging.appendingPathComponent("wheel")
        try runPipDownload(req, into: wheelDir)
        let wheels = ((try? FileManager.default.contentsOfDirectory(atPath: wheelDir.path)) ?? []).filter { $0.hasSuffix(".whl") }
        guard let wheel = wheels.first else { throw DataError("pip download produced no wheel for \(req)") }
        report(.step("extracting \(folder) from \(wheel)"))
        let n = try SafeExtraction.extract(archiveAt: wheelDir.appendingPathComponent(wheel), to: out) { path in
            guard path.hasPrefix(folder) else { return nil }
            let rest = String(path.dropFirst(folder.count))
            return rest.isEmpty || rest.contains("/") ? nil : rest
        }
        guard n > 0 else { throw DataError(file: wheel, "expected files under \(folder) in the wheel") }
    }

    static func runPipDownload(_ requirement: String, into dir: URL) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-m", "pip", "download", "--no-deps", "--disable-pip-version-check",
                       "-q", requirement, "-d", dir.path]
        p.standardOutput = FileHandle.standardError
        do { try p.run() } catch { throw DataError("cannot run python3 -m pip (\(error.localizedDescription))") }
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw DataError("python3 -m pip download \(requirement) failed with status \(p.terminationStatus)")
        }
    }

    /// The lowercase hex MD5 of `data` (swift-crypto).
    public static func md5Hex(_ data: Data) -> String {
        Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
