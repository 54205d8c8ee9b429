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

    /// Loads `dataRoot/name`. A dataset `swiftnb data fetch` knows (`DatasetSource.known`)
    /// is fetched first when it is missing (unless `offline`) and its files are checked;
    /// any other name must be a folder of the data root holding a format the loaders read.
    /// The folder may hold the native files (u.data, ...) or RecBole's atomic copy.
    public static func load(_ name: String, dataRoot: URL? = nil, offline: Bool = false,
                            progress: ((FetchEvent) -> Void)? = nil) throws -> Dataset {
        let root = dataRoot ?? defaultDataRoot
        var dir = root.appendingPathComponent(name)
        let fetchable = DatasetSource.known.contains { $0.name == name }
        let op = "MovieLens.load(\"\(name)\")"
        switch DatasetFetcher.state(of: dir) {
        case .installed: break
        case .unusable(let why): throw DataError("\(op): \(why)")
        case .missing, .empty:
            guard fetchable else {
                throw DataError("\(op): \(dir.path) does not exist or is empty; `swiftnb data fetch` knows \(DatasetSource.known.map(\.name).joined(separator: ", ")), so put this dataset's files in that folder yourself")
            }
            guard !offline else {
                throw DataError("\(op): \(dir.path) does not exist or is empty and offline is set; run `swiftnb data fetch \(name)`")
            }
            dir = try DatasetFetcher.fetch(name, into: root, progress: progress)
        }
        var d = try DatasetLoader.load(dir)
        d.name = name
        return d
    }
}
