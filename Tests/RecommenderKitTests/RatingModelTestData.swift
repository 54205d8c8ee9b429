import XCTest
@testable import RecommenderKit
import TensorKit

/// Small seeded explicit-feedback data shared by the rating model tests: a synthetic
/// taste model (150 users x 80 items, 4,000 ratings), one 80/20 fold.
enum RatingModelTestData {
    static let split: TrainTestSplit = {
        let data = try! SyntheticData.generate(SyntheticConfiguration(users: 150, items: 80, ratings: 4000,
                                                                      minPerUser: 10, factors: 3, noise: 0.3, seed: 11))
        return try! data.ratings.kFold(5, seed: 3)[0]
    }()

    /// The RMSE of predicting the training mean for every test rating.
    static var globalMeanRMSE: Double {
        let mean = split.train.ratings.reduce(0, +) / Float(split.train.count)
        return try! RMSE.value(predictions: [Float](repeating: mean, count: split.test.count), targets: split.test.ratings)
    }

    /// A ratings table from a dense matrix (0 = not rated); users are rows.
    static func table(_ rows: [[Float]]) throws -> Interactions {
        var users: [Int32] = [], items: [Int32] = [], ratings: [Float] = []
        for (u, row) in rows.enumerated() {
            for (i, r) in row.enumerated() where r != 0 { users.append(Int32(u)); items.append(Int32(i)); ratings.append(r) }
        }
        return try Interactions(users: users, items: items, ratings: ratings,
                                userVocabulary: Vocabulary((0..<rows.count).map(String.init)),
                                itemVocabulary: Vocabulary((0..<rows[0].count).map(String.init)))
    }

    /// Small, fast configurations of every rating model.
    static func models(seed: UInt64 = 42) throws -> [RatingModel] {
        [try BiasBaseline(),
         try BiasedMF(.sgd(factors: 10, epochs: 30, learningRate: 0.01, regularization: 0.05, seed: seed)),
         try BiasedMF(.als(factors: 10, epochs: 8, regularization: 0.1, seed: seed)),
         try ItemKNNRatings(), try UserKNNRatings(),
         try ItemKNNRatings(ItemKNNRatings.Configuration(neighbours: 20, centring: .baseline)),
         try UserKNNRatings(UserKNNRatings.Configuration(neighbours: 30, centring: .baseline))]
    }
}
