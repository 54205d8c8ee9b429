import XCTest
@testable import RecommenderKit
import TensorKit

/// What every top-N model must do: learn (beat popularity on held-out data), repeat
/// exactly with a seed, and survive a save/load round trip.
final class TopNModelTests: XCTestCase {
    func models() throws -> [Recommender] {
        [try MultVAE(ModelTestData.vae()), try MultDAE(ModelTestData.dae()), try EASE(EASE.Configuration(l2: 20)),
         try ItemKNN(ItemKNN.Configuration(neighbours: 30))]
    }

    func testEveryModelBeatsPopularity() throws {
        let pop = Popularity()
        try pop.fit(ModelTestData.split.train)
        let baseline = try ModelTestData.ndcg(pop)
        for model in try models() {
            try model.fit(ModelTestData.split.train, validation: ModelTestData.validation)
            let ndcg = try ModelTestData.ndcg(model)
            XCTAssertGreaterThan(ndcg, baseline * 1.1, "\(model.name) NDCG@10 \(ndcg) vs popularity \(baseline)")
        }
    }

    func testSameSeedSameScores() throws {
        for (a, b) in zip(try models(), try models()) {
            try a.fit(ModelTestData.split.train)
            try b.fit(ModelTestData.split.train)
            XCTAssertEqual(try a.scores(forUsers: [0, 5, 9]), try b.scores(forUsers: [0, 5, 9]), a.name)
        }
        let other = try MultVAE(ModelTestData.vae(epochs: 5, seed: 2)), first = try MultVAE(ModelTestData.vae(epochs: 5))
        try other.fit(ModelTestData.split.train)
        try first.fit(ModelTestData.split.train)
        XCTAssertNotEqual(try other.scores(forUsers: [0]), try first.scores(forUsers: [0]))
    }

    func testSaveAndLoadRoundTrip() throws {
        let fresh: [Recommender] = try models() + [Popularity()]
        for (model, copy) in zip(try models() + [Popularity()], fresh) {
            try model.fit(ModelTestData.split.train)
            let url = ModelTestData.temporaryFile(self, "\(model.name).safetensors")
            try model.save(to: url)
            XCTAssertThrowsError(try copy.scores(history: ModelTestData.test.history))
            try copy.load(from: url)
            XCTAssertEqual(try copy.scores(history: ModelTestData.test.history),
                           try model.scores(history: ModelTestData.test.history), model.name)
        }
        let ease = try EASE(), url = ModelTestData.temporaryFile(self, "pop.safetensors")
        let pop = Popularity()
        try pop.fit(ModelTestData.split.train)
        try pop.save(to: url)
        XCTAssertThrowsError(try ease.load(from: url)) { XCTAssertTrue("\($0)".contains("'Pop'"), "\($0)") }
    }

    func testRecommendSkipsSeenItems() throws {
        let model = try EASE(EASE.Configuration(l2: 20))
        try model.fit(ModelTestData.split.train)
        let train = try ModelTestData.split.train.sparseMatrix(values: .ones, duplicates: .last)
        let seen = Set(train.columnIndices[train.rowOffsets[3]..<train.rowOffsets[4]].map(Int.init))
        let top = try model.recommend(user: 3, count: 10)
        XCTAssertEqual(top.count, 10)
        XCTAssertTrue(top.allSatisfy { !seen.contains($0.item) })
        XCTAssertEqual(top.map(\.score), top.map(\.score).sorted(by: >))
        let all = try model.recommend(user: 3, count: 10, excludingSeen: false)
        XCTAssertFalse(Set(all.map(\.item)).isDisjoint(with: seen), "the best-scored items include seen ones")
        XCTAssertThrowsError(try model.recommend(user: 10_000))
        XCTAssertThrowsError(try EASE().recommend(user: 0)) { XCTAssertTrue("\($0)".contains("call fit"), "\($0)") }
    }

    func testChunkedEvaluationEqualsOnePass() throws {
        let model = try ItemKNN(ItemKNN.Configuration(neighbours: 20))
        try model.fit(ModelTestData.split.train)
        let task = ModelTestData.test
        let whole = try model.evaluate(task, metrics: [.ndcg(10), .recall(20)])
        let direct = try RankingEvaluator.evaluate(scores: try model.scores(history: task.history), relevant: task.relevant,
                                                   excluding: task.excluded, metrics: [.ndcg(10), .recall(20)])
        XCTAssertEqual(whole.summaries.map(\.mean), direct.summaries.map(\.mean))
    }

    func testScoresRejectWrongItemCount() throws {
        let model = Popularity()
        try model.fit(ModelTestData.split.train)
        let wrong = try SparseMatrix(rows: 1, columns: 3, entries: [(0, 1, 1)])
        XCTAssertThrowsError(try model.scores(history: wrong)) { XCTAssertTrue("\($0)".contains("3 items"), "\($0)") }
    }

    func testNaNScoreIsAnErrorNamingTheUser() throws {
        let ease = try EASE(EASE.Configuration(l2: 20))
        try ease.fit(ModelTestData.split.train)
        var weights = try XCTUnwrap(ease.weights)
        let n = weights.shape[0]
        weights.withUnsafeMutableBufferPointer { w in for i in 0..<n { w[i * n + 7] = .nan } }
        try ease.restore(["weights": weights])
        let task = ModelTestData.test
        XCTAssertThrowsError(try ease.evaluate(task, metrics: [.ndcg(10)])) { error in
            XCTAssertTrue("\(error)".contains("item 7 for user \(task.users[0])"), "\(error)")
        }
    }
}
