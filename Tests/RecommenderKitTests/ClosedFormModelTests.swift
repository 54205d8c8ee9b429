import XCTest
@testable import RecommenderKit
import TensorKit

/// Known answers for the closed-form models on hand-sized matrices.
final class ClosedFormModelTests: XCTestCase {
    /// 4 users x 3 items.
    let x = try! SparseMatrix(rows: 4, columns: 3, entries: [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 2, 1),
                                                             (2, 1, 1), (2, 2, 1), (3, 0, 1), (3, 1, 1)])

    func testEASEMatchesTheClosedForm() throws {
        // XᵀX = [[3, 2, 1], [2, 3, 1], [1, 1, 2]]; with λ = 1, P = (XᵀX + I)⁻¹ computed by hand
        // (adjugate / determinant 32): B_ij = −P_ij / P_jj.
        let ease = try EASE(EASE.Configuration(l2: 1))
        try ease.fit(x)
        let p: [[Double]] = [[11, -5, -2], [-5, 11, -2], [-2, -2, 12]].map { $0.map { Double($0) / 32 } }
        let b = try XCTUnwrap(ease.weights)
        for i in 0..<3 {
            for j in 0..<3 {
                XCTAssertEqual(Double(try b.scalar(at: [i, j])), i == j ? 0 : -p[i][j] / p[j][j], accuracy: 1e-5)
            }
        }
        let s = try ease.scores(history: try x.rows([0]))
        XCTAssertEqual(s.scalars[2], try b.scalar(at: [0, 2]) + b.scalar(at: [1, 2]), accuracy: 1e-6)
    }

    func testEASEChoosesL2OnValidation() throws {
        let ease = try EASE(EASE.Configuration(l2Candidates: [1, 30, 3000]))
        let history = try ease.fit(ModelTestData.split.train, validation: ModelTestData.validation)
        XCTAssertEqual(history.epochs.map { $0.losses["l2"] }, [1, 30, 3000])
        let values = history["validation NDCG@100"]
        let best = values.indices.max { values[$0] < values[$1] }!
        XCTAssertEqual(ease.chosenL2, [1, 30, 3000][best])
        XCTAssertEqual(history.bestEpoch, best + 1)
    }

    func testItemKNNMatchesHandComputedCosine() throws {
        // Item columns: 0 = users {0,1,3}, 1 = {0,2,3}, 2 = {1,2}. cos(0,1) = 2/3,
        // cos(0,2) = cos(1,2) = 1/√6. With one neighbour each: 0 -> 1, 1 -> 0, 2 -> 0 (tie, lower index).
        let knn = try ItemKNN(ItemKNN.Configuration(neighbours: 1))
        try knn.fit(x)
        let w = try XCTUnwrap(knn.similarity).toDense()
        let c01 = Float(2.0 / 3.0), c02 = Float(1 / 6.0.squareRoot())
        let expected: [Float] = [0, c01, c02,
                                 c01, 0, 0,
                                 0, 0, 0]
        for (a, b) in zip(w.scalars, expected) { XCTAssertEqual(a, b, accuracy: 1e-5) }
        // User 2 has items 1 and 2: score(0) = sim(0, 1) (its neighbour 1 is seen); items 1
        // and 2 have only item 0 as neighbour, which user 2 lacks.
        let s = try knn.scores(history: try x.rows([2]))
        for (a, b) in zip(s.scalars, [c01, 0, 0]) { XCTAssertEqual(a, b, accuracy: 1e-5) }
    }

    func testItemKNNShrinkDampsRareItems() throws {
        let plain = try ItemKNN(ItemKNN.Configuration(neighbours: 2)), shrunk = try ItemKNN(ItemKNN.Configuration(neighbours: 2, shrink: 10))
        try plain.fit(x); try shrunk.fit(x)
        let a = try XCTUnwrap(plain.similarity).toDense().scalars, b = try XCTUnwrap(shrunk.similarity).toDense().scalars
        for (p, s) in zip(a, b) where p > 0 { XCTAssertLessThan(s, p) }
    }

    func testPopularityCountsUsers() throws {
        let pop = Popularity()
        try pop.fit(x)
        XCTAssertEqual(pop.counts?.scalars, [3, 3, 2])
        XCTAssertEqual(try pop.recommend(user: 2, count: 2).map(\.item), [0], "items 1 and 2 are seen")
    }

    func testRankingTaskProtocols() throws {
        let split = ModelTestData.split
        let test = try RankingTask(history: split.train, relevant: split.test, excluding: [split.validation!])
        let byUserTrain = split.train.itemsByUser(), byUserValid = split.validation!.itemsByUser()
        for (r, u) in test.users.enumerated().prefix(20) {
            XCTAssertEqual(Set(test.excluded.list(r)), Set(byUserTrain[u] + byUserValid[u]))
            XCTAssertFalse(test.relevant.list(r).isEmpty)
            XCTAssertEqual(test.history.nnzPerRow()[r], Set(byUserTrain[u]).count)
        }
        let held = try split.train.appending(split.test).heldOutUsers(validation: 20, test: 20, seed: 1)
        let fold = try RankingTask(held.test)
        XCTAssertEqual(fold.users, held.test.users)
        XCTAssertEqual(fold.excluded, held.test.foldInLists)
        XCTAssertEqual(fold.relevant, held.test.holdOutLists)
    }
}
