import XCTest
import TensorKit
@testable import RecommenderKit

final class PreprocessTests: XCTestCase {
    func small() throws -> Interactions {
        try Interactions(rawUsers: ["a", "a", "a", "b", "b", "c"], rawItems: ["x", "y", "z", "x", "y", "x"],
                         ratings: [5, 3, 4, 1, 4, 2], timestamps: [1, 2, 3, 4, 5, 6])
    }

    func testBinarize() throws {
        let b = try small().binarized(atLeast: 4)
        XCTAssertEqual(b.count, 3); XCTAssertEqual(b.ratings, [1, 1, 1]); XCTAssertEqual(b.items, [0, 2, 1])
        XCTAssertEqual(try small().binarized(atLeast: 4, keepNegatives: true).ratings, [1, 0, 1, 0, 1, 0])
    }

    func testMinCountLiangSinglePassVersusIterative() throws {
        // Items with >= 2 rows: x (3), y (2); then users with >= 2 rows: a (x, y), b (x, y).
        let t = try small()
        let once = t.filteredByMinCount(users: 2, items: 2, iterative: false)
        XCTAssertEqual(once.count, 4)
        XCTAssertEqual(once.userVocabulary.ids, ["a", "b"]); XCTAssertEqual(once.itemVocabulary.ids, ["x", "y"])
        // A chain where one pass is not enough: dropping user c leaves item w with one row.
        let chain = try Interactions(rawUsers: ["a", "a", "b", "b", "c", "c"], rawItems: ["x", "y", "x", "y", "w", "x"],
                                     ratings: [1, 1, 1, 1, 1, 1])
        XCTAssertEqual(chain.filteredByMinCount(users: 2, items: 2, iterative: false).count, 4)
        let fixed = chain.filteredByMinCount(users: 2, items: 2, iterative: true)
        XCTAssertTrue(fixed.countsPerItem().allSatisfy { $0 >= 2 } && fixed.countsPerUser().allSatisfy { $0 >= 2 })
    }

    func testUndersample() throws {
        let t = try small()
        let u = t.undersampledByRating(seed: 3)
        let h = u.ratingHistogram()
        XCTAssertEqual(h.map(\.count), [1, 1, 1, 1, 1]); XCTAssertEqual(u.count, 5)
        XCTAssertEqual(u.ratings.count, t.undersampledByRating(seed: 3).ratings.count)
    }

    func testSparseMatrixAndDuplicates() throws {
        let t = try Interactions(rawUsers: ["a", "a", "b", "a"], rawItems: ["y", "x", "x", "y"], ratings: [2, 3, 4, 5])
        let m = try t.sparseMatrix()
        XCTAssertEqual(m.rowOffsets, [0, 2, 3]); XCTAssertEqual(m.columnIndices, [0, 1, 1]); XCTAssertEqual(m.values, [7, 3, 4])
        XCTAssertEqual(try t.sparseMatrix(duplicates: .last).values, [5, 3, 4])
        XCTAssertEqual(try t.sparseMatrix(values: .ones).values, [2, 1, 1])
        XCTAssertThrowsError(try t.sparseMatrix(duplicates: .reject))
        XCTAssertEqual(try t.denseMatrix().shape, [2, 2])
    }

    func testInteractionsValidation() throws {
        XCTAssertThrowsError(try Interactions(users: [0, 1], items: [0], ratings: [1, 1], userVocabulary: Vocabulary(["a", "b"]), itemVocabulary: Vocabulary(["x"])))
        XCTAssertThrowsError(try Interactions(users: [2], items: [0], ratings: [1], userVocabulary: Vocabulary(["a"]), itemVocabulary: Vocabulary(["x"])))
        XCTAssertNil(try small().row(at: 99))
        XCTAssertEqual(try small().subset([0, 99, -1]).count, 1)
        let c = try small().subset([3, 4]).compacted()
        XCTAssertEqual(c.userVocabulary.ids, ["b"]); XCTAssertEqual(c.itemVocabulary.ids, ["x", "y"])
    }
}
