import XCTest
@testable import RecommenderKit
import TensorKit

/// The course models (knowledge-based, hybrid, rating VAE), raw-cosine user CF and the
/// course evaluation: known answers, learning, determinism, save/load, the guards.
final class CourseModelTests: XCTestCase {
    /// Items 0, 1, 2 with genres [1, 0], [0, 1], [1, 1]. User 0 rated item 0 with 4 and item 1
    /// with 2: profile (2/3, 1/3); cos with item 2 = 1 / (√(5/9) √2) = 0.9486833; on the
    /// scale 1...5 that is 1 + 4 · 0.9486833.
    func testKnowledgeBasedMatchesHandComputedPrediction() throws {
        let ratings = try RatingModelTestData.table([[4, 2, 0], [1, 0, 5]])
        let kb = try KnowledgeBasedRatings(features: try Tensor([[1, 0], [0, 1], [1, 1]]))
        try kb.fit(ratings)
        XCTAssertEqual(kb.profile(user: 0)[0], 2.0 / 3, accuracy: 1e-6)
        XCTAssertEqual(try kb.predict(user: 0, item: 2), 1 + 4 * 0.9486833, accuracy: 1e-5)
        XCTAssertEqual(try kb.predict(user: 0, item: 0), 1 + 4 * (2.0 / 3) / (5.0 / 9).squareRoot(), accuracy: 1e-5)
        // An unknown user falls back to the bias model: finite, on the scale.
        let fallback = try kb.predict(user: 7, item: 1)
        XCTAssertTrue((1...5).contains(fallback))
        XCTAssertThrowsError(try KnowledgeBasedRatings(features: try Tensor([[1, 0]])).fit(ratings))   // fewer feature rows than items
        XCTAssertThrowsError(try KnowledgeBasedRatings(features: try Tensor([[Float.nan]])))
    }

    /// Raw cosine (no centring): sim(u0, u1) = 20 / (√34 √20), sim(u0, u2) = 8 / (√34 √27);
    /// the prediction for (u0, item 2) is their weighted mean of 2 and 5.
    func testUserCFWithRawCosineMatchesHandComputedPrediction() throws {
        let ratings = try RatingModelTestData.table([[5, 3, 0], [4, 0, 2], [1, 1, 5]])
        let cf = try UserKNNRatings(.init(neighbours: 30, centring: .raw))
        try cf.fit(ratings)
        let s1: Float = 20 / (34 as Float).squareRoot() / (20 as Float).squareRoot()
        let s2: Float = 8 / (34 as Float).squareRoot() / (27 as Float).squareRoot()
        XCTAssertEqual(cf.similarity(0, 1), s1, accuracy: 1e-5)
        XCTAssertEqual(try cf.predict(user: 0, item: 2), (s1 * 2 + s2 * 5) / (s1 + s2), accuracy: 1e-4)
    }

    /// The report's reading: u2's neighbourhood is [u1, u0] (cosines 14 / (√20 √27) and
    /// 8 / (√34 √27)); both rated item 0 (4 and 5), so the prediction is their weighted mean;
    /// with one neighbour, u0's prediction for item 1 (unrated by u1) is 0, clamped to 1.
    func testUserNeighbourhoodCFMatchesHandComputedPrediction() throws {
        let ratings = try RatingModelTestData.table([[5, 3, 0], [4, 0, 2], [1, 1, 5]])
        let cf = try UserNeighbourhoodCF(neighbours: 2)
        try cf.fit(ratings)
        let s0: Float = 8 / (34 as Float).squareRoot() / (27 as Float).squareRoot()
        let s1: Float = 14 / (20 as Float).squareRoot() / (27 as Float).squareRoot()
        XCTAssertEqual(cf.neighbourhood(of: 2).map(\.user), [1, 0])
        XCTAssertEqual(try cf.predict(user: 2, item: 0), (s0 * 5 + s1 * 4) / (s0 + s1), accuracy: 1e-4)
        let one = try UserNeighbourhoodCF(neighbours: 1)
        try one.fit(ratings)
        XCTAssertEqual(try one.predict(user: 0, item: 1), 1)
        XCTAssertEqual(try one.predict(user: 0, item: 2), 2, accuracy: 1e-5)
        XCTAssertThrowsError(try UserNeighbourhoodCF(neighbours: 0))
        // Round trip: the neighbourhoods are rebuilt from the saved ratings.
        let copy = try UserNeighbourhoodCF(neighbours: 2)
        try copy.restore(try cf.state())
        XCTAssertEqual(try copy.predict(users: [0, 1, 2], items: [2, 1, 0]), try cf.predict(users: [0, 1, 2], items: [2, 1, 0]))
    }

    func testHybridBlendsAndSweeps() throws {
        let split = RatingModelTestData.split
        let features = try Tensor((0..<split.train.itemCount).map { i in (0..<4).map { Float((i >> $0) & 1) } })
        let cf = try UserKNNRatings(.init(neighbours: 20, centring: .raw)), kb = try KnowledgeBasedRatings(features: features)
        let hybrid = try HybridRatings(collaborative: cf, knowledge: kb)
        try hybrid.fit(split.train)
        let users = [0, 5, 9], items = [3, 7, 11]
        let a = try cf.predict(users: users, items: items), b = try kb.predict(users: users, items: items)
        for (h, (x, y)) in zip(try hybrid.predict(users: users, items: items), zip(a, b)) { XCTAssertEqual(h, 0.6 * x + 0.4 * y, accuracy: 1e-5) }
        let sweep = try hybrid.alphaSweep(train: split.train, test: split.test, alphas: [0, 0.6, 1])
        XCTAssertEqual(sweep.map(\.alpha), [0, 0.6, 1])
        let cfAlone = try cf.evaluateCourse(train: split.train, test: split.test), kbAlone = try kb.evaluateCourse(train: split.train, test: split.test)
        let both = try hybrid.evaluateCourse(train: split.train, test: split.test)
        XCTAssertEqual(sweep[2].result.rmse, cfAlone.rmse, accuracy: 1e-9)
        XCTAssertEqual(sweep[2].result.precision, cfAlone.precision, accuracy: 1e-9)
        XCTAssertEqual(sweep[0].result.recall, kbAlone.recall, accuracy: 1e-9)
        XCTAssertEqual(sweep[1].result.f1, both.f1, accuracy: 1e-9)
        XCTAssertThrowsError(try hybrid.setAlpha(1.5))
        XCTAssertThrowsError(try HybridRatings(collaborative: cf, knowledge: cf))
        // Save/load round trip through fresh parts.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hybrid-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try hybrid.setAlpha(0.3)
        try hybrid.save(to: url)
        let loaded = try HybridRatings(collaborative: try UserKNNRatings(.init(neighbours: 20, centring: .raw)),
                                       knowledge: try KnowledgeBasedRatings(features: features))
        try loaded.load(from: url)
        XCTAssertEqual(loaded.alpha, 0.3)
        XCTAssertEqual(try loaded.predict(users: users, items: items), try hybrid.predict(users: users, items: items))
    }

    /// A model that predicts each item's index: the top-2 of the candidates {0, 1, 2, 3}
    /// (item 4 was rated in training) is [3, 2]; relevant (held-out >= 4) are 3 and 0.
    func testCourseEvaluationKnownAnswer() throws {
        final class ItemIndex: RatingModel {
            let name = "ItemIndex"
            var ratingScale: ClosedRange<Float>? { 0...5 }
            func fit(_ r: Interactions, validation: Interactions?, options: FitOptions) throws -> TrainingHistory { TrainingHistory() }
            func predict(users: [Int], items: [Int]) throws -> [Float] { items.map(Float.init) }
            func state() throws -> [String: Tensor] { [:] }
            func restore(_ state: [String: Tensor]) throws {}
        }
        let all = try RatingModelTestData.table([[4, 0, 2, 5, 3]])
        let train = all.subset([3]), test = all.subset([0, 1, 2])    // rows: item 0 (4), item 2 (2), item 3 (5), item 4 (3)
        XCTAssertEqual(train.items, [4])
        let r = try ItemIndex().evaluateCourse(train: train, test: test, k: 2)
        XCTAssertEqual(r.precision, 0.5); XCTAssertEqual(r.recall, 0.5); XCTAssertEqual(r.f1, 0.5)
        XCTAssertEqual(r.rmse, (20.0 / 3).squareRoot(), accuracy: 1e-6)    // errors 4, 0, 2
        XCTAssertEqual(r.mae, 2, accuracy: 1e-6)
        XCTAssertEqual(r.rankedUsers, 1)
        XCTAssertThrowsError(try ItemIndex().evaluateCourse(train: train, test: test, k: 0))
    }

    private func smallVAE(_ reconstruction: RatingVAE.Reconstruction, epochs: Int = 40, seed: UInt64 = 1,
                          learningRate: Float = 3e-3, meanInitialised: Bool = true) throws -> RatingVAE {
        try RatingVAE(.init(hidden: [48, 24], latent: 6, reconstruction: reconstruction, learningRate: learningRate,
                            batchSize: 32, epochs: epochs, minUserRatings: 5, meanInitialisedOutput: meanInitialised, seed: seed))
    }

    /// Mean-initialised output biases start the masked model near the item means: one epoch
    /// already predicts far better than zero biases (every output 0.5, a rating of 2.5) do.
    func testRatingVAEMeanInitialisedOutput() throws {
        let split = RatingModelTestData.split
        let plain = try smallVAE(.ratedCells, epochs: 1, meanInitialised: false), warm = try smallVAE(.ratedCells, epochs: 1)
        try plain.fit(split.train); try warm.fit(split.train)
        XCTAssertLessThan(try warm.evaluate(split.test).rmse, try plain.evaluate(split.test).rmse - 0.2)
    }

    /// The masked VAE learns ratings (beats the global mean on held-out pairs); the
    /// all-cells reading learns which items are rated (its top-10 beats the masked one's),
    /// and its held-out predictions sink towards the bottom of the scale.
    func testRatingVAELearnsBothReadings() throws {
        let split = RatingModelTestData.split
        let masked = try smallVAE(.ratedCells)
        let history = try masked.fit(split.train, validation: split.test, options: FitOptions(patience: 8))
        XCTAssertEqual(history.selectionMetric, "RMSE")
        XCTAssertLessThan(try masked.evaluate(split.test).rmse, RatingModelTestData.globalMeanRMSE * 0.97)
        let all = try smallVAE(.allCells)
        try all.fit(split.train)
        let meanPrediction = try all.predict(split.test).reduce(0, +) / Float(split.test.count)
        XCTAssertLessThan(meanPrediction, 2.5)
        XCTAssertTrue(try all.predict(split.test).allSatisfy { (1...5).contains($0) })
    }

    func testRatingVAEIsDeterministicAndRoundTrips() throws {
        let split = RatingModelTestData.split
        let a = try smallVAE(.ratedCells, epochs: 3), b = try smallVAE(.ratedCells, epochs: 3)
        try a.fit(split.train); try b.fit(split.train)
        let pa = try a.predict(split.test)
        XCTAssertEqual(pa, try b.predict(split.test))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ratingvae-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try a.save(to: url)
        let c = try smallVAE(.ratedCells, epochs: 3)
        try c.load(from: url)
        XCTAssertEqual(try c.predict(split.test), pa)
        XCTAssertThrowsError(try smallVAE(.allCells).load(from: url))       // saved as the masked model
        XCTAssertThrowsError(try RatingVAE(.init(hidden: [16], latent: 4)).restore(try a.state()))   // other shapes
    }

    func testRatingVAEGuards() throws {
        let split = RatingModelTestData.split
        XCTAssertThrowsError(try RatingVAE(.init(latent: 0)))
        XCTAssertThrowsError(try RatingVAE(.init(batchSize: 0)))
        XCTAssertThrowsError(try RatingVAE().predict(user: 0, item: 0))
        XCTAssertThrowsError(try RatingVAE(.init(minUserRatings: 1000)).fit(split.train))
        // Cancelled before the second batch of epoch 1: the model stays usable.
        let token = CancellationToken()
        let vae = try smallVAE(.ratedCells, epochs: 5)
        let history = try vae.fit(split.train, validation: nil,
                                  options: FitOptions(progress: { _ in token.cancel() }, cancellation: token))
        XCTAssertEqual(history.stopReason, .cancelled(epoch: 1, batch: 2))
        XCTAssertTrue(try vae.predict(split.test).allSatisfy(\.isFinite))
        // A learning rate that blows the weights up trips the NaN guard with a clear error.
        let wild = try smallVAE(.allCells, epochs: 20, learningRate: 1e12)
        XCTAssertThrowsError(try wild.fit(split.train)) { error in
            XCTAssertTrue("\(error)".contains("became"), "\(error)")
        }
    }
}
