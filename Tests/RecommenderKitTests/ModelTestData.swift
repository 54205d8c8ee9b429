import XCTest
@testable import RecommenderKit
import TensorKit

/// Small seeded implicit-feedback data shared by the model tests: a synthetic taste model
/// (300 users x 120 items), ratings >= 4 as positives, split per user 80/10/10.
enum ModelTestData {
    static let split: TrainTestSplit = {
        let data = try! SyntheticData.generate(SyntheticConfiguration(users: 300, items: 120, ratings: 9000,
                                                                      minPerUser: 10, factors: 4, seed: 7))
        return try! data.ratings.binarized(atLeast: 4).compacted().userRatioSplit([0.8, 0.1, 0.1], seed: 1)
    }()
    static var validation: RankingTask { try! RankingTask(history: split.train, relevant: split.validation!) }
    static var test: RankingTask { try! RankingTask(history: split.train, relevant: split.test, excluding: [split.validation!]) }

    /// A small, fast Mult-VAE configuration.
    static func vae(epochs: Int = 40, seed: UInt64 = 1, learningRate: Float = 3e-3) -> MultVAE.Configuration {
        MultVAE.Configuration(hidden: [32], latent: 16, totalAnnealSteps: 200, learningRate: learningRate,
                              batchSize: 64, epochs: epochs, seed: seed)
    }

    /// A small, fast Mult-DAE configuration.
    static func dae(epochs: Int = 40, seed: UInt64 = 1) -> MultDAE.Configuration {
        MultDAE.Configuration(code: 32, learningRate: 3e-3, batchSize: 64, epochs: epochs, seed: seed)
    }

    /// NDCG@10 of a fitted model on the test task.
    static func ndcg(_ model: Recommender) throws -> Double {
        try model.evaluate(test, metrics: [.ndcg(10)]).summaries[0].mean
    }

    /// A temporary file URL removed at the end of the test.
    static func temporaryFile(_ test: XCTestCase, _ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)")
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
