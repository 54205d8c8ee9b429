import XCTest
@testable import RecommenderKit

final class SyntheticTests: XCTestCase {
    func testSmallDatasetShapeAndDeterminism() throws {
        let cfg = SyntheticConfiguration(users: 50, items: 80, ratings: 2_000, minPerUser: 10, seed: 1)
        let d = try SyntheticData.generate(cfg)
        XCTAssertEqual(d.ratings.count, 2_000)
        XCTAssertEqual(d.ratings.userCount, 50); XCTAssertEqual(d.ratings.itemCount, 80)
        XCTAssertTrue(d.ratings.countsPerUser().allSatisfy { $0 >= 10 })
        XCTAssertTrue(d.ratings.ratings.allSatisfy { (1...5).contains($0) && $0 == $0.rounded() })
        XCTAssertNoThrow(try d.ratings.sparseMatrix(duplicates: .reject))   // no repeated pairs
        XCTAssertEqual(d.items?.genreNames.count, 19); XCTAssertEqual(d.users?.count, 50)
        let again = try SyntheticData.generate(cfg)
        XCTAssertEqual(again.ratings.items, d.ratings.items); XCTAssertEqual(again.ratings.ratings, d.ratings.ratings)
        var other = cfg; other.seed = 2
        XCTAssertNotEqual(try SyntheticData.generate(other).ratings.items, d.ratings.items)
        // Popularity skew: the most rated item has far more rows than the median one.
        let counts = d.ratings.countsPerItem().sorted()
        XCTAssertGreaterThan(counts.last ?? 0, 2 * counts[counts.count / 2])
    }

    func testCSVRoundTrip() throws {
        let d = try SyntheticData.generate(SyntheticConfiguration(users: 20, items: 30, ratings: 300, minPerUser: 5, seed: 3))
        let dir = try Fixtures.folder([:])
        try d.ratings.writeMovieLensCSV(to: dir.appendingPathComponent("ratings.csv"))
        let back = try DatasetLoader.load(dir).ratings
        XCTAssertEqual(back.count, 300); XCTAssertEqual(back.ratings, d.ratings.ratings); XCTAssertEqual(back.timestamps, d.ratings.timestamps)
    }

    func testBadConfigurationThrows() {
        XCTAssertThrowsError(try SyntheticData.generate(SyntheticConfiguration(users: 0)))
        XCTAssertThrowsError(try SyntheticData.generate(SyntheticConfiguration(users: 5, items: 4, ratings: 1_000)))
        XCTAssertThrowsError(try SyntheticData.generate(SyntheticConfiguration(factors: 0)))
        XCTAssertThrowsError(try SyntheticData.generate(SyntheticConfiguration(users: Int.max)))
    }
}
