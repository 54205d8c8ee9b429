import RecommenderKit
import ScriptKit
import TensorKit
import XCTest
@testable import NotebookKit

/// The rating models through the interpreter, checked against the same Swift calls.
final class RecommenderModelRatingTests: XCTestCase {
    func testBiasAndFactorModelsMatchSwift() throws {
        let session = ModelBindingData.session()
        let out = ModelBindingData.run(session, """
            let base = try BiasBaseline(BiasBaseline.Configuration(userDamping: 2))
            try base.fit(_train())
            print(try base.predict(users: [0, 1, 2], items: [3, 4, 5]))
            print(try base.predict(user: 1, item: 2), base.globalMean ?? 0)
            var c = BiasedMF.Configuration.sgd(factors: 4, epochs: 2, seed: 3)
            c.learningRate = 0.01
            let mf = try BiasedMF(c)
            let h = try mf.fit(_train(), validation: _test())
            print(h.epochs.count, try mf.predict(users: [0, 1], items: [2, 3]))
            let als = try BiasedMF(BiasedMF.Configuration.als(factors: 3, epochs: 2))
            try als.fit(_train())
            print(try als.evaluate(_test()).rmse)
            let svd = try SVDpp(SVDpp.Configuration(factors: 3, epochs: 2))
            try svd.fit(_train())
            print(try svd.predict(_test())[0])
            let r: RatingModel = svd
            print(r.name, try r.predict(user: 0, item: 1) == (try svd.predict(user: 0, item: 1)))
            """)
        let d = ModelBindingData.ratings
        let base = try BiasBaseline(BiasBaseline.Configuration(userDamping: 2))
        try base.fit(d.train)
        var c = BiasedMF.Configuration.sgd(factors: 4, epochs: 2, seed: 3)
        c.learningRate = 0.01
        let mf = try BiasedMF(c)
        let h = try mf.fit(d.train, validation: d.test)
        let als = try BiasedMF(.als(factors: 3, epochs: 2))
        try als.fit(d.train)
        let svd = try SVDpp(SVDpp.Configuration(factors: 3, epochs: 2))
        try svd.fit(d.train)
        XCTAssertEqual(out, """
            \(try base.predict(users: [0, 1, 2], items: [3, 4, 5]))
            \(try base.predict(user: 1, item: 2)) \(base.globalMean ?? 0)
            \(h.epochs.count) \(try mf.predict(users: [0, 1], items: [2, 3]))
            \(try als.evaluate(d.test).rmse)
            \(try svd.predict(d.test)[0])
            SVD++ true

            """)
    }

    func testNeighbourhoodKnowledgeAndHybridMatchSwift() throws {
        let session = ModelBindingData.session()
        let out = ModelBindingData.run(session, """
            let user = try UserKNNRatings(NeighbourhoodConfiguration(neighbours: 5, centring: .raw))
            try user.fit(_train())
            let item = try ItemKNNRatings()
            try item.fit(_train())
            print(try user.predict(users: [0, 1], items: [2, 3]), try item.predict(users: [0, 1], items: [2, 3]))
            print(user.similarity(0, 1), user.configuration.neighbours, item.configuration.neighbours)
            let cf = try UserNeighbourhoodCF(neighbours: 4)
            try cf.fit(_train())
            let hood = cf.neighbourhood(of: 0)
            print(hood.count, hood[0].user, cf.neighbourhood(of: 999).count)
            let kb = try KnowledgeBasedRatings(features: _tensor(25, 2, (0..<50).map { Double($0 % 7) }))
            let hybrid = try HybridRatings(collaborative: cf, knowledge: kb, alpha: 0.5)
            try hybrid.fit(_train())
            print(try hybrid.predict(user: 2, item: 3), kb.profile(user: 0).count, kb.profile(user: -1).count)
            try hybrid.setAlpha(0.7)
            let sweep = try hybrid.alphaSweep(train: _train(), test: _test(), alphas: [0, 1], k: 5)
            print(hybrid.alpha, sweep.count, sweep[1].alpha)
            """)
        let d = ModelBindingData.ratings
        let user = try UserKNNRatings(NeighbourhoodConfiguration(neighbours: 5, centring: .raw))
        try user.fit(d.train)
        let item = try ItemKNNRatings()
        try item.fit(d.train)
        let cf = try UserNeighbourhoodCF(neighbours: 4)
        try cf.fit(d.train)
        let features = try Tensor(shape: [25, 2], scalars: (0..<50).map { Float($0 % 7) })
        let kb = try KnowledgeBasedRatings(features: features)
        let hybrid = try HybridRatings(collaborative: cf, knowledge: kb, alpha: 0.5)
        try hybrid.fit(d.train)
        XCTAssertEqual(out, """
            \(try user.predict(users: [0, 1], items: [2, 3])) \(try item.predict(users: [0, 1], items: [2, 3]))
            \(user.similarity(0, 1)) 5 20
            \(cf.neighbourhood(of: 0).count) \(cf.neighbourhood(of: 0)[0].user) 0
            \(try hybrid.predict(user: 2, item: 3)) 2 0
            0.7 2 1.0

            """)
    }

    func testNeuralRatingModelsTrainAndPredict() throws {
        let session = ModelBindingData.session()
        let out = ModelBindingData.run(session, """
            let vae = try RatingVAE(RatingVAE.Configuration(hidden: [8], latent: 2, batchSize: 8, epochs: 1, minUserRatings: 1))
            try vae.fit(_train())
            print(try vae.predictedRatings(users: [0]).count)
            let f = try RecommenderNetFeatures(userZipCode: Array(repeating: 0, count: 40), userOccupation: (0..<40).map { $0 % 3 },
                userGender: (0..<40).map { $0 % 2 }, userAge: Array(repeating: 0, count: 40), itemYear: (0..<25).map { $0 % 4 },
                itemGenres: Array(repeating: 1, count: 25), genreCount: 1)
            let net = try RecommenderNet(features: f, configuration: RecommenderNet.Configuration(embeddingSize: 4, hidden: [8], batchSize: 32, epochs: 1))
            try net.fit(_train())
            print(try net.recommend(user: 0, count: 3, excluding: [0, 1]).count, f.genderCount, f.userCount)
            var bad = f
            bad.genderCount = 1
            """)
        XCTAssertEqual(out, "25\n3 2 40\n")
        let bad = ModelBindingData.error(session, "var g = f\ng.genderCount = 1\nlet n = try RecommenderNet(features: g)")
        XCTAssertTrue(bad.contains("features.genderCount must be at least 2"), bad)
    }
}
