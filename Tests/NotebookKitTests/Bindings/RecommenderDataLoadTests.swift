import Foundation
import RecommenderKit
import ScriptKit
import TensorKit
import XCTest
@testable import NotebookKit

/// Runs `code` in `session` and returns its printed text; a script error fails the test.
func recDataRun(_ session: Session, _ code: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let r = session.execute(code, origin: "cell")
    XCTAssertNil(r.error, "\(r.error.map { "\($0)" } ?? "")", file: file, line: line)
    return r.outputs.map { item -> String in
        if case .text(let t) = item { return t }
        return "\(item)"
    }.joined()
}

/// A session with test-only rows that read tensors and sparse matrices (their own rows
/// belong to the TensorKit bindings): `recDataShape`, `recDataScalars`, `recDataRows`.
func recDataSession() -> Session {
    let session = Session()
    let registry = session.interpreter.registry
    registry.function("recDataShape(_ t: Tensor) -> [Int]", doc: "Test only.") { args in try args.get(0, as: Tensor.self).shape.scriptValue }
    registry.function("recDataScalars(_ t: Tensor) -> [Float]", doc: "Test only.") { args in try args.get(0, as: Tensor.self).scalars.scriptValue }
    registry.function("recDataRows(_ m: SparseMatrix) -> Int", doc: "Test only.") { args in try args.get(0, as: SparseMatrix.self).rowCount.scriptValue }
    return session
}

/// The error text of running `code` in a fresh session ("" when it ran).
func recDataError(_ code: String) -> String {
    Session().execute(code, origin: "cell").error.map { "\($0)" } ?? ""
}

/// The tiny synthetic dataset every data test uses, in Swift and as script text.
enum RecDataFixture {
    static let configScript = "SyntheticConfiguration(users: 30, items: 40, ratings: 600, minPerUser: 5, factors: 4, seed: 7)"
    static func data() throws -> Dataset {
        try SyntheticData.generate(SyntheticConfiguration(users: 30, items: 40, ratings: 600, minPerUser: 5, factors: 4, seed: 7))
    }
}

/// Loading through the bindings: synthetic data, a MovieLens CSV folder written to a
/// temporary directory, format detection, parsers over `Data`, and loader errors.
final class RecommenderDataLoadTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("recdata-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        userId,movieId,rating,timestamp
        1,10,4.0,100
        1,20,3.5,200
        2,10,5.0,300
        3,30,1.0,400
        """.write(to: dir.appendingPathComponent("ratings.csv"), atomically: true, encoding: .utf8)
        try """
        movieId,title,genres
        10,Toy Story (1995),Animation|Comedy
        20,"Heat, The (1995)",Action
        30,Up (2009),Animation
        """.write(to: dir.appendingPathComponent("movies.csv"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testRowsParse() {
        let registry = Registry.standard()
        NotebookBindings.register(in: registry, session: nil)
        XCTAssertEqual(registry.signatureErrors.map(\.description), [])
    }

    func testSyntheticDataMatchesSwift() throws {
        let data = try RecDataFixture.data()
        let r = data.ratings
        let out = recDataRun(Session(), """
            let data = try SyntheticData.generate(\(RecDataFixture.configScript))
            let r = data.ratings
            print(r.count, r.userCount, r.itemCount, r.activeUserCount, r.activeItemCount, r.density)
            print(r.users.prefix(5), r.items.prefix(5), r.ratings.prefix(5), r.timestamps.prefix(2))
            print(r.countsPerUser().prefix(5), r.countsPerItem().prefix(5), r.rowsByUser()[0].count, r.itemsByUser()[1].count)
            let h = r.ratingHistogram()
            print(h.map { $0.count }, h[0].rating)
            print(data.name, data.items!.count, data.items!.genreNames.count, data.users!.count, data.items!.genreMatrix().count)
            print(r.head(2).map { $0.userID }, r.row(at: 3)!.itemID, r.row(at: -1) == nil)
            print(r.userVocabulary.index(of: r.userVocabulary.ids[2]) ?? -1, r.itemVocabulary.id(at: 0) ?? "none")
            """)
        let h = r.ratingHistogram()
        let expected = """
            \(r.count) \(r.userCount) \(r.itemCount) \(r.activeUserCount) \(r.activeItemCount) \(r.density)
            \(Array(r.users.prefix(5))) \(Array(r.items.prefix(5))) \(Array(r.ratings.prefix(5))) \(Array(r.timestamps.prefix(2)))
            \(Array(r.countsPerUser().prefix(5))) \(Array(r.countsPerItem().prefix(5))) \(r.rowsByUser()[0].count) \(r.itemsByUser()[1].count)
            \(h.map(\.count)) \(h[0].rating)
            \(data.name) \(data.items!.count) \(data.items!.genreNames.count) \(data.users!.count) \(data.items!.genreMatrix().count)
            \(r.head(2).map(\.userID)) \(r.row(at: 3)!.itemID) true
            2 \(r.itemVocabulary.ids[0])

            """
        XCTAssertEqual(out, expected)
    }

    func testMovieLensCSVFolderLoadsAndParses() throws {
        let data = try MovieLensCSV.load(directory: dir)
        let out = recDataRun(Session(), """
            let url = URL(fileURLWithPath: "\(dir.path)")
            let data = try MovieLensCSV.load(directory: url)
            let same = try DatasetLoader.load(path: "\(dir.path)")
            print(DatasetLoader.detect(url)?.rawValue ?? "none", data.name, data.ratings.count, same.ratings.count)
            print(data.ratings.userVocabulary.ids, data.ratings.itemVocabulary.ids, data.ratings.ratings, data.ratings.timestamps)
            print(data.items!.titles, data.items!.years, data.items!.genreNames(ofRow: 0))
            let bytes = try Data(contentsOf: url.appendingPathComponent("ratings.csv"))
            let parsed = try MovieLensCSV.parseRatings(bytes)
            print(bytes.count > 0, parsed.count, MovieLensCSV.ratingsHeader)
            """)
        let meta = data.items!
        let format = DatasetLoader.detect(dir)?.rawValue ?? "none"
        XCTAssertEqual(out, """
            \(format) \(data.name) 4 4
            \(data.ratings.userVocabulary.ids) \(data.ratings.itemVocabulary.ids) \(data.ratings.ratings) \(data.ratings.timestamps)
            \(meta.titles) \(meta.years) \(meta.genreNames(ofRow: 0))
            true 4 userId,movieId,rating,timestamp

            """)
    }

    func testWrittenCSVRoundTripsThroughTheLoader() throws {
        let out = recDataRun(Session(), """
            let r = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings
            let folder = URL(fileURLWithPath: "\(dir.path)").appendingPathComponent("synthetic")
            try r.subset([0, 1, 2, 3]).writeMovieLensCSV(to: folder.appendingPathComponent("ratings.csv"))
            let back = try DatasetLoader.load(folder)
            print(back.ratings.count, back.ratings.ratings == r.subset([0, 1, 2, 3]).ratings)
            """)
        XCTAssertEqual(out, "4 true\n")
    }

    func testLoaderErrorsAreScriptErrors() {
        let missing = recDataError("let d = try MovieLens100K.load(directory: URL(fileURLWithPath: \"\(dir.path)/nothing\"))")
        XCTAssertTrue(missing.contains("u.data"), missing)
        let unknown = recDataError("let d = try DatasetLoader.load(path: \"/nonexistent-recdata\")")
        XCTAssertTrue(unknown.contains("does not exist"), unknown)
        let caught = recDataRun(Session(), """
            do { _ = try DatasetLoader.load(path: "/nonexistent-recdata") } catch { print("caught") }
            """)
        XCTAssertEqual(caught, "caught\n")
    }
}
