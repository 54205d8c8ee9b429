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

    /// Blank lines make chunks shorter than their line counts; the rows are moved together.
    func testBlankLinesInTheParallelPath() throws {
        var lines = csv(lines: 300).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in stride(from: 290, to: 10, by: -37) { lines.insert("", at: i) }
        let text = lines.joined(separator: "\n") + "\n\n"
        let sequential = try MovieLensCSV.parseRatings(Fixtures.data(text))
        RatingsParser.parallelThreshold = 64
        let parallel = try MovieLensCSV.parseRatings(Fixtures.data(text))
        XCTAssertEqual(parallel.count, 300)
        XCTAssertEqual(parallel.users, sequential.users)
        XCTAssertEqual(parallel.items, sequential.items)
        XCTAssertEqual(parallel.ratings, sequential.ratings)
        XCTAssertEqual(parallel.timestamps, sequential.timestamps)
        XCTAssertEqual(parallel.userVocabulary, sequential.userVocabulary)
        XCTAssertEqual(parallel.itemVocabulary, sequential.itemVocabulary)
    }

    func testNewlineCountMatchesAByteByByteCount() {
        for length in [0, 1, 7, 8, 9, 63, 64, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7 % 13 == 0 ? 10 : $0 % 200 + 11) }
            let count = bytes.withUnsafeBufferPointer(RatingsParser.newlineCount)
            XCTAssertEqual(count, bytes.filter { $0 == 10 }.count, "length \(length)")
        }
    }
}
