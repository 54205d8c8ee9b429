import XCTest
@testable import RecommenderKit
import TensorKit

/// SVD++ and the SGD options of biased MF added with it (learning-rate decay, a separate
/// bias regularisation).
final class SVDppTests: XCTestCase {
    let small = SVDpp.Configuration(factors: 8, epochs: 25, learningRate: 0.01, regularization: 0.05)

    func testLearnsRepeatsAndRoundTrips() throws {
        let split = RatingModelTestData.split
        let a = try SVDpp(small), b = try SVDpp(small), c = try SVDpp(SVDpp.Configuration(factors: 8, epochs: 25, learningRate: 0.01,
                                                                                          regularization: 0.05, seed: 9))
        for m in [a, b, c] { try m.fit(split.train) }
        let rmse = try a.evaluate(split.test).rmse
        XCTAssertLessThan(rmse, RatingModelTestData.globalMeanRMSE * 0.97)
        XCTAssertEqual(try a.predict(split.test), try b.predict(split.test))
        XCTAssertNotEqual(try a.predict(split.test), try c.predict(split.test))
        let p = try a.predict(split.test)
        XCTAssertTrue(p.allSatisfy { (1...5).contains($0) })

        let url = ModelTestData.temporaryFile(self, "svdpp.safetensors")
        try a.save(to: url)
        let fresh = try SVDpp(small)
        try fresh.load(from: url)
        XCTAssertEqual(try fresh.predict(split.test), p)
        XCTAssertThrowsError(try SVDpp(SVDpp.Configuration(factors: 4)).load(from: url)) { XCTAssertTrue("\($0)".contains("[") , "\($0)") }
    }

    /// The implicit factors matter: a user's prediction moves when the y_j of an item they
    /// rated changes, and not for a user who did not rate it.
    func testImplicitFactorsEnterTheUserVector() throws {
        let ratings = try RatingModelTestData.table([[5, 3, 0, 1], [4, 0, 2, 2], [1, 5, 2, 0]])
        let model = try SVDpp(SVDpp.Configuration(factors: 3, epochs: 5))
        try model.fit(ratings)
        let before = try model.predict(users: [0, 1], items: [3, 3])
        var s = try model.state()
        var z = try XCTUnwrap(s["implicitSums"]).scalars
        for f in 0..<3 { z[0 * 3 + f] += 0.5 }          // as if y of an item of user 0 grew
        s["implicitSums"] = try Tensor(shape: [3, 3], scalars: z)
        try model.restore(s)
        let after = try model.predict(users: [0, 1], items: [3, 3])
        XCTAssertNotEqual(before[0], after[0])
        XCTAssertEqual(before[1], after[1])
    }

    func testUsersAndItemsWithoutRatingsGetTheBiasPart() throws {
        let ratings = try RatingModelTestData.table([[5, 3, 0, 1], [4, 0, 0, 2], [1, 5, 0, 4], [0, 0, 0, 0]])
        let model = try SVDpp(SVDpp.Configuration(factors: 3, epochs: 5))
        try model.fit(ratings)
        let t = try XCTUnwrap(model.terms)
        XCTAssertEqual(try model.predict(user: 3, item: 1), t.scale.clamp(t.mean + t.item[1]), accuracy: 1e-6)
        XCTAssertEqual(try model.predict(user: 0, item: 2), t.scale.clamp(t.mean + t.user[0]), accuracy: 1e-6)
    }

    func testUnknownPairsBadSettingsAndDivergence() throws {
        let split = RatingModelTestData.split
        let model = try SVDpp(small)
        XCTAssertThrowsError(try model.predict(user: 0, item: 0)) { XCTAssertTrue("\($0)".contains("not fitted")) }
        try model.fit(split.train)
        XCTAssertEqual(try model.predict(user: 10_000, item: 10_000), model.terms!.mean, accuracy: 1e-6)
        XCTAssertThrowsError(try SVDpp(SVDpp.Configuration(factors: 0)))
        XCTAssertThrowsError(try SVDpp(SVDpp.Configuration(learningRateDecay: 1.5)))
        XCTAssertThrowsError(try SVDpp(SVDpp.Configuration(biasRegularization: -1)))
        XCTAssertThrowsError(try SVDpp(SVDpp.Configuration(learningRate: 80)).fit(split.train)) {
            XCTAssertTrue("\($0)".contains("became"), "\($0)")
        }
        let token = CancellationToken()
        let h = try SVDpp(small).fit(split.train, validation: split.test,
                                     options: FitOptions(progress: { if $0.epoch == 3 { token.cancel() } }, cancellation: token))
        XCTAssertEqual(h.stopReason, .cancelled(epoch: 4, batch: 1))
        XCTAssertEqual(h["validation RMSE"].count, 3)
    }

    func testBiasedMFDecayAndBiasRegularization() throws {
        let split = RatingModelTestData.split
        let plain = try BiasedMF(.sgd(factors: 8, epochs: 10, learningRate: 0.01))
        let decayed = try BiasedMF(.sgd(factors: 8, epochs: 10, learningRate: 0.01, learningRateDecay: 0.5))
        let heavyBias = try BiasedMF(.sgd(factors: 8, epochs: 10, learningRate: 0.01, biasRegularization: 50))
        for m in [plain, decayed, heavyBias] { try m.fit(split.train) }
        // With the rate halved every epoch, the first epoch's steps dominate: the biases
        // stay closer to 0 than with a constant rate.
        let spread = { (m: BiasedMF) in m.userBiases.map { $0 * $0 }.reduce(0, +) }
        XCTAssertLessThan(spread(decayed), spread(plain))
        // A huge bias penalty keeps every bias near 0.
        XCTAssertLessThan(heavyBias.userBiases.map(abs).max()!, 0.05)
        XCTAssertThrowsError(try BiasedMF(.sgd(learningRateDecay: 0)))
        XCTAssertThrowsError(try BiasedMF(.sgd(biasRegularization: .nan)))
    }
}
