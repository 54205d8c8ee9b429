import XCTest
@testable import RecommenderKit
import TensorKit

/// RecommenderNet on small synthetic data with demographics and genres: it learns,
/// ids help, seeded runs repeat, save/load, the training-loop contract, bad input.
final class RecommenderNetTests: XCTestCase {
    static let data = try! SyntheticData.generate(SyntheticConfiguration(users: 120, items: 60, ratings: 3000,
                                                                          minPerUser: 10, factors: 3, noise: 0.3, seed: 21))
    static let split = try! data.ratings.randomSplit(testRatio: 0.2, seed: 4)
    static let features = try! RecommenderNetFeatures(data, for: data.ratings)

    func net(ids: Bool = false, epochs: Int = 8, seed: UInt64 = 42) throws -> RecommenderNet {
        try RecommenderNet(features: Self.features, configuration: RecommenderNet.Configuration(
            embeddingSize: 8, hidden: [32, 16], useIDs: ids, learningRate: 5e-3, batchSize: 128, epochs: epochs, seed: seed))
    }

    func testFeaturesFollowTheVocabularies() throws {
        let f = Self.features, users = try XCTUnwrap(Self.data.users)
        XCTAssertEqual(f.userCount, Self.data.ratings.userCount)
        XCTAssertEqual(f.itemCount, Self.data.ratings.itemCount)
        XCTAssertEqual(f.genreCount, 19)
        XCTAssertEqual(f.zipCodeCount, Set(users.zipCodes).count)
        XCTAssertEqual(f.genderCount, 2)
        // Standardised ages: mean 0, variance 1.
        let mean = f.userAge.reduce(0, +) / Float(f.userCount)
        XCTAssertEqual(mean, 0, accuracy: 1e-4)
        XCTAssertEqual(f.userAge.map { $0 * $0 }.reduce(0, +) / Float(f.userCount), 1, accuracy: 1e-3)
        // Item 0's genres are its metadata row's.
        let row = try XCTUnwrap(Self.data.items?.index(of: Self.data.ratings.itemVocabulary.ids[0]))
        let genres = (0..<19).filter { f.itemGenres[$0] == 1 }
        XCTAssertEqual(genres, Self.data.items!.genres[row])
    }

    func testLearnsAndIDsHelp() throws {
        let meanRMSE = try RMSE.value(predictions: [Float](repeating: Self.split.train.ratings.reduce(0, +) / Float(Self.split.train.count),
                                                           count: Self.split.test.count), targets: Self.split.test.ratings)
        let plain = try net(), withIDs = try net(ids: true, epochs: 15)
        try plain.fit(Self.split.train)
        try withIDs.fit(Self.split.train)
        let a = try plain.evaluate(Self.split.test).rmse, b = try withIDs.evaluate(Self.split.test).rmse
        XCTAssertLessThan(a, meanRMSE * 0.97, "features only: \(a) vs the mean's \(meanRMSE)")
        XCTAssertLessThan(b, a, "ids should add the users' own taste: \(b) vs \(a)")
        let scale = try XCTUnwrap(plain.ratingScale)
        XCTAssertTrue(try plain.predict(Self.split.test).allSatisfy { scale.contains($0) })
    }

    func testSameSeedSameModelOtherSeedOtherModel() throws {
        let a = try net(epochs: 2), b = try net(epochs: 2), c = try net(epochs: 2, seed: 7)
        for m in [a, b, c] { try m.fit(Self.split.train) }
        let pa = try a.predict(Self.split.test), pb = try b.predict(Self.split.test), pc = try c.predict(Self.split.test)
        XCTAssertEqual(pa, pb)
        XCTAssertNotEqual(pa, pc)
    }

    func testSaveLoadRoundTripAndWrongFiles() throws {
        let a = try net(ids: true, epochs: 2)
        try a.fit(Self.split.train)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recnet-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try a.save(to: url)
        let b = try net(ids: true, epochs: 2)
        try b.load(from: url)
        XCTAssertEqual(try a.predict(Self.split.test), try b.predict(Self.split.test))
        XCTAssertThrowsError(try net(ids: false).load(from: url)) { error in
            XCTAssertTrue("\(error)".contains("RecommenderNet"), "\(error)")
        }
    }

    func testValidationProgressCancellationAndEarlyStopping() throws {
        let model = try net(epochs: 6)
        var reports: [TrainingProgress] = []
        let token = CancellationToken()
        let history = try model.fit(Self.split.train, validation: Self.split.test, options: FitOptions(
            progress: { p in reports.append(p); if p.epoch == 2, p.batch == 3 { token.cancel() } }, cancellation: token))
        XCTAssertEqual(history.stopReason, .cancelled(epoch: 2, batch: 4))
        XCTAssertEqual(history.epochs.count, 1)
        XCTAssertEqual(history["validation RMSE"].count, 1)
        let rows = try Self.split.train.sparseMatrix(values: .ratings, duplicates: .last).nnz
        XCTAssertEqual(reports.first?.batches, (rows + 127) / 128 - (rows % 128 == 1 ? 1 : 0))
        XCTAssertNoThrow(try model.predict(user: 0, item: 0))   // the epoch-1 weights are kept

        let patient = try net(epochs: 40)
        let h = try patient.fit(Self.split.train, validation: Self.split.test, options: FitOptions(patience: 2))
        XCTAssertLessThanOrEqual(h.epochs.count, 40)
        XCTAssertEqual(h.bestValue, h["validation RMSE"].min())
        if case .earlyStopped = h.stopReason {} else if h.epochs.count < 40 { XCTFail("\(h.stopReason)") }
        XCTAssertEqual(try patient.evaluate(Self.split.test).rmse, h.bestValue!, accuracy: 1e-6)
    }

    func testDivergenceIsAnErrorNotATrap() throws {
        let model = try RecommenderNet(features: Self.features, configuration: RecommenderNet.Configuration(
            embeddingSize: 4, hidden: [8], learningRate: 1e30, batchSize: 64, epochs: 3))
        XCTAssertThrowsError(try model.fit(Self.split.train)) { error in
            XCTAssertTrue("\(error)".contains("RecommenderNet.fit"), "\(error)")
        }
    }

    func testRecommendRanksUnseenItems() throws {
        let model = try net(ids: true, epochs: 2)
        try model.fit(Self.split.train)
        let seen = Set(Self.split.train.filter { $0.user == 3 }.items.map(Int.init))
        let top = try model.recommend(user: 3, count: 5, excluding: seen)
        XCTAssertEqual(top.count, 5)
        XCTAssertTrue(top.allSatisfy { !seen.contains($0.item) })
        XCTAssertEqual(top.map(\.score), top.map(\.score).sorted(by: >))
        XCTAssertEqual(top[0].score, try model.predict(user: 3, item: top[0].item))
        XCTAssertThrowsError(try model.recommend(user: 10_000))
    }

    func testBadInputIsNamed() throws {
        XCTAssertThrowsError(try RecommenderNet(features: Self.features, configuration: .init(batchSize: 1)))
        XCTAssertThrowsError(try RecommenderNet(features: Self.features, configuration: .init(dropout: 1)))
        XCTAssertThrowsError(try RecommenderNet(features: Self.features, configuration: .init(hidden: [])))
        XCTAssertThrowsError(try net().predict(user: 0, item: 0)) { XCTAssertTrue("\($0)".contains("not fitted")) }
        let bare = Dataset(name: "bare", ratings: Self.data.ratings)
        XCTAssertThrowsError(try RecommenderNetFeatures(bare, for: Self.data.ratings)) { XCTAssertTrue("\($0)".contains("metadata")) }
        XCTAssertThrowsError(try RecommenderNetFeatures(userZipCode: [0], userOccupation: [0, 1], userGender: [0], userAge: [0],
                                                        itemYear: [0], itemGenres: [], genreCount: 0))
        // A pair outside the features predicts the training mean.
        let model = try net(epochs: 1)
        try model.fit(Self.split.train)
        XCTAssertEqual(try model.predict(user: -1, item: 0), model.globalMean)
    }
}
