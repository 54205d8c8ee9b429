import XCTest
@testable import RecommenderKit

/// Checks the real ML-100K; runs only when data/ml-100k exists (`swiftnb data fetch ml-100k`).
final class MovieLens100KDataTests: XCTestCase {
    func testRealML100K() throws {
        let dir = PackageRoot.data.appendingPathComponent("ml-100k")
        guard FileManager.default.fileExists(atPath: dir.path) else {
            throw XCTSkip("data/ml-100k is not present")
        }
        let d = try MovieLens.load("ml-100k", dataRoot: PackageRoot.data, offline: true)
        XCTAssertEqual(d.ratings.count, 100_000)
        XCTAssertEqual(d.ratings.userCount, 943)
        XCTAssertEqual(d.ratings.itemCount, 1_682)
        XCTAssertEqual(d.items?.count, 1_682)
        XCTAssertEqual(d.items?.genreNames.count, 19)
        XCTAssertEqual(d.users?.count, 943)
        XCTAssertGreaterThanOrEqual(d.ratings.countsPerUser().min() ?? 0, 20)
        XCTAssertEqual(Set(d.ratings.ratings), [1, 2, 3, 4, 5])
        XCTAssertNoThrow(try d.ratings.sparseMatrix(duplicates: .reject))
        XCTAssertEqual(d.items?.titles.first, "Toy Story")
    }
}
