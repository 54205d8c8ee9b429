import XCTest
@testable import RecommenderKit

final class LoaderTests: XCTestCase {
    func testML100KRatings() throws {
        let t = try MovieLens100K.parseRatings(Fixtures.data(Fixtures.uData))
        XCTAssertEqual(t.count, 4)
        XCTAssertEqual(t.userVocabulary.ids, ["196", "186", "22"])
        XCTAssertEqual(t.itemVocabulary.ids, ["242", "302", "377"])
        XCTAssertEqual(t.users, [0, 1, 2, 0])
        XCTAssertEqual(t.items, [0, 1, 2, 1])
        XCTAssertEqual(t.ratings, [3, 3, 1, 5])
        XCTAssertEqual(t.timestamps[0], 881250949)
        XCTAssertEqual(t.head(1).first?.itemID, "242")
    }

    func testML100KMetadataLatin1() throws {
        let items = try MovieLens100K.parseItems(Fixtures.uItem)
        XCTAssertEqual(items.titles, ["Toy Story", "Café Society"])
        XCTAssertEqual(items.years, [1995, 1996])
        XCTAssertEqual(items.genreNames(ofRow: 0), ["Animation", "Children's", "Comedy"])
        XCTAssertEqual(items.genreNames(ofRow: 1), ["unknown"])
        XCTAssertEqual(items.features["release_date"]?.first, "01-Jan-1995")
        let users = try MovieLens100K.parseUsers(Fixtures.data(Fixtures.uUser))
        XCTAssertEqual(users.ages, [24, 53]); XCTAssertEqual(users.genders, ["M", "F"])
        XCTAssertEqual(users.occupations, ["technician", "other"]); XCTAssertEqual(users.zipCodes, ["85711", "94043"])
        XCTAssertEqual(try MovieLens100K.parseGenres(Fixtures.data(Fixtures.uGenre)), MovieLens100K.defaultGenres)
        XCTAssertEqual(try MovieLens100K.parseOccupations(Fixtures.data(Fixtures.uOccupation)), ["administrator", "artist", "doctor"])
    }

    func testML100KFolder() throws {
        let dir = try Fixtures.folder(["u.data": Fixtures.data(Fixtures.uData), "u.item": Fixtures.uItem,
                                       "u.user": Fixtures.data(Fixtures.uUser), "u.genre": Fixtures.data(Fixtures.uGenre)])
        XCTAssertEqual(DatasetLoader.detect(dir), .movieLens100K)
        let d = try DatasetLoader.load(dir)
        XCTAssertEqual(d.ratings.count, 4); XCTAssertEqual(d.items?.count, 2); XCTAssertEqual(d.users?.count, 2)
    }

    func testML1M() throws {
        let dir = try Fixtures.folder(["ratings.dat": Fixtures.data(Fixtures.ml1mRatings),
                                       "movies.dat": Fixtures.data(Fixtures.ml1mMovies),
                                       "users.dat": Fixtures.data(Fixtures.ml1mUsers)])
        XCTAssertEqual(DatasetLoader.detect(dir), .movieLens1M)
        let d = try DatasetLoader.load(dir)
        XCTAssertEqual(d.ratings.ratings, [5, 3, 4])
        XCTAssertEqual(d.ratings.userVocabulary.ids, ["1", "2"])
        XCTAssertEqual(d.items?.titles, ["One Flew Over the Cuckoo's Nest", "James and the Giant Peach"])
        XCTAssertEqual(d.items?.genreNames(ofRow: 1), ["Animation", "Children's", "Musical"])
        XCTAssertEqual(d.users?.occupations, ["K-12 student", "self-employed"])
        XCTAssertEqual(d.users?.ages, [1, 56])
    }

    func testML20MCSV() throws {
        let dir = try Fixtures.folder(["ratings.csv": Fixtures.data(Fixtures.ml20mRatings),
                                       "movies.csv": Fixtures.data(Fixtures.ml20mMovies),
                                       "genome-scores.csv": Fixtures.data(Fixtures.genomeScores),
                                       "genome-tags.csv": Fixtures.data(Fixtures.genomeTags)])
        XCTAssertEqual(DatasetLoader.detect(dir), .movieLensCSV)
        let d = try DatasetLoader.load(dir)
        XCTAssertEqual(d.ratings.ratings, [3.5, 3.5, 4.0])
        XCTAssertEqual(d.items?.titles[1], "City of Lost Children, The (Cité des enfants perdus, La)")
        XCTAssertEqual(d.items?.years, [1995, 1995])
        XCTAssertEqual(d.items?.genreNames(ofRow: 1), ["Adventure", "Drama", "Fantasy", "Mystery", "Sci-Fi"])
        XCTAssertEqual(d.tables["genome-scores"]?.rows.count, 2)
        XCTAssertEqual(d.tables["genome-tags"]?.column("tag"), ["007", "007 (series)"])
    }

    func testRecBoleAtomic() throws {
        let dir = try Fixtures.folder(["ml-tiny/ml-tiny.inter": Fixtures.data(Fixtures.recboleInter),
                                       "ml-tiny/ml-tiny.item": Fixtures.data(Fixtures.recboleItem),
                                       "ml-tiny/ml-tiny.user": Fixtures.data(Fixtures.recboleUser),
                                       "ml-tiny/ml-tiny.kg": Fixtures.data(Fixtures.recboleKG),
                                       "ml-tiny/ml-tiny.link": Fixtures.data(Fixtures.recboleLink)])
            .appendingPathComponent("ml-tiny")
        XCTAssertEqual(DatasetLoader.detect(dir), .recBoleAtomic)
        let d = try DatasetLoader.load(dir)
        XCTAssertEqual(d.ratings.count, 3)
        XCTAssertEqual(d.items?.titles, ["Kolya", "L.A. Confidential", "Heavyweights"])
        XCTAssertEqual(d.items?.genreNames(ofRow: 1), ["Crime", "Film-Noir", "Mystery", "Thriller"])
        XCTAssertEqual(d.items?.years, [1996, 1997, 1994])
        XCTAssertEqual(d.users?.zipCodes[1], "00000")
        XCTAssertEqual(d.tables["kg"]?.rows.first, ["m.04ctbw8", "film.producer.film", "m.0bln8"])
        XCTAssertEqual(d.tables["link"]?.column("entity_id"), ["m.08gjyx"])
    }

    func testRecBoleImplicitInter() throws {
        let t = try RecBoleAtomic.parseInteractions(Fixtures.data("item_id:token\tuser_id:token\n5\t1\n6\t1\n"), file: "x.inter")
        XCTAssertEqual(t.ratings, [1, 1]); XCTAssertEqual(t.userVocabulary.ids, ["1"]); XCTAssertEqual(t.itemVocabulary.ids, ["5", "6"])
    }

    func testNetflixPrize() throws {
        let dir = try Fixtures.folder(["combined_data_1.txt": Fixtures.data(Fixtures.netflixPrize),
                                       "movie_titles.csv": Fixtures.data(Fixtures.netflixTitles)])
        XCTAssertEqual(DatasetLoader.detect(dir), .netflixPrize)
        let d = try DatasetLoader.load(dir)
        XCTAssertEqual(d.ratings.count, 3)
        XCTAssertEqual(d.ratings.itemVocabulary.ids, ["1", "2"])
        XCTAssertEqual(d.ratings.items, [0, 0, 1])
        XCTAssertEqual(d.ratings.userVocabulary.ids, ["1488844", "822109"])
        XCTAssertEqual(d.ratings.timestamps[0], 1_125_964_800)   // 2005-09-06 UTC
        XCTAssertEqual(d.items?.titles[1], "Isle of Man TT 2004 Review, The")
    }

    func testKaggleNetflix() throws {
        let dir = try Fixtures.folder(["Netflix_Dataset_Rating.csv": Fixtures.data(Fixtures.kaggleNetflix)])
        XCTAssertEqual(DatasetLoader.detect(dir), .kaggleNetflix)
        let d = try DatasetLoader.load(dir)
        XCTAssertEqual(d.ratings.ratings, [5, 4, 3])
        XCTAssertEqual(d.ratings.itemVocabulary.ids, ["3", "8"])
        XCTAssertEqual(d.ratings.users, [0, 1, 0])
    }

    func testCRLFLineEndings() throws {
        let t = try MovieLensCSV.parseRatings(Fixtures.data(Fixtures.ml20mRatings.replacingOccurrences(of: "\n", with: "\r\n")))
        XCTAssertEqual(t.count, 3); XCTAssertEqual(t.timestamps[2], 1112484819)
    }

    func testUnknownFolderIsAnError() throws {
        let dir = try Fixtures.folder(["readme.txt": Fixtures.data("hello")])
        XCTAssertNil(DatasetLoader.detect(dir))
        XCTAssertNotNil(Fixtures.message { try DatasetLoader.load(dir) }?.range(of: "expected a dataset folder"))
    }
}
