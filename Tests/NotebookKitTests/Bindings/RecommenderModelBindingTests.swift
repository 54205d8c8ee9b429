import RecommenderKit
import ScriptKit
import TensorKit
import XCTest
@testable import NotebookKit

/// Tiny seeded data for the model binding tests, handed to scripts through test-only
/// functions (`_train()`, `_trainMatrix()`, ...), and a session that has them.
enum ModelBindingData {
    static let data = try! SyntheticData.generate(SyntheticConfiguration(users: 40, items: 25, ratings: 500, minPerUser: 5,
                                                                         factors: 3, seed: 3))
    /// Explicit ratings, 80/20 per user.
    static let ratings = try! data.ratings.userRatioSplit([0.8, 0.2], seed: 1)
    /// Implicit positives (ratings >= 4), 80/20 per user.
    static let implicit = try! data.ratings.binarized(atLeast: 4).compacted().userRatioSplit([0.8, 0.2], seed: 1)
    static var trainMatrix: SparseMatrix { try! implicit.train.sparseMatrix(values: .ones) }
    static var task: RankingTask { try! RankingTask(history: implicit.train, relevant: implicit.test) }

    /// A session with the test data functions.
    static func session() -> Session {
        let session = Session()
        let r = session.interpreter.registry
        r.function("_train() -> Interactions", doc: "Test data.") { _ in ratings.train.scriptValue }
        r.function("_test() -> Interactions", doc: "Test data.") { _ in ratings.test.scriptValue }
        r.function("_implicitTrain() -> Interactions", doc: "Test data.") { _ in implicit.train.scriptValue }
        r.function("_trainMatrix() -> SparseMatrix", doc: "Test data.") { _ in trainMatrix.scriptValue }
        r.function("_task() -> RankingTask", doc: "Test data.") { _ in task.scriptValue }
        r.function("_ndcg10() -> [RankingMetric]", doc: "Test data.") { _ in [RankingMetric.ndcg(10)].scriptValue }
        r.function("_interrupt()", doc: "Requests an interrupt, as Ctrl-C does.") { [weak session] _ in
            session?.interpreter.requestInterrupt()
            return .void
        }
        r.function("_shape(_ t: Tensor) -> [Int]", doc: "Test helper (whichever box the Tensor rows use).") { a in
            guard let t = a[0].host(Tensor.self) else { throw BindingError("_shape: expected a Tensor box") }
            return t.shape.scriptValue
        }
        r.function("_tensor(_ rows: Int, _ columns: Int, _ values: [Double]) -> Tensor", doc: "Test data.") { a in
            try Tensor(shape: [a.int(0), a.int(1)], scalars: a.doubles(2).map { Float($0) }).scriptValue
        }
        return session
    }

    /// Runs `code` and returns what it printed, without progress summary lines (`Training
    /// MultVAE: ...`) unless `progress`; fails the test on an error.
    static func run(_ session: Session, _ code: String, progress: Bool = false,
                    file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = session.execute(code, origin: "cell")
        XCTAssertNil(r.error, "\(r.error.map { "\($0)" } ?? "")", file: file, line: line)
        let text = r.outputs.compactMap { if case .text(let t) = $0 { return t }; return nil }.joined()
        if progress { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Training ") && !$0.hasPrefix("t-SNE: ") && !$0.hasPrefix("Fetching ") }
            .joined(separator: "\n")
    }

    /// The error text of running `code` (empty when it succeeds).
    static func error(_ session: Session, _ code: String) -> String {
        session.execute(code, origin: "cell").error.map { "\($0)" } ?? ""
    }
}

final class RecommenderModelBindingTests: XCTestCase {
    func testRowsParseAndProtocolsAreTypes() {
        let session = Session()
        XCTAssertEqual(session.interpreter.registry.signatureErrors.map(\.description), [])
        for name in ["MultVAE", "MultVAE.Configuration", "Recommender", "RatingModel", "FitOptions", "TrainingHistory",
                     "TSNE.Configuration", "MovieLens", "DatasetFetcher", "ScoredItem", "NeighbourhoodConfiguration"] {
            XCTAssertNotNil(session.interpreter.registry.help(name), name)
        }
    }

    func testConfigurationValueSemanticsAndDefaults() {
        let session = Session()
        let out = ModelBindingData.run(session, """
            var c = MultVAE.Configuration(hidden: [8], latent: 4)
            var d = c
            d.epochs = 3
            d.hidden = [16, 8]
            c.dropout = 0.25
            print(c.epochs, d.epochs, c.hidden, d.hidden, c.dropout, d.dropout, c.seed, c.learningRate)
            let e = MultDAE.Configuration()
            print(e.l2, e.code, e.hidden)
            var t = TSNE.Configuration(method: .exact)
            t.initialization = .random
            print(t.perplexity, t.iterations, t.learningRate == nil)
            let n = NeighbourhoodConfiguration(neighbours: 7, centring: .raw)
            print(n.neighbours, n.minSimilarity, n.damping)
            print(MultVAE.Configuration() == MultVAE.Configuration(), c != d, ScoredItem(item: 1, score: 2) == ScoredItem(item: 1, score: 2), t.method == .exact)
            """)
        let swift = MultVAE.Configuration()
        XCTAssertEqual(out, """
            200 3 [8] [16, 8] 0.25 0.5 98765 \(swift.learningRate)
            \(MultDAE.Configuration().l2) 200 []
            30.0 1000 true
            7 \(NeighbourhoodConfiguration(neighbours: 7).minSimilarity) 5.0
            true true true true

            """)
        // The literal defaults give the Swift defaults exactly.
        XCTAssertEqual(MultDAE.Configuration().l2, Float(0.00002))
        XCTAssertEqual(NeighbourhoodConfiguration(neighbours: 1).minSimilarity, Float(0.000001))
        XCTAssertEqual(ModelBindingData.error(session, "let c = MultVAE.Configuration()\nc.epochs = 2").contains("'let' constant"), true)
        XCTAssertTrue(ModelBindingData.error(session, "var c = MultVAE.Configuration()\nc.epochs = 2.5").contains("cannot assign"))
    }

    func testMultVAEThroughScriptMatchesSwift() throws {
        let session = ModelBindingData.session()
        let out = ModelBindingData.run(session, """
            let m = try MultVAE(MultVAE.Configuration(hidden: [8], latent: 4, batchSize: 16, epochs: 2, seed: 5))
            let h = try m.fit(_trainMatrix())
            let r = try m.recommend(user: 0, count: 3)
            print(h.epochs.count, h.stopReason == StopReason.completed, m.itemCount, m.name)
            print(r.map { $0.item })
            print(r[0].score)
            let e = try m.evaluate(_task(), metrics: _ndcg10())
            let s = try m.scores(forUsers: [0, 1])
            let x: Recommender = m
            print(try x.recommend(user: 0, count: 3).map { $0.item })
            """)
        let m = try MultVAE(MultVAE.Configuration(hidden: [8], latent: 4, batchSize: 16, epochs: 2, seed: 5))
        try m.fit(ModelBindingData.trainMatrix)
        let r = try m.recommend(user: 0, count: 3)
        XCTAssertEqual(out, """
            2 true \(m.itemCount) \(m.name)
            \(r.map(\.item))
            \(r[0].score)
            \(r.map(\.item))

            """)
    }

    /// A notebook's cell as a user writes it, with the data side's rows: the same numbers
    /// as the same Swift code.
    func testEndToEndCellMatchesSwift() throws {
        let out = ModelBindingData.run(Session(), """
            let data = try SyntheticData.generate(SyntheticConfiguration(users: 40, items: 25, ratings: 500, minPerUser: 5, factors: 3, seed: 3))
            let split = try data.ratings.binarized(atLeast: 4).compacted().userRatioSplit([0.8, 0.2], seed: 1)
            let task = try RankingTask(history: split.train, relevant: split.test)
            let vae = try MultVAE(MultVAE.Configuration(hidden: [8], latent: 4, batchSize: 16, epochs: 3, seed: 5))
            let history = try vae.fit(split.train, validation: task, options: FitOptions(validationMetrics: [.ndcg(10)], patience: 1))
            print(history.epochs.count, history.bestEpoch ?? 0, history.bestValue ?? 0)
            """)
        let split = ModelBindingData.implicit
        let task = try RankingTask(history: split.train, relevant: split.test)
        let vae = try MultVAE(MultVAE.Configuration(hidden: [8], latent: 4, batchSize: 16, epochs: 3, seed: 5))
        let history = try vae.fit(split.train, validation: task, options: FitOptions(validationMetrics: [.ndcg(10)], patience: 1))
        XCTAssertEqual(out, "\(history.epochs.count) \(history.bestEpoch ?? 0) \(history.bestValue ?? 0)\n")
    }

    func testItemModelsFitOnInteractionsAndSaveLoad() throws {
        let session = ModelBindingData.session()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-ease.safetensors")
        addTeardownBlock { try? FileManager.default.removeItem(at: file) }
        let out = ModelBindingData.run(session, """
            let ease = try EASE(EASE.Configuration(l2: 50))
            try ease.fit(_implicitTrain())
            print(try ease.recommend(user: 1, count: 4).map { $0.item })
            try ease.save(to: URL(fileURLWithPath: "\(file.path)"))
            let back = try EASE()
            try back.load(from: URL(fileURLWithPath: "\(file.path)"))
            print(try back.recommend(history: _trainMatrix(), count: 4)[1].map { $0.item })
            let pop = Popularity()
            try pop.fit(_trainMatrix())
            print(try pop.recommend(user: 1, count: 4, excludingSeen: false).map { $0.item })
            let knn = try ItemKNN(ItemKNN.Configuration(neighbours: 10))
            try knn.fit(_trainMatrix())
            print(try knn.recommend(history: _trainMatrix(), count: 2)[3].map { $0.item })
            """)
        let ease = try EASE(EASE.Configuration(l2: 50))
        try ease.fit(ModelBindingData.implicit.train)
        let pop = Popularity()
        try pop.fit(ModelBindingData.trainMatrix)
        let knn = try ItemKNN(ItemKNN.Configuration(neighbours: 10))
        try knn.fit(ModelBindingData.trainMatrix)
        let e = try ease.recommend(user: 1, count: 4).map(\.item)
        XCTAssertEqual(out, """
            \(e)
            \(e)
            \(try pop.recommend(user: 1, count: 4, excludingSeen: false).map(\.item))
            \(try knn.recommend(history: ModelBindingData.trainMatrix, count: 2)[3].map(\.item))

            """)
    }

    /// Through a protocol-typed value, what Swift's protocol offers: RatingModel's `fit`
    /// requirement has no defaults, its `fit(_:)` extension is the short form.
    func testProtocolTypedValuesFollowTheProtocol() {
        let session = ModelBindingData.session()
        XCTAssertEqual(ModelBindingData.run(session, """
            let r: Recommender = Popularity()
            try r.fit(_implicitTrain())
            try r.fit(_trainMatrix(), validation: nil, options: FitOptions())
            let q: RatingModel = try BiasBaseline()
            try q.fit(_train())
            try q.fit(_train(), validation: _test(), options: FitOptions())
            print(r.itemCount, try q.predict(user: 0, item: 0) > 0)
            """), "25 true\n")
        XCTAssertFalse(ModelBindingData.error(session, "let q: RatingModel = try BiasBaseline()\ntry q.fit(_train(), validation: _test())").isEmpty)
    }

    func testErrorsAreThrownNotTrapped() {
        let session = ModelBindingData.session()
        let unfitted = ModelBindingData.error(session, "let m = try EASE()\nprint(try m.recommend(user: 0))")
        XCTAssertTrue(unfitted.contains("call fit first"), unfitted)
        XCTAssertTrue(ModelBindingData.error(session, "let m = try EASE()\ntry m.fit(_trainMatrix())\nprint(try m.recommend(user: 999))")
            .contains("outside"))
        let vae = ModelBindingData.error(session, "print(try MultVAE().recommend(user: 0))")
        XCTAssertTrue(vae.contains("call fit first"), vae)
        let pairs = ModelBindingData.error(session, "let m = try BiasBaseline()\ntry m.fit(_train())\nprint(try m.predict(users: [0, 1], items: [0]))")
        XCTAssertTrue(pairs.contains("users and items must have the same length, got 2 and 1"), pairs)
        // A model that is not a RatingModel is a type error.
        let wrong = ModelBindingData.error(session, "let m: RatingModel = Popularity()")
        XCTAssertTrue(wrong.contains("cannot convert") || wrong.contains("cannot assign"), wrong)
    }
}
