import XCTest
import ZIPFoundation
@testable import RecommenderKit

final class FetchTests: XCTestCase {
    func testDestinationRefusesEscapingPaths() throws {
        let root = URL(fileURLWithPath: "/tmp/target")
        XCTAssertEqual(try SafeExtraction.destination(for: "a/b.txt", under: root).path, "/tmp/target/a/b.txt")
        for bad in ["../evil", "a/../../evil", "/etc/passwd", "a\\..\\b", "", "./x", "a/./b"] {
            XCTAssertThrowsError(try SafeExtraction.destination(for: bad, under: root), "accepted \(bad)")
        }
    }

    func testExtractionRefusesAnArchiveWithAnEscapingEntry() throws {
        let dir = try Fixtures.folder([:])
        let zipURL = dir.appendingPathComponent("evil.zip")
        let archive = try Archive(url: zipURL, accessMode: .create)
        let good = Data("ok\n".utf8), evil = Data("pwned\n".utf8)
        try archive.addEntry(with: "ml-100k/u.data", type: .file, uncompressedSize: Int64(good.count)) { pos, size in
            good.subdata(in: Int(pos)..<Int(pos) + size)
        }
        try archive.addEntry(with: "ml-100k/../../escaped.txt", type: .file, uncompressedSize: Int64(evil.count)) { pos, size in
            evil.subdata(in: Int(pos)..<Int(pos) + size)
        }
        let out = dir.appendingPathComponent("out/inner")
        XCTAssertThrowsError(try SafeExtraction.extract(archiveAt: zipURL, to: out) { $0.hasPrefix("ml-100k/") ? String($0.dropFirst(8)) : nil })
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("escaped.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/escaped.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("u.data").path))   // nothing written
        // Only the safe entry, selected by the map, extracts.
        XCTAssertEqual(try SafeExtraction.extract(archiveAt: zipURL, to: out) { $0 == "ml-100k/u.data" ? "u.data" : nil }, 1)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("u.data")), good)
    }

    func testMD5() {
        XCTAssertEqual(DatasetFetcher.md5Hex(Data("abc".utf8)), "900150983cd24fb0d6963f7d28e17f72")
    }

    func testUnknownDatasetAndOfflineLoad() throws {
        let root = try Fixtures.folder([:])
        XCTAssertThrowsError(try DatasetFetcher.fetch("nope", into: root, progress: { _ in }))
        XCTAssertThrowsError(try MovieLens.load("ml-100k", dataRoot: root, offline: true)) { e in
            XCTAssertTrue("\(e)".contains("offline"))
        }
        // Nothing half-made is left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [])
    }

    func testListAndLoadOfAPresentFolder() throws {
        let root = try Fixtures.folder(["ml-100k/u.data": Fixtures.data(Fixtures.uData),
                                        "mine/ratings.csv": Fixtures.data(Fixtures.ml20mRatings)])
        let entries = DatasetFetcher.list(dataRoot: root)
        XCTAssertEqual(entries.first { $0.name == "ml-100k" }?.format, .movieLens100K)
        XCTAssertEqual(entries.first { $0.name == "mine" }?.format, .movieLensCSV)
        XCTAssertEqual(try MovieLens.load("ml-100k", dataRoot: root, offline: true).ratings.count, 4)
        XCTAssertEqual(try DatasetFetcher.fetch("ml-100k", into: root, progress: { _ in }).lastPathComponent, "ml-100k")
    }

    /// An empty folder, a plain file, or a fetched folder missing a file is not installed.
    func testFetchVerifiesWhatIsAlreadyThere() throws {
        let root = try Fixtures.folder(["ml-1m": Data("not a folder".utf8)])
        XCTAssertThrowsError(try DatasetFetcher.fetch("ml-1m", into: root, progress: { _ in })) { e in
            XCTAssertTrue("\(e)".contains("is a file, not a dataset folder; remove it, then fetch again"), "\(e)")
        }
        XCTAssertFalse(try XCTUnwrap(DatasetFetcher.list(dataRoot: root).first { $0.name == "ml-1m" }).isInstalled)
        XCTAssertThrowsError(try MovieLens.load("ml-1m", dataRoot: root)) { e in XCTAssertTrue("\(e)".contains("is a file"), "\(e)") }

        try FileManager.default.createDirectory(at: root.appendingPathComponent("ml-100k"), withIntermediateDirectories: true)
        let empty = try XCTUnwrap(DatasetFetcher.list(dataRoot: root).first { $0.name == "ml-100k" })
        XCTAssertFalse(empty.isInstalled)
        XCTAssertTrue(empty.description.contains("not usable:") && empty.description.contains("is an empty folder"), empty.description)

        // A folder as a fetch leaves it: files and their recorded sizes.
        let dir = root.appendingPathComponent("ml-100k")
        try Fixtures.data(Fixtures.uData).write(to: dir.appendingPathComponent("u.data"))
        try DatasetFetcher.writeManifest(dir)
        XCTAssertEqual(DatasetFetcher.state(of: dir), .installed)
        XCTAssertEqual(try DatasetFetcher.fetch("ml-100k", into: root, progress: { _ in }), dir)
        try Data("196\t242\t3\t881250949\n".utf8).write(to: dir.appendingPathComponent("u.data"))
        XCTAssertEqual(DatasetFetcher.state(of: dir), .unusable("u.data in \(dir.path) has 20 bytes, \(Fixtures.uData.utf8.count) when fetched; remove it, then fetch again"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("u.data"))
        XCTAssertThrowsError(try MovieLens.load("ml-100k", dataRoot: root, offline: true)) { e in
            XCTAssertTrue("\(e)".contains("u.data is missing from"), "\(e)")
        }
    }

    /// A fetch killed midway leaves `.NAME.partial-PID-*`; the next fetch removes it.
    func testStalePartialFoldersAreRemoved() throws {
        let root = try Fixtures.folder([".ml-100k.partial-999999999-1/ml-100k/u.data": Data("x".utf8),
                                        ".ml-100k.partial-\(getpid())-2/keep": Data("x".utf8)])
        DatasetFetcher.removeStalePartials(of: "ml-100k", in: root)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), [".ml-100k.partial-\(getpid())-2"])
    }

    /// A folder that cannot be written gives a message in words, not Foundation's dump.
    func testUnwritableDataRootSaysSoPlainly() throws {
        let root = try Fixtures.folder(["file": Data("x".utf8)])
        for bad in [root.appendingPathComponent("file/data"), URL(fileURLWithPath: "/proc/swiftnb-data")] {
            XCTAssertThrowsError(try DatasetFetcher.fetch("ml-100k", into: bad, officialTimeout: 1, progress: { _ in })) { e in
                let m = "\(e)"
                XCTAssertTrue(m.contains("cannot write here (") && m.contains("choose a writable data folder"), m)
                XCTAssertFalse(m.contains("Error Domain"), m)
            }
        }
    }

    /// The fetchable names are the archives the loaders read, each with a checksum; other
    /// names are not advised to be fetched.
    func testKnownSourcesAndAdviceForOtherNames() throws {
        XCTAssertEqual(DatasetSource.known.map(\.name), ["ml-100k", "ml-1m", "ml-20m", "ml-latest-small"])
        for s in DatasetSource.known { XCTAssertTrue(s.md5 != nil || s.md5URL != nil, s.name) }
        let root = try Fixtures.folder([:])
        XCTAssertThrowsError(try MovieLens.load("ml-10m", dataRoot: root)) { e in
            XCTAssertFalse("\(e)".contains("swiftnb data fetch ml-10m"), "\(e)")
            XCTAssertTrue("\(e)".contains("put this dataset's files in that folder yourself"), "\(e)")
        }
    }

    /// Fetches the real ML-100K into the package's data/ folder when asked
    /// (`RECOMMENDERKIT_FETCH=1 swift test --filter testFetchWhenAsked`); CI may use it.
    func testFetchWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["RECOMMENDERKIT_FETCH"] == "1" else {
            throw XCTSkip("set RECOMMENDERKIT_FETCH=1 to fetch data/ml-100k")
        }
        let dir = try DatasetFetcher.fetch("ml-100k", into: PackageRoot.data, officialTimeout: 8)
        XCTAssertNotNil(DatasetLoader.detect(dir))
    }
}

/// The package root, found from this file's path (Tests/RecommenderKitTests/X.swift).
enum PackageRoot {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = url.appendingPathComponent("data")
}
