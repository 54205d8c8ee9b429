import XCTest
@testable import RecommenderKit

final class LoaderErrorTests: XCTestCase {
    func testEmptyFile() {
        assertError({ try MovieLens100K.parseRatings(Data()) }, "u.data, line 1: the file is empty")
        assertError({ try MovieLensCSV.parseRatings(Data()) }, "ratings.csv, line 1: the file is empty")
        assertError({ try RecBoleAtomic.parseInteractions(Data(), file: "a.inter") }, "a.inter, line 1: the file is empty")
        assertError({ try NetflixPrize.parseRatings(Data()) }, "the file is empty")
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data(MovieLensCSV.ratingsHeader + "\n")) }, "expected at least one rating line")
    }

    func testTruncatedLine() {
        assertError({ try MovieLens100K.parseRatings(Fixtures.data("196\t242\t3\t881250949\n186\t30")) },
                    "u.data, line 2: expected 4 fields separated by tabs, found 2")
    }

    func testWrongDelimiter() {
        assertError({ try MovieLens100K.parseRatings(Fixtures.data("196,242,3,881250949\n")) },
                    "u.data, line 1: expected 4 fields separated by tabs, found 1")
        assertError({ try MovieLens1M.parseRatings(Fixtures.data("1\t1193\t5\t978300760\n")) },
                    "ratings.dat, line 1: expected 4 fields separated by \"::\", found 1")
    }

    func testNonNumericRating() {
        assertError({ try MovieLens100K.parseRatings(Fixtures.data("1\t2\t3\t4\n1\t2\tfive\t4\n")) },
                    "u.data, line 2: expected a numeric rating in field 3, found \"five\"")
        assertError({ try KaggleNetflix.parseRatings(Fixtures.data("User_ID,Rating,Movie_ID\n1,x,3\n")) },
                    "line 2: expected a numeric rating")
    }

    func testDuplicateHeader() {
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data(Fixtures.ml20mRatings + MovieLensCSV.ratingsHeader + "\n")) },
                    "ratings.csv, line 5: found a second header line")
        assertError({ try MovieLensCSV.parseMovies(Fixtures.data(Fixtures.ml20mMovies + "movieId,title,genres\n")) },
                    "movies.csv, line 4: found a second header line")
        assertError({ try RecBoleAtomic.parseTable(Fixtures.data(Fixtures.recboleItem + "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq\n"), file: "x.item") },
                    "x.item, line 5: found a second header line")
        assertError({ try RecBoleAtomic.parseInteractions(Fixtures.data(Fixtures.recboleInter + "user_id:token\titem_id:token\trating:float\ttimestamp:float\n"), file: "x.inter") },
                    "x.inter, line 5: found a second header line")
    }

    func testWrongHeader() {
        assertError({ try MovieLensCSV.parseRatings(Fixtures.data("user,movie,rating,ts\n1,2,3,4\n")) },
                    "ratings.csv, line 1: expected the header \"userId,movieId,rating,timestamp\"")
        assertError({ try RecBoleAtomic.parseInteractions(Fixtures.data("user_id\titem_id\n1\t2\n"), file: "x.inter") },
                    "x.inter, line 1: expected a header of tab-separated name:type fields")
        assertError({ try RecBoleAtomic.parseInteractions(Fixtures.data("user_id:token\tuser_id:token\n1\t2\n"), file: "x.inter") },
                    "expected distinct field names")
        assertError({ try RecBoleAtomic.parseInteractions(Fixtures.data("a:token\tb:token\n1\t2\n"), file: "x.inter") },
                    "expected user_id and item_id fields")
    }

    func testTooManyFields() {
        assertError({ try MovieLens100K.parseRatings(Fixtures.data("1\t2\t3\t4\t5\n")) }, "found more")
    }

    func testMetadataErrors() {
        assertError({ try MovieLens100K.parseItems(Fixtures.data("1|Toy Story (1995)|01-Jan-1995\n")) },
                    "u.item, line 1: expected 24 fields separated by \"|\", found 3")
        assertError({ try MovieLens100K.parseUsers(Fixtures.data("1|old|M|x|1\n")) }, "u.user, line 1: expected a numeric age")
        assertError({ try MovieLens1M.parseUsers(Fixtures.data("1::F::1::99::48067\n")) }, "users.dat, line 1: expected an occupation code 0-20")
        assertError({ try MovieLens100K.parseGenres(Fixtures.data("unknown|0\nAction|5\n")) }, "u.genre, line 2: expected genre index 1")
        assertError({ try MovieLensCSV.parseMovies(Fixtures.data("movieId,title,genres\n1,\"open quote,x\n")) }, "expected a closing quote")
    }

    func testNetflixErrors() {
        assertError({ try NetflixPrize.parseRatings(Fixtures.data("1488844,3,2005-09-06\n")) }, "line 1: expected a \"MovieID:\" line before the first rating")
        assertError({ try NetflixPrize.parseRatings(Fixtures.data("1:\n1488844,3,2005/09/06\n")) }, "line 2: expected a date YYYY-MM-DD")
        assertError({ try NetflixPrize.parseRatings(Fixtures.data("1:\n1488844,3\n")) }, "line 2: expected 3 comma-separated fields")
        assertError({ try NetflixPrize.parseRatings(Fixtures.data("x:\n")) }, "line 1: expected a \"MovieID:\" line")
    }
}
