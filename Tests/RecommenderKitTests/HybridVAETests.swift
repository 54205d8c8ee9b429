import XCTest
@testable import RecommenderKit
import TensorKit

/// Movie-VAE, Hybrid-VAE, the item feature matrix and the user folds.
final class HybridVAETests: XCTestCase {
    /// Three items: genres, years, and a knowledge graph where items 1 and 2 share an actor.
    func tinyDataset() throws -> Dataset {
        let ratings = try RatingModelTestData.table([[5, 4, 1]])
        let items = try ItemMetadata(ids: ["0", "1", "2"], titles: ["a", "b", "c"], years: [1995, 1987, nil],
                                     genres: [[1], [1, 2], []], genreNames: ["x", "y", "z"])
        var d = Dataset(name: "tiny", ratings: ratings, items: items)
        d.tables["kg"] = TextTable(columns: ["head_id", "relation_id", "tail_id"], rows: [
            ["m0", "film.film.actor", "a1"], ["m1", "film.film.actor", "a1"], ["m2", "film.film.actor", "a2"],
            ["p9", "film.producer.film", "m0"]])
        d.tables["link"] = TextTable(columns: ["item_id", "entity_id"], rows: [["0", "m0"], ["1", "m1"], ["2", "m2"]])
        return d
    }

    func testItemFeatureMatrixHandComputed() throws {
        let d = try tinyDataset()
        let f = try ItemFeatureMatrix(d, items: d.ratings.itemVocabulary, minItemsPerFact: 2)
        XCTAssertEqual(f.names, ["genre:x", "genre:y", "genre:z", "decade:1980", "decade:1990", "film.film.actor:a1"])
        XCTAssertEqual(f.values.scalars, [0, 1, 0, 0, 1, 1,
                                          0, 1, 1, 1, 0, 1,
                                          0, 0, 0, 0, 0, 0])
        XCTAssertEqual(f.itemsWithGraphFeatures, 2)
        let noGraph = try ItemFeatureMatrix(Dataset(name: "bare", ratings: d.ratings, items: d.items), items: d.ratings.itemVocabulary,
                                            knowledgeGraph: false)
        XCTAssertEqual(noGraph.values.shape, [3, 5])
        XCTAssertThrowsError(try ItemFeatureMatrix(Dataset(name: "bare", ratings: d.ratings, items: d.items), items: d.ratings.itemVocabulary)) {
            XCTAssertTrue("\($0)".contains("knowledge graph"), "\($0)")
        }
    }

    /// Two groups of items with disjoint feature patterns (plus noise) end up apart in the
    /// 3-D code space.
    func clusteredFeatures() throws -> (Tensor, [Int]) {
        var rng = SeededGenerator(seed: 3)
        var v = [Float](), group = [Int]()
        for i in 0..<80 {
            let g = i % 2
            group.append(g)
            for j in 0..<20 { v.append((j < 10) == (g == 0) ? (rng.nextUniform() < 0.9 ? 1 : 0) : (rng.nextUniform() < 0.05 ? 1 : 0)) }
        }
        return (try Tensor(shape: [80, 20], scalars: v), group)
    }

    func testMovieVAESeparatesGroupsRepeatsAndRoundTrips() throws {
        let (x, group) = try clusteredFeatures()
        let config = MovieVAE.Configuration(hidden: [16], learningRate: 1e-2, batchSize: 16, epochs: 30)
        let a = try MovieVAE(config), b = try MovieVAE(config)
        let history = try a.fit(x)
        try b.fit(x)
        XCTAssertLessThan(history["loss"].last!, history["loss"].first! * 0.7)
        let e = try a.embeddings(x)
        XCTAssertEqual(e.shape, [80, 3])
        XCTAssertEqual(e, try b.embeddings(x))
        let rows = (0..<80).map { Array(e.scalars[($0 * 3)..<($0 * 3 + 3)]) }
        func dist(_ p: [Float], _ q: [Float]) -> Float { zip(p, q).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() }
        var within: [Float] = [], between: [Float] = []
        for i in 0..<80 {
            for j in (i + 1)..<80 {
                if group[i] == group[j] { within.append(dist(rows[i], rows[j])) } else { between.append(dist(rows[i], rows[j])) }
            }
        }
        let w = within.reduce(0, +) / Float(within.count), bt = between.reduce(0, +) / Float(between.count)
        XCTAssertGreaterThan(bt, 2 * w, "between-group distance \(bt) vs within \(w)")

        let url = ModelTestData.temporaryFile(self, "mvae.safetensors")
        try a.save(to: url)
        let c = try MovieVAE(config)
        XCTAssertThrowsError(try c.embeddings(x)) { XCTAssertTrue("\($0)".contains("not fitted")) }
        try c.load(from: url)
        XCTAssertEqual(try c.embeddings(x), e)
        XCTAssertThrowsError(try a.embeddings(try Tensor.ones([2, 7])))
        XCTAssertThrowsError(try MovieVAE().fit(try Tensor.full([4, 3], value: 2))) { XCTAssertTrue("\($0)".contains("[0, 1]")) }
    }

    /// The merged first layer equals the paper's explicit construction: x'_u built as an
    /// n·d vector (flatten) or n values through Dense(d → 1) (dense), times the weight.
    func testMergedFirstLayerEqualsTheExplicitBlock() throws {
        var rng = SeededGenerator(seed: 9)
        let n = 5, d = 3, h = 4
        let e = try Tensor.normal([n, d], generator: &rng)
        let x = try SparseMatrix(rows: 2, columns: n, entries: [(0, 1, 0.6), (0, 3, 0.8), (1, 0, 1)])
        for approach in [HybridVAE.Approach.flatten, .dense] {
            let net = try HybridVAENetwork(embeddings: e, approach: approach, hidden: [h], latent: 2, seed: 1)
            if let r = net.reduce { r.bias!.value = Tensor([0.3]) }
            let first = net.autoencoder.encoder[0]
            first.bias!.value = try Tensor.normal([h], generator: &rng)
            let dense = x.toDense().scalars, es = e.scalars
            var input = [Float]()
            for r in 0..<2 {
                for i in 0..<n {
                    let v = dense[r * n + i]
                    switch approach {
                    case .flatten: for k in 0..<d { input.append(v * es[i * d + k]) }
                    case .dense:
                        let w = net.reduce!.weight.value.scalars
                        input.append(v * (0..<d).map { es[i * d + $0] * w[$0] }.reduce(0, +) + 0.3)
                    }
                }
            }
            let explicit = try Tensor(shape: [2, input.count / 2], scalars: input)
            let expected = try first(explicit)
            for (a, b) in zip(try net.firstLayer(x).scalars, expected.scalars) { XCTAssertEqual(a, b, accuracy: 1e-5, "\(approach)") }
        }
    }

    func testHybridVAELearnsRepeatsAndRoundTrips() throws {
        let n = ModelTestData.split.train.itemCount
        var rng = SeededGenerator(seed: 4)
        let e = try Tensor.normal([n, 3], generator: &rng)
        func make(_ approach: HybridVAE.Approach, seed: UInt64 = 1) throws -> HybridVAE {
            try HybridVAE(embeddings: e, configuration: .init(approach: approach, hidden: [32], latent: 16, totalAnnealSteps: 200,
                                                              learningRate: 3e-3, batchSize: 64, epochs: 15, seed: seed))
        }
        let pop = Popularity()
        try pop.fit(ModelTestData.split.train)
        let baseline = try ModelTestData.ndcg(pop)
        for approach in [HybridVAE.Approach.flatten, .dense] {
            let a = try make(approach), b = try make(approach)
            try a.fit(ModelTestData.split.train, validation: ModelTestData.validation)
            try b.fit(ModelTestData.split.train, validation: ModelTestData.validation)
            XCTAssertGreaterThan(try ModelTestData.ndcg(a), baseline * 1.1, "\(a.name)")
            XCTAssertEqual(try a.scores(forUsers: [0, 4]), try b.scores(forUsers: [0, 4]))
            XCTAssertNotEqual(a.embeddings, e, "the embeddings are trained")
            let url = ModelTestData.temporaryFile(self, "hvae.safetensors")
            try a.save(to: url)
            let c = try make(approach)
            try c.load(from: url)
            XCTAssertEqual(try c.scores(history: ModelTestData.test.history), try a.scores(history: ModelTestData.test.history))
            XCTAssertEqual(try a.userCodes(history: ModelTestData.test.history).shape, [ModelTestData.test.userCount, 16])
        }
        let frozen = try HybridVAE(embeddings: e, configuration: .init(trainEmbeddings: false, hidden: [8], latent: 4, epochs: 2))
        try frozen.fit(ModelTestData.split.train)
        XCTAssertEqual(frozen.embeddings, e)
        XCTAssertThrowsError(try HybridVAE(embeddings: try Tensor.ones([3]))) { XCTAssertTrue("\($0)".contains("[items, d]")) }
        XCTAssertThrowsError(try HybridVAE(embeddings: try Tensor.ones([n + 1, 3]), configuration: .init(epochs: 1))
            .fit(ModelTestData.split.train)) { XCTAssertTrue("\($0)".contains("embeddings")) }
    }

    func testUserFoldsPartitionTheUsers() throws {
        let clicks = try SyntheticData.generate(SyntheticConfiguration(users: 60, items: 40, ratings: 1200, minPerUser: 8, seed: 2))
            .ratings.binarized(atLeast: 4)
        let folds = try clicks.userFolds(3, validation: 5, seed: 1)
        XCTAssertEqual(folds.count, 3)
        let active = Set(clicks.countsPerUser().enumerated().filter { $0.element > 0 }.map(\.offset))
        var tested = [Int]()
        for s in folds {
            let test = Set(s.test.users), valid = Set(s.validation.users), train = Set(s.trainUsers)
            XCTAssertEqual(valid.count, 5)
            XCTAssertTrue(test.isDisjoint(with: valid) && test.isDisjoint(with: train) && valid.isDisjoint(with: train))
            XCTAssertEqual(test.union(valid).union(train), active)
            tested += s.test.users
        }
        XCTAssertEqual(tested.count, active.count)
        XCTAssertEqual(Set(tested), active)
        XCTAssertThrowsError(try clicks.userFolds(1, validation: 0, seed: 1))
        XCTAssertThrowsError(try clicks.userFolds(3, validation: 1000, seed: 1))
    }
}
