import Foundation

/// The file formats `DatasetLoader.load(_:)` recognises.
public enum DatasetFormat: String, Sendable, CaseIterable {
    case movieLens100K = "ml-100k native (u.data)"
    case movieLens1M = "ml-1m (ratings.dat)"
    case movieLensCSV = "ml-20m / ml-latest (ratings.csv)"
    case recBoleAtomic = "RecBole atomic (NAME.inter)"
    case netflixPrize = "Netflix Prize (combined_data_*.txt)"
    case kaggleNetflix = "Kaggle Netflix CSV (User_ID,Rating,Movie_ID)"
}

/// Loads a dataset from a folder (or a single file), detecting the format from the files present.
public enum DatasetLoader {
    /// The format of the dataset at `url`, or nil when none is recognised.
    public static func detect(_ url: URL) -> DatasetFormat? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return nil }
        if !isDir.boolValue {
            if url.pathExtension == "inter" { return .recBoleAtomic }
            if let head = try? firstBytes(url), head.hasPrefix(KaggleNetflix.header) { return .kaggleNetflix }
            return nil
        }
        let has = { (n: String) in exists(url.appendingPathComponent(n)) }
        if has("u.data") { return .movieLens100K }
        if has("ratings.dat") { return .movieLens1M }
        if has("ratings.csv") { return .movieLensCSV }
        if has("\(url.lastPathComponent).inter") || interFile(in: url) != nil { return .recBoleAtomic }
        if !NetflixPrize.ratingFiles(in: url).isEmpty { return .netflixPrize }
        if kaggleFile(in: url) != nil { return .kaggleNetflix }
        return nil
    }

    /// Loads the dataset at `url` (a folder, a `.inter` file or a Kaggle Netflix CSV).
    public static func load(_ url: URL) throws -> Dataset {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw DataError(file: url.path, "the path does not exist")
        }
        guard let format = detect(url) else {
            throw DataError(file: url.lastPathComponent, "expected a dataset folder holding u.data, ratings.dat, ratings.csv, NAME.inter, combined_data_*.txt or a User_ID,Rating,Movie_ID CSV")
        }
        switch format {
        case .movieLens100K: return try MovieLens100K.load(directory: url)
        case .movieLens1M: return try MovieLens1M.load(directory: url)
        case .movieLensCSV: return try MovieLensCSV.load(directory: url)
        case .netflixPrize: return try NetflixPrize.load(directory: url)
        case .recBoleAtomic:
            if url.pathExtension == "inter" {
                return try RecBoleAtomic.load(directory: url.deletingLastPathComponent(),
                                              name: url.deletingPathExtension().lastPathComponent)
            }
            let name = exists(url.appendingPathComponent("\(url.lastPathComponent).inter"))
                ? url.lastPathComponent : interFile(in: url)
            return try RecBoleAtomic.load(directory: url, name: name)
        case .kaggleNetflix:
            return try KaggleNetflix.load(file: kaggleFile(in: url) ?? url)
        }
    }

    /// Loads `path` (a string path) — see `load(_:)`.
    public static func load(path: String) throws -> Dataset { try load(URL(fileURLWithPath: path)) }

    private static func interFile(in dir: URL) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".inter") && !$0.contains(".train.") && !$0.contains(".valid.") && !$0.contains(".test.") }
            .sorted().first.map { String($0.dropLast(6)) }
    }

    private static func kaggleFile(in dir: URL) -> URL? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        for n in names.sorted() where n.hasSuffix(".csv") {
            let u = dir.appendingPathComponent(n)
            if let h = try? firstBytes(u), h.hasPrefix(KaggleNetflix.header) { return u }
        }
        return nil
    }

    private static func firstBytes(_ url: URL) throws -> String {
        let h = try FileHandle(forReadingFrom: url)
        defer { try? h.close() }
        let head = String(decoding: h.readData(ofLength: 64), as: UTF8.self)
        return head.hasPrefix("\u{FEFF}") ? String(head.dropFirst()) : head   // a byte-order mark
    }
}
