import XCTest
@testable import RecommenderKit

/// Files as they come in the wild: unnamed extra columns, byte-order marks, invisible
/// characters in headers, ratings beyond Float32.
final class LoaderEdgeCaseTests: XCTestCase {
    /// The 2016 ml-latest-small `ratings.csv`: the header ends in unnamed columns and some
    /// rows carry values there. pandas reads it; so do we, saying once what was ignored.
    func testRatingsCSVWithUnnamedTrailingColumns() throws {
        let text = """
        userId,movieId,rating,timestamp,,,,
        1,31,2.5,1260759144
        1,1129,2,1260759185,,3.450819672,,3.543608256
        1,1172,4,1260759205,,,,
        2,31,3,1260759144

        """
        let dir = try Fixtures.folder(["ratings.csv": Fixtures.data(text)])
        let d = try MovieLensCSV.load(directory: dir)
        XCTAssertEqual(d.ratings.count, 4)
        XCTAssertEqual(d.ratings.ratings, [2.5, 2, 4, 3])
        XCTAssertEqual(d.notes, ["ratings.csv: the header has 4 unnamed columns after its 4 named ones; 2 rows carry values there, which were ignored"])
        XCTAssertEqual(try MovieLensCSV.parseRatings(Fixtures.data(text)).count, 4)
        // More fields than the header has is still an error, and so is a named extra column.
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data("userId,movieId,rating,timestamp,,\n1,2,3,4,,,\n")) },
                    "ratings.csv, line 2: expected at most 6 fields separated by commas (as many as the header has), found more")
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data("userId,movieId,rating,timestamp,tag\n1,2,3,4,x\n")) },
                    "expected the header \"userId,movieId,rating,timestamp\"")
        XCTAssertEqual(try MovieLensCSV.load(directory: Fixtures.folder(["ratings.csv": Fixtures.data(Fixtures.ml20mRatings)])).notes, [])
    }

    /// A UTF-8 byte-order mark is not part of the first id, in any loader.
    func testByteOrderMarkIsStrippedEverywhere() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let u = try MovieLens100K.parseRatings(bom + Fixtures.data(Fixtures.uData))
        XCTAssertEqual(u.userVocabulary.ids, ["196", "186", "22"])
        let m = try MovieLens1M.parseRatings(bom + Fixtures.data(Fixtures.ml1mRatings))
        XCTAssertEqual(m.userVocabulary.ids, ["1", "2"])
        XCTAssertEqual(try MovieLensCSV.parseRatings(bom + Fixtures.data(Fixtures.ml20mRatings)).count, 3)
        XCTAssertEqual(try MovieLensCSV.parseMovies(bom + Fixtures.data(Fixtures.ml20mMovies)).count, 2)
        XCTAssertEqual(try RecBoleAtomic.parseInteractions(bom + Fixtures.data(Fixtures.recboleInter), file: "a.inter").count, 3)
        XCTAssertEqual(try NetflixPrize.parseRatings(bom + Fixtures.data(Fixtures.netflixPrize)).count, 3)
        XCTAssertEqual(try KaggleNetflix.parseRatings(bom + Fixtures.data(Fixtures.kaggleNetflix)).count, 3)
        let kaggle = try Fixtures.folder(["netflix.csv": bom + Fixtures.data(Fixtures.kaggleNetflix)])
        XCTAssertEqual(DatasetLoader.detect(kaggle), .kaggleNetflix)
    }

    /// A header that does not match says which invisible bytes it holds.
    func testHeaderMismatchNamesInvisibleBytes() {
        let bom = Data([0xEF, 0xBB, 0xBF])
        assertError({ try MovieLensCSV.parseRatings(bom + bom + Fixtures.data(Fixtures.ml20mRatings)) },
                    "(the line holds a byte-order mark (U+FEFF) at column 1)")
        let crOnly = Fixtures.ml20mRatings.replacingOccurrences(of: "\n", with: "\r")
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data(crOnly)) }, "CR-only (old Mac) line endings")
        assertError({ try MovieLensCSV.parseMovies(Fixtures.data(Fixtures.ml20mMovies.replacingOccurrences(of: "\n", with: "\r"))) },
                    "CR-only (old Mac) line endings")
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data("userId,movieId,rating,timestamp \n1,2,3,4\n")) }, "trailing spaces")
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data("userId,movieId,rating,\u{A0}timestamp\n1,2,3,4\n")) },
                    "a no-break space (U+00A0) at column 23")
        assertError({ try RecBoleAtomic.parseInteractions(Fixtures.data("user_id:token\u{200B}\titem_id:token\n1\t2\n"), file: "a.inter") },
                    "a zero-width character (U+200B)")
    }

    /// 1e39 is a finite Double but not a finite Float32: rejected as 1e309 is.
    func testRatingBeyondFloat32IsRejected() {
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data("userId,movieId,rating,timestamp\n1,1,1e39,964982703\n")) },
                    "ratings.csv, line 2: expected a rating within Float32's range (magnitude below 3.4e38) in field 3, found \"1e39\"")
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data("userId,movieId,rating,timestamp\n1,1,1e309,964982703\n")) },
                    "expected a numeric rating in field 3")
        assertError({ try NetflixPrize.parseRatings(Fixtures.data("1:\n5,-4e38,2005-09-06\n")) }, "within Float32's range")
    }

    func testMissingPathSaysItDoesNotExist() {
        assertError({ try DatasetLoader.load(path: "/nonexistent/swiftnb/ml-100k") }, "/nonexistent/swiftnb/ml-100k: the path does not exist")
    }
}
