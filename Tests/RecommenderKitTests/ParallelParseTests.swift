import XCTest
import TensorKit
@testable import RecommenderKit

/// The chunked parallel parse must equal the sequential one, and its errors name the right line.
final class ParallelParseTests: XCTestCase {
    override func tearDown() { RatingsParser.parallelThreshold = 16 << 20 }

    func csv(lines: Int) -> String {
        var rng = SeededGenerator(seed: 5)
        var s = MovieLensCSV.ratingsHeader + "\n"
        for _ in 0..<lines {
            s += "\(rng.next() % 50),\(rng.next() % 70 == 0 ? "x9" : String(rng.next() % 70)),\(1 + rng.next() % 5).\(rng.next() % 2 == 0 ? 0 : 5),\(1_000_000 + rng.next() % 1000)\n"
        }
        return s
    }

    func testChunksEqualSequential() throws {
        let text = csv(lines: 500)
        let sequential = try MovieLensCSV.parseRatings(Fixtures.data(text))
        RatingsParser.parallelThreshold = 64
        let parallel = try MovieLensCSV.parseRatings(Fixtures.data(text))
        XCTAssertEqual(parallel.users, sequential.users)
        XCTAssertEqual(parallel.items, sequential.items)
        XCTAssertEqual(parallel.ratings, sequential.ratings)
        XCTAssertEqual(parallel.timestamps, sequential.timestamps)
        XCTAssertEqual(parallel.userVocabulary, sequential.userVocabulary)
        XCTAssertEqual(parallel.itemVocabulary, sequential.itemVocabulary)
    }

    func testErrorLineInParallelPath() {
        var lines = csv(lines: 400).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[350] = "1,2,bad,3"
        RatingsParser.parallelThreshold = 64
        XCTAssertThrowsError(try MovieLensCSV.parseRatings(Fixtures.data(lines.joined(separator: "\n")))) { e in
            XCTAssertTrue("\(e)".hasPrefix("ratings.csv, line 351: expected a numeric rating"), "\(e)")
        }
    }
}
