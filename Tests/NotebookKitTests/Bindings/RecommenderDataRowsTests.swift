import Foundation
import RecommenderKit
import ScriptKit
import TensorKit
import XCTest
@testable import NotebookKit

/// The remaining rows, each called once from a script and compared with Swift: the other
/// file formats and their parsers, tables and metadata, vocabularies, item features.
final class RecommenderDataRowsTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("recdata-\(UUID().uuidString)")
        let fm = FileManager.default
        for sub in ["ml100k", "ml1m", "netflix", "rb"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        func write(_ text: String, _ path: String) throws {
            try text.write(to: dir.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try write("1\t10\t4\t100\n2\t10\t3\t200\n2\t20\t5\t300\n", "ml100k/u.data")
        try write("1::10::4::100\n2::20::2::200\n", "ml1m/ratings.dat")
        try write("10::Heat (1995)::Action|Crime\n20::Up (2009)::Animation\n", "ml1m/movies.dat")
        try write("1::M::25::4::12345\n2::F::35::0::54321\n", "ml1m/users.dat")
        try write("1:\n7,4,2005-01-02\n8,3,2005-02-03\n2:\n7,5,2005-03-04\n", "netflix/combined_data_1.txt")
        try write("1,2003,Dinosaur Planet\n2,2004,\"Isle, The\"\n", "netflix/movie_titles.csv")
        try write("User_ID,Rating,Movie_ID\n5,3,1\n6,4,1\n", "kaggle.csv")
        try write("user_id:token\titem_id:token\trating:float\n1\t10\t4\n2\t20\t5\n", "rb/rb.inter")
        try write("item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq\n10\tHeat\t1995\tAction Crime\n20\tUp\t2009\tAnimation\n", "rb/rb.item")
        try write("user_id:token\tage:token\tgender:token\toccupation:token\tzip_code:token\n1\t20\tF\tartist\t111\n2\t30\tM\tother\t222\n", "rb/rb.user")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    func testOtherFormatsLoadAndParse() throws {
        let ml100k = try MovieLens100K.load(directory: dir.appendingPathComponent("ml100k"))
        let ml1m = try MovieLens1M.load(directory: dir.appendingPathComponent("ml1m"))
        let netflix = try NetflixPrize.load(directory: dir.appendingPathComponent("netflix"))
        let kaggle = try KaggleNetflix.load(file: dir.appendingPathComponent("kaggle.csv"))
        let out = recDataRun(Session(), """
            let root = URL(fileURLWithPath: "\(dir.path)")
            let ml100k = try MovieLens100K.load(directory: root.appendingPathComponent("ml100k"))
            let ml1m = try MovieLens1M.load(directory: root.appendingPathComponent("ml1m"))
            let netflix = try NetflixPrize.load(directory: root.appendingPathComponent("netflix"))
            let kaggle = try KaggleNetflix.load(file: root.appendingPathComponent("kaggle.csv"))
            print(ml100k.ratings.count, ml1m.ratings.count, ml1m.items!.titles, ml1m.users!.occupations, ml1m.users!.ages)
            print(netflix.ratings.count, netflix.items!.titles, netflix.ratings.timestamps, kaggle.ratings.count, kaggle.name)
            print(DatasetLoader.detect(root.appendingPathComponent("ml1m"))?.rawValue ?? "none", DatasetLoader.detect(root) == nil)
            print(MovieLens100K.defaultGenres.count, MovieLens1M.genres.count, MovieLens1M.occupations[4], KaggleNetflix.header)
            print(RecBoleAtomic.fieldTypes.contains("token_seq"), DatasetFormat.allCases.count, DatasetFormat.netflixPrize == .netflixPrize)
            func bytes(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }
            print(try MovieLens100K.parseRatings(bytes("ml100k/u.data")).count, try MovieLens1M.parseRatings(bytes("ml1m/ratings.dat")).count)
            print(try MovieLens1M.parseMovies(bytes("ml1m/movies.dat")).genreNames, try MovieLens1M.parseUsers(bytes("ml1m/users.dat")).genders)
            print(try NetflixPrize.parseRatings(bytes("netflix/combined_data_1.txt")).count, try NetflixPrize.parseTitles(bytes("netflix/movie_titles.csv")).years)
            print(try KaggleNetflix.parseRatings(bytes("kaggle.csv"), file: "k.csv").ratings)
            """)
        XCTAssertEqual(out, """
            \(ml100k.ratings.count) \(ml1m.ratings.count) \(ml1m.items!.titles) \(ml1m.users!.occupations) \(ml1m.users!.ages)
            \(netflix.ratings.count) \(netflix.items!.titles) \(netflix.ratings.timestamps) \(kaggle.ratings.count) \(kaggle.name)
            \(DatasetLoader.detect(dir.appendingPathComponent("ml1m"))!.rawValue) \(DatasetLoader.detect(dir) == nil)
            19 18 \(MovieLens1M.occupations[4]) User_ID,Rating,Movie_ID
            true 6 true
            3 2
            \(ml1m.items!.genreNames) \(ml1m.users!.genders)
            3 \(netflix.items!.years)
            \(kaggle.ratings.ratings)

            """)
        let badLine = recDataError("""
            let d = try MovieLens100K.parseRatings(try Data(contentsOf: URL(fileURLWithPath: "\(dir.path)/ml1m/ratings.dat")))
            """)
        XCTAssertTrue(badLine.contains("u.data"), badLine)
    }

    func testTablesMetadataAndVocabularies() throws {
        let out = recDataRun(recDataSession(), """
            var v = Vocabulary()
            let a = v.insert("x")
            let b = v.insert("y")
            print(a, b, v.insert("x"), v.count, v.ids, v.subset([1]).ids, Vocabulary(["p", "q", "p"]).count, v == Vocabulary(["x", "y"]))
            let r = try Interactions(users: [0, 1, 1], items: [1, 0, 1], ratings: [5, 3, 4], userVocabulary: Vocabulary(["u1", "u2"]),
                                     itemVocabulary: v)
            var row = r.row(at: 2)!
            row.rating = 1
            print(row.userID, row.itemID, row.rating, r.row(at: 2)!.rating, r.isEmpty)
            let raw = try Interactions(rawUsers: ["a", "b"], rawItems: ["i", "i"], ratings: [1, 2], timestamps: [10, 20])
            print(raw.userVocabulary.ids, raw.timestamps, recDataRows(try raw.sparseMatrix(duplicates: .reject)) == 2)
            let items = try ItemMetadata(ids: ["x", "y"], titles: ["X", "Y"], years: [1990, nil], genres: [[0], [0, 1]],
                                         genreNames: ["Drama", "Comedy"])
            let users = try UserMetadata(ids: ["u1", "u2"], ages: [20, nil], genders: ["F", "M"], occupations: ["a", "b"], zipCodes: ["1", "2"])
            let table = TextTable(columns: ["a", "b"], rows: [["1", "2"], ["3", "4"]])
            var data = Dataset(name: "tiny", ratings: r, items: items, users: users, tables: ["t": table])
            data.notes.append("hand made")
            print(data.items!.genreNames(ofRow: 1), data.items!.index(of: "y") ?? -1, data.users!.count, table.column("b") ?? [], data.notes)
            let genres = try ItemFeatures.genres(data)
            let both = try ItemFeatures.concatenate([genres, genres], weights: [1, 0.5])
            print(recDataShape(genres), recDataShape(both), recDataScalars(both))
            let f = try ItemFeatureMatrix(data, items: r.itemVocabulary, knowledgeGraph: false, minItemsPerFact: 1)
            print(f.names, recDataShape(f.values), f.itemsWithGraphFeatures)
            print(Interactions.MatrixValues.ones == .ones, Interactions.DuplicateRule.sum != .last, table != TextTable(columns: [], rows: []),
                  RankingMetric.ndcg(3) != .ndcg(3), NaNScorePolicy.error == .rankLast, v != Vocabulary(["x", "y"]))
            var e = DataError(file: "f.csv", line: 3, "bad value")
            print(e.description, e.file ?? "", e.line ?? 0)
            e.message = "changed"
            print(e.message, DataError("plain").description)
            """)
        let v = Vocabulary(["x", "y"])
        let r = try Interactions(users: [0, 1, 1], items: [1, 0, 1], ratings: [5, 3, 4], userVocabulary: Vocabulary(["u1", "u2"]),
                                 itemVocabulary: v)
        let items = try ItemMetadata(ids: ["x", "y"], titles: ["X", "Y"], years: [1990, nil], genres: [[0], [0, 1]],
                                     genreNames: ["Drama", "Comedy"])
        let data = Dataset(name: "tiny", ratings: r, items: items)
        let genres = try ItemFeatures.genres(data)
        let both = try ItemFeatures.concatenate([genres, genres], weights: [1, 0.5])
        let f = try ItemFeatureMatrix(data, items: r.itemVocabulary, knowledgeGraph: false, minItemsPerFact: 1)
        XCTAssertEqual(out, """
            0 1 0 2 ["x", "y"] ["y"] 2 true
            u2 y 1.0 4.0 false
            ["a", "b"] [10, 20] true
            ["Drama", "Comedy"] 1 2 ["2", "4"] ["hand made"]
            \(genres.shape) \(both.shape) \(both.scalars)
            \(f.names) \(f.values.shape) 0
            true true true false false false
            \(DataError(file: "f.csv", line: 3, "bad value").description) f.csv 3
            changed plain

            """)
    }

    func testRecBoleTablesAndKnowledgeGraph() throws {
        let out = recDataRun(recDataSession(), """
            let r = try Interactions(rawUsers: ["u1", "u2"], rawItems: ["10", "20"], ratings: [4, 5])
            let kg = TextTable(columns: ["head_id", "relation_id", "tail_id"], rows: [["e1", "actor", "a"], ["e2", "actor", "a"]])
            let link = TextTable(columns: ["item_id", "entity_id"], rows: [["10", "e1"], ["20", "e2"]])
            let data = Dataset(name: "kg", ratings: r, tables: ["kg": kg, "link": link])
            let g = try ItemFeatures.knowledgeGraph(data)
            print(g.names, recDataShape(g.features), try ItemFeatures.knowledgeGraph(data, minItems: 3).names)
            let bad = TextTable(columns: ["head_id", "relation_id", "tail_id"], rows: [["e1"]])
            do { _ = try ItemFeatures.knowledgeGraph(Dataset(name: "bad", ratings: r, tables: ["kg": bad, "link": link])) } catch { print("refused") }
            """)
        XCTAssertEqual(out, "[\"actor=a\"] [2, 1] []\nrefused\n")
        let folder = dir.appendingPathComponent("rb")
        let data = try RecBoleAtomic.load(directory: folder, name: "rb")
        let table = try RecBoleAtomic.parseTable(Data(contentsOf: folder.appendingPathComponent("rb.item")), file: "rb.item")
        let items = try RecBoleAtomic.items(from: table)
        let rb = recDataRun(Session(), """
            let folder = URL(fileURLWithPath: "\(folder.path)")
            let data = try RecBoleAtomic.load(directory: folder, name: "rb")
            print(data.ratings.count, data.items!.titles, data.items!.genreNames, data.users!.occupations)
            let table = try RecBoleAtomic.parseTable(try Data(contentsOf: folder.appendingPathComponent("rb.item")), file: "rb.item")
            let users = try RecBoleAtomic.users(from: RecBoleAtomic.parseTable(try Data(contentsOf: folder.appendingPathComponent("rb.user")), file: "rb.user"))
            print(table.names, table.types, table.column("class") ?? [], try RecBoleAtomic.items(from: table).years, users.zipCodes)
            print(try RecBoleAtomic.parseInteractions(try Data(contentsOf: folder.appendingPathComponent("rb.inter")), file: "rb.inter").ratings)
            var broken = table
            broken.rows.append(["30"])
            do { _ = try RecBoleAtomic.items(from: broken) } catch { print("refused") }
            """)
        XCTAssertEqual(rb, """
            2 \(data.items!.titles) \(data.items!.genreNames) \(data.users!.occupations)
            \(table.names) \(table.types) \(table.column("class")!) \(items.years) ["111", "222"]
            [4.0, 5.0]
            refused

            """)
    }
}
