import Foundation

/// One-line access to MovieLens for notebooks: `try MovieLens.load("ml-100k")`.
public enum MovieLens {
    /// The default data root: `$SWIFTNB_DATA` when set, else `data/` in the current folder.
    public static var defaultDataRoot: URL {
        if let env = ProcessInfo.processInfo.environment["SWIFTNB_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            .appendingPathComponent("data", isDirectory: true)
    }

    /// Loads `dataRoot/name`, fetching it first when it is missing (unless `offline`).
    /// The folder may hold the native files (u.data, ...) or RecBole's atomic copy.
    public static func load(_ name: String, dataRoot: URL? = nil, offline: Bool = false,
                            progress: ((FetchEvent) -> Void)? = nil) throws -> Dataset {
        let root = dataRoot ?? defaultDataRoot
        var dir = root.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: dir.path) {
            guard !offline else {
                throw DataError("MovieLens.load(\"\(name)\"): \(dir.path) does not exist and offline is set; run `swiftnb data fetch \(name)`")
            }
            dir = try DatasetFetcher.fetch(name, into: root, progress: progress)
        }
        var d = try DatasetLoader.load(dir)
        d.name = name
        return d
    }
}
