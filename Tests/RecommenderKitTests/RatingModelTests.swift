import XCTest
@testable import RecommenderKit
import TensorKit

/// The rating-prediction models: each learns, known answers, determinism, save/load.
final class RatingModelTests: XCTestCase {
    func testEveryModelBeatsTheGlobalMean() throws {
        let baseline = RatingModelTestData.globalMeanRMSE
        for model in try RatingModelTestData.models() {
            try model.fit(RatingModelTestData.split.train)
            let rmse = try model.evaluate(RatingModelTestData.split.test).rmse
            XCTAssertLessThan(rmse, baseline * 0.97, "\(model.name): RMSE \(rmse) vs the global mean's \(baseline)")
        }
    }

    func testPredictionsStayOnTheTrainingScale() throws {
        for model in try RatingModelTestData.models() {
            try model.fit(RatingModelTestData.split.train)
            let scale = try XCTUnwrap(model.ratingScale)
            XCTAssertEqual(scale, 1...5)
            let p = try model.predict(RatingModelTestData.split.test)
            XCTAssertTrue(p.allSatisfy { scale.contains($0) }, model.name)
        }
    }

    /// r_ui = 3 + a_u + b_i exactly, every pair observed, the offsets summing to 0: the
    /// undamped bias model recovers them, and so does ALS's bias part.
    func testBiasModelsRecoverPlantedBiases() throws {
        var rng = SeededGenerator(seed: 5)
        var a = (0..<30).map { _ in 0.5 * rng.nextNormal() }, b = (0..<20).map { _ in 0.5 * rng.nextNormal() }
        let ma = a.reduce(0, +) / 30, mb = b.reduce(0, +) / 20
        a = a.map { $0 - ma }; b = b.map { $0 - mb }
        let ratings = try RatingModelTestData.table(a.map { au in b.map { bi in 3 + au + bi } })
        let bias = try BiasBaseline(BiasBaseline.Configuration(userDamping: 0, itemDamping: 0))
        let als = try BiasedMF(.als(factors: 2, epochs: 3, damping: 0))
        for model in [bias, als] as [RatingModel] { try model.fit(ratings) }
        XCTAssertEqual(try XCTUnwrap(bias.globalMean), 3, accuracy: 1e-5)
        for (x, y) in zip(bias.userOffsets + bias.itemOffsets + als.userBiases + als.itemBiases, a + b + a + b) {
            XCTAssertEqual(x, y, accuracy: 1e-4)
        }
        XCTAssertEqual(try als.predict(user: 4, item: 7), 3 + a[4] + b[7], accuracy: 1e-3)
    }

    /// SGD learns biases and factors jointly: on noise-free biases it ends close to them.
    func testSGDApproachesPlantedBiases() throws {
        var rng = SeededGenerator(seed: 6)
        let a = (0..<40).map { _ in 0.5 * rng.nextNormal() }, b = (0..<25).map { _ in 0.5 * rng.nextNormal() }
        let ratings = try RatingModelTestData.table(a.map { au in b.map { bi in 3 + au + bi } })
        let sgd = try BiasedMF(.sgd(factors: 2, epochs: 60, learningRate: 0.02, regularization: 0.001, initStd: 0.01))
        try sgd.fit(ratings)
        let ma = a.reduce(0, +) / 40, mb = b.reduce(0, +) / 25
        // The mean of the planted offsets sits in μ; compare the centred offsets.
        for (x, y) in zip(sgd.userBiases, a) { XCTAssertEqual(x, y - ma, accuracy: 0.1) }
        for (x, y) in zip(sgd.itemBiases, b) { XCTAssertEqual(x, y - mb, accuracy: 0.1) }
        XCTAssertLessThan(try sgd.evaluate(ratings).rmse, 0.05)
    }

    func testItemKNNMatchesHandComputedPrediction() throws {
        // Item means 3.2, 3, 3, 3; the centred cosine of item 2 with items 0, 1, 3 is
        // 0.86066, 0.44721, −0.67082 (numpy on the same matrix). User 3 rated items 0 and 1
        // 1.2 and 2 below their means: 3 + (0.86066 · −1.2 + 0.44721 · −2) / (0.86066 + 0.44721).
        let ratings = try RatingModelTestData.table([[5, 4, 4, 1], [4, 3, 0, 2], [1, 2, 2, 4], [2, 1, 0, 5], [4, 5, 3, 0]])
        let knn = try ItemKNNRatings(), one = try ItemKNNRatings(ItemKNNRatings.Configuration(neighbours: 1))
        try knn.fit(ratings); try one.fit(ratings)
        for (j, s) in [0.86066297, 0.4472136, 0, -0.67082039].enumerated() {
            XCTAssertEqual(Double(knn.similarity(2, j)), s, accuracy: 1e-5)
        }
        XCTAssertEqual(Double(try knn.predict(user: 3, item: 2)), 1.52644905, accuracy: 1e-5)
        XCTAssertEqual(Double(try one.predict(user: 3, item: 2)), 1.8, accuracy: 1e-5)
    }

    /// The same matrix as above. Item 2 shares raters 0, 2, 4 with items 0 and 1 and raters
    /// 0, 2 with item 3. Norms over the co-rated users only give 4 / √(8.72 · 2) = 0.95783
    /// with item 0 (numpy on the same vectors); shrinkage 2 multiplies by (n − 1) / (n − 1 + 2):
    /// 1/2 for n = 3, 1/3 for n = 2.
    func testCoRatedNormsAndShrinkageMatchHandComputedSimilarities() throws {
        let ratings = try RatingModelTestData.table([[5, 4, 4, 1], [4, 3, 0, 2], [1, 2, 2, 4], [2, 1, 0, 5], [4, 5, 3, 0]])
        let expected: [(coRated: Bool, shrinkage: Float, sims: [Double])] = [
            (true, 0, [0.95782629, 0.57735027, 0, -0.9486833]),
            (false, 2, [0.43033148, 0.2236068, 0, -0.2236068]),
            (true, 2, [0.47891314, 0.28867513, 0, -0.31622777]),
        ]
        for (coRated, shrinkage, sims) in expected {
            let knn = try ItemKNNRatings(ItemKNNRatings.Configuration(neighbours: 20, coRatedNorms: coRated, shrinkage: shrinkage))
            try knn.fit(ratings)
            for (j, s) in sims.enumerated() {
                XCTAssertEqual(Double(knn.similarity(2, j)), s, accuracy: 1e-5, "coRated \(coRated), shrinkage \(shrinkage), item \(j)")
                XCTAssertEqual(knn.similarity(2, j), knn.similarity(j, 2), accuracy: 1e-6)
            }
            if coRated && shrinkage == 2 {
                // 3 + (0.47891 · −1.2 + 0.28868 · −2) / (0.47891 + 0.28868)
                XCTAssertEqual(Double(try knn.predict(user: 3, item: 2)), 1.49913544, accuracy: 1e-5)
            }
        }
        XCTAssertThrowsError(try ItemKNNRatings(ItemKNNRatings.Configuration(neighbours: 20, shrinkage: -1)))
    }

    func testUserKNNMatchesHandComputedPrediction() throws {
        // User means 3.25, 8/3, 3, 4, 3; the centred cosine of user 1 with users 0, 2, 3, 4 is
        // 0.82808, −0.90370, −0.28868, 0.28868. Item 2's positive-similarity raters are users
        // 0 (0.75 above their mean) and 4 (1 above): 8/3 + (0.82808 · 0.75 + 0.28868) / (0.82808 + 0.28868).
        let ratings = try RatingModelTestData.table([[5, 3, 4, 1], [4, 2, 0, 2], [1, 5, 2, 4], [0, 4, 3, 5], [3, 0, 4, 2]])
        let knn = try UserKNNRatings(), one = try UserKNNRatings(UserKNNRatings.Configuration(neighbours: 1))
        try knn.fit(ratings); try one.fit(ratings)
        for (v, s) in [0.82807867, 0, -0.90369611, -0.28867513, 0.28867513].enumerated() {
            XCTAssertEqual(Double(knn.similarity(1, v)), s, accuracy: 1e-5)
        }
        XCTAssertEqual(Double(try knn.predict(user: 1, item: 2)), 3.48129039, accuracy: 1e-5)
        XCTAssertEqual(Double(try one.predict(user: 1, item: 2)), 3.41666667, accuracy: 1e-5)
    }

    /// Baseline centring: the same neighbour arithmetic on r − (μ + b_u + b_i); with the
    /// biases of an undamped model the deviation is checked by hand on one pair.
    func testBaselineCentredKNNAddsTheNeighboursDeviationToTheBaseline() throws {
        let ratings = try RatingModelTestData.table([[5, 4, 4, 1], [4, 3, 0, 2], [1, 2, 2, 4], [2, 1, 0, 5], [4, 5, 3, 0]])
        let config = ItemKNNRatings.Configuration(neighbours: 1, minSimilarity: -2, damping: 0, centring: .baseline)
        let knn = try ItemKNNRatings(config), bias = try BiasBaseline(BiasBaseline.Configuration(userDamping: 0, itemDamping: 0))
        try knn.fit(ratings); try bias.fit(ratings)
        let mean = try XCTUnwrap(bias.globalMean)
        func baseline(_ u: Int, _ i: Int) -> Float { mean + bias.userOffsets[u] + bias.itemOffsets[i] }
        // User 3 rated items 0, 1, 3; with one neighbour, the item most similar to item 2 among them.
        let best = [0, 1, 3].max { knn.similarity(2, $0) < knn.similarity(2, $1) }!
        let rating: [Int: Float] = [0: 2, 1: 1, 3: 5]
        XCTAssertEqual(try knn.predict(user: 3, item: 2),
                       min(5, max(1, baseline(3, 2) + rating[best]! - baseline(3, best))), accuracy: 1e-5)
    }

    func testUnknownUsersAndItemsFallBackToTheBiases() throws {
        let ratings = try RatingModelTestData.table([[5, 3, 4, 1], [4, 2, 0, 2], [1, 5, 2, 4], [0, 4, 3, 5], [3, 0, 4, 2]])
        let bias = try BiasBaseline()
        try bias.fit(ratings)
        let mean = try XCTUnwrap(bias.globalMean)
        for model in try RatingModelTestData.models() {
            try model.fit(ratings)
            XCTAssertEqual(try model.predict(user: 99, item: 1), mean + bias.itemOffsets[1], accuracy: model is BiasedMF ? 0.5 : 1e-5, model.name)
            XCTAssertEqual(try model.predict(user: 2, item: -1), mean + bias.userOffsets[2], accuracy: model is BiasedMF ? 0.5 : 1e-5, model.name)
            XCTAssertEqual(try model.predict(user: 99, item: 99), mean, accuracy: 1e-5, model.name)
        }
    }

    func testSameSeedSameModelOtherSeedOtherModel() throws {
        let test = RatingModelTestData.split.test
        for make in [{ (s: UInt64) in try BiasedMF(.sgd(factors: 8, epochs: 5, seed: s)) },
                     { (s: UInt64) in try BiasedMF(.als(factors: 8, epochs: 3, seed: s)) }] {
            let a = try make(1), b = try make(1), c = try make(2)
            for m in [a, b, c] { try m.fit(RatingModelTestData.split.train) }
            XCTAssertEqual(try a.predict(test), try b.predict(test))
            XCTAssertNotEqual(try a.predict(test), try c.predict(test))
        }
    }

    func testSaveLoadRoundTrip() throws {
        let test = RatingModelTestData.split.test
        for (model, fresh) in zip(try RatingModelTestData.models(), try RatingModelTestData.models()) {
            try model.fit(RatingModelTestData.split.train)
            let url = ModelTestData.temporaryFile(self, "\(model.name).safetensors")
            try model.save(to: url)
            try fresh.load(from: url)
            XCTAssertEqual(try fresh.predict(test), try model.predict(test), model.name)
            XCTAssertEqual(fresh.ratingScale, model.ratingScale)
        }
        let url = ModelTestData.temporaryFile(self, "bias.safetensors")
        let bias = try BiasBaseline()
        try bias.fit(RatingModelTestData.split.train)
        try bias.save(to: url)
        XCTAssertThrowsError(try ItemKNNRatings().load(from: url)) { error in
            XCTAssertTrue("\(error)".contains("expected 'ItemKNNRatings'"), "\(error)")
        }
    }

    func testValidationKeepsTheBestEpochAndPatienceStops() throws {
        let split = RatingModelTestData.split
        // A high learning rate without regularisation overfits: validation RMSE turns up.
        let mf = try BiasedMF(.sgd(factors: 20, epochs: 40, learningRate: 0.03, regularization: 0))
        let history = try mf.fit(split.train, validation: split.test, options: FitOptions(patience: 3))
        let rmse = history["validation RMSE"]
        let best = try XCTUnwrap(history.bestEpoch)
        XCTAssertEqual(history.selectionMetric, "RMSE")
        XCTAssertEqual(rmse[best - 1], rmse.min())
        XCTAssertEqual(try mf.evaluate(split.test).rmse, rmse.min()!, accuracy: 1e-6)
        if case .earlyStopped(let e) = history.stopReason { XCTAssertEqual(e, best + 3) } else { XCTFail("\(history.stopReason)") }
        XCTAssertEqual(history["loss"].count, rmse.count)
    }

    func testProgressCancellationAndNaNGuard() throws {
        let train = RatingModelTestData.split.train
        var reports: [TrainingProgress] = []
        let token = CancellationToken()
        let options = FitOptions(progress: { p in reports.append(p); if p.epoch == 2 { token.cancel() } }, cancellation: token)
        let mf = try BiasedMF(.als(factors: 4, epochs: 10))
        let history = try mf.fit(train, validation: nil, options: options)
        XCTAssertEqual(history.stopReason, .cancelled(epoch: 3, batch: 1))
        XCTAssertEqual(reports.map(\.epoch), [1, 2])
        XCTAssertEqual(history.epochs.count, 2)

        let wild = try BiasedMF(.sgd(factors: 4, epochs: 5, learningRate: 50))
        XCTAssertThrowsError(try wild.fit(train)) { error in
            XCTAssertTrue("\(error)".contains("became"), "\(error)")
        }
    }

    func testBadHyperparametersAndUnfittedModelsAreNamed() throws {
        XCTAssertThrowsError(try BiasedMF(.sgd(factors: 0)))
        XCTAssertThrowsError(try BiasedMF(.als(regularization: 0)))
        XCTAssertThrowsError(try ItemKNNRatings(ItemKNNRatings.Configuration(neighbours: 0)))
        XCTAssertThrowsError(try BiasBaseline(BiasBaseline.Configuration(userDamping: -1)))
        XCTAssertThrowsError(try UserKNNRatings().predict(user: 0, item: 0)) { error in
            XCTAssertTrue("\(error)".contains("not fitted"), "\(error)")
        }
        XCTAssertThrowsError(try BiasBaseline().fit(RatingModelTestData.split.train.subset([])))
    }
}
