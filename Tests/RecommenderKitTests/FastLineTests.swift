import XCTest
@testable import RecommenderKit

/// Lines the fused fast path declines (signs, exponents, CRs, non-canonical ids) must parse
/// exactly as the general path parses them, in the same file as plain lines.
final class FastLineTests: XCTestCase {
    func testPlainAndFallbackLinesMix() throws {
        let text = """
        userId,movieId,rating,timestamp
        1,10,4.0,100
        2,11,+3.5,101
        007,10,2,102
        3,12,4.5,103\r
        7,13,1e0,104
        1,x13,5.25,105
        """
        let r = try MovieLensCSV.parseRatings(Fixtures.data(text))
        XCTAssertEqual((0..<r.userCount).map { r.userVocabulary.id(at: $0) }, ["1", "2", "007", "3", "7"])
        XCTAssertEqual((0..<r.itemCount).map { r.itemVocabulary.id(at: $0) }, ["10", "11", "12", "13", "x13"])
        XCTAssertEqual(r.users, [0, 1, 2, 3, 4, 0])
        XCTAssertEqual(r.items, [0, 1, 0, 2, 3, 4])
        XCTAssertEqual(r.ratings, [4, 3.5, 2, 4.5, 1, 5.25])
        XCTAssertEqual(r.timestamps, [100, 101, 102, 103, 104, 105])
    }

    func testErrorsAfterPlainLinesNameTheLine() {
        for (bad, message) in [("5,14,4.0,abc", "expected a numeric timestamp in field 4"),
                               ("5,14,4.0", "expected 4 fields separated by commas, found 3"),
                               ("5,14,4.0,9,9", "expected 4 fields separated by commas, found more"),
                               (",14,4.0,9", "expected a user id in field 1")] {
            let text = "userId,movieId,rating,timestamp\n1,10,4.0,100\n" + bad + "\n2,3,1,4\n"
            XCTAssertThrowsError(try MovieLensCSV.parseRatings(Fixtures.data(text))) { e in
                XCTAssertTrue("\(e)".hasPrefix("ratings.csv, line 3: \(message)"), "\(e)")
            }
        }
    }

    /// Lines shorter than the size estimate assumes make the columns grow mid-parse.
    func testShortLinesOutgrowTheEstimate() throws {
        let text = "userId,movieId,rating,timestamp\n" + (0..<1000).map { "\($0 % 7),\($0 % 5),\(1 + $0 % 5),\($0)" }.joined(separator: "\n")
        let r = try MovieLensCSV.parseRatings(Fixtures.data(text))
        XCTAssertEqual(r.count, 1000)
        XCTAssertEqual(r.timestamps, (0..<1000).map(Int64.init))
        XCTAssertEqual(r.ratings[999], Float(1 + 999 % 5))
        XCTAssertEqual(r.userCount, 7)
        XCTAssertEqual(r.itemCount, 5)
    }

    /// One-decimal ratings come from a table on the fast path; they equal the general path's.
    func testTableRatingsEqualTheGeneralPath() throws {
        let values = (0..<1100).map { "\($0 / 10).\($0 % 10)" }
        let fast = "userId,movieId,rating,timestamp\n" + values.map { "1,2,\($0),3" }.joined(separator: "\n")
        let general = "userId,movieId,rating,timestamp\n" + values.map { "1,2,+\($0),3" }.joined(separator: "\n")
        let a = try MovieLensCSV.parseRatings(Fixtures.data(fast)), b = try MovieLensCSV.parseRatings(Fixtures.data(general))
        XCTAssertEqual(a.ratings, b.ratings)
        XCTAssertEqual(a.ratings[45], 4.5)
    }
}
