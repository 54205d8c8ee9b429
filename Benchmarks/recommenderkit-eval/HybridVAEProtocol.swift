import Foundation
import RecommenderKit
import TensorKit

/// `recommenderkit-eval hybrid-vae`: seed 003's comparison on ML-100K. Clicks are ratings
/// >= 4 (the paper's > 3.5), users with >= 5 clicks; users are dealt into 3 folds (seed
/// 98765), each fold in turn the test users, 50 further users validation (the epoch with
/// the best validation NDCG@100 is kept), the rest training. Item embeddings (3-D) come
/// from a Movie-VAE trained on the item features alone (no user data): genres + release
/// decade, or those plus the Freebase knowledge-graph facts of RecBole's copy. Eval 1
/// feeds each test user's whole history and ranks all items against all of it; Eval 2
/// feeds 80% and ranks the items not fed against the other 20% (Liang's protocol).
/// Recall@k = hits / min(k, |relevant|). Prints the paper's Table 2 (Standard-VAE vs
/// Hybrid-VAEs) and Table 1 (flatten vs dense), mean ± std over the 3 folds. `only` picks
/// models by key: standard, random, genre, kg, kg-dense.
func runHybridVAE(epochs: Int, folds: Int, only: Set<String>?, dataRoot: URL?) throws {
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let clicks = data.ratings.binarized(atLeast: 4).filteredByMinCount(users: 5, items: 0, iterative: false)
    let splits = try clicks.userFolds(folds, validation: 50, foldIn: 0.8, seed: 98765)
    print("recommenderkit-eval hybrid-vae: ML-100K clicks (ratings >= 4, users with >= 5: \(clicks.activeUserCount) users, \(clicks.count) clicks), \(folds)-fold over users, 50 validation users, at most \(epochs) epochs (patience 20), \(ProcessInfo.processInfo.activeProcessorCount) cores")

    // Movie-VAE embeddings of every item, by raw id, for each feature set.
    var embeddingsByID: [String: [String: [Float]]] = [:]
    for (label, kg) in [("genre", false), ("genre+KG", true)] {
        let f = try ItemFeatureMatrix(data, items: clicks.itemVocabulary, knowledgeGraph: kg)
        let mvae = try MovieVAE()
        let start = Date()
        let history = try mvae.fit(f.values)
        let e = try mvae.embeddings(f.values)
        print("Movie-VAE on \(label) features: \(f.names.count) binary features (\(f.itemsWithGraphFeatures) items with graph facts), "
              + String(format: "final loss %.2f (nll %.2f, kl %.2f), %.1f s", history["loss"].last ?? .nan,
                       history["nll"].last ?? .nan, history["kl"].last ?? .nan, Date().timeIntervalSince(start)))
        var table: [String: [Float]] = [:]
        let v = e.scalars, d = e.shape[1]
        for (k, id) in clicks.itemVocabulary.ids.enumerated() { table[id] = Array(v[(k * d)..<((k + 1) * d)]) }
        embeddingsByID[label] = table
    }

    func embeddings(_ label: String, _ items: Vocabulary, seed: UInt64) throws -> Tensor {
        if label == "random" {
            var rng = SeededGenerator(seed: seed &+ 1000)
            return try Tensor.normal([items.count, 3], generator: &rng)
        }
        let table = embeddingsByID[label]!
        return try Tensor(shape: [items.count, 3], scalars: items.ids.flatMap { table[$0] ?? [0, 0, 0] })
    }
    typealias Make = (HeldOutUsersSplit, UInt64) throws -> Recommender
    let anneal = 10 * epochs   // β reaches its 0.2 cap at the last epoch (2 batches per epoch)
    func hybrid(_ label: String, _ approach: HybridVAE.Approach) -> Make {
        { split, seed in
            try HybridVAE(embeddings: try embeddings(label, split.train.itemVocabulary, seed: seed), configuration: .init(
                approach: approach, totalAnnealSteps: anneal, epochs: epochs, seed: seed))
        }
    }
    let keys = ["Standard-VAE": "standard", "H-VAE (random)": "random", "H-VAE (genre)": "genre",
                "H-VAE (genre+KG)": "kg", "H-VAE (genre+KG, dense)": "kg-dense"]
    let all: [(String, Make)] = [
        ("Standard-VAE", { _, seed in try MultVAE(MultVAE.Configuration(totalAnnealSteps: anneal, epochs: epochs, seed: seed)) }),
        ("H-VAE (random)", hybrid("random", .flatten)),
        ("H-VAE (genre)", hybrid("genre", .flatten)),
        ("H-VAE (genre+KG)", hybrid("genre+KG", .flatten)),
        ("H-VAE (genre+KG, dense)", hybrid("genre+KG", .dense)),
    ]
    let models = all.filter { only?.contains(keys[$0.0]!) ?? true }
    let metrics: [RankingMetric] = [.ndcg(100), .normalizedRecall(20), .normalizedRecall(50)]
    let rows = ["Eval 1 : NDCG@100", "Eval 1 : Recall@20", "Eval 1 : Recall@50",
                "Eval 2 : NDCG@100", "Eval 2 : Recall@20", "Eval 2 : Recall@50"]
    var results: [String: [[Double]]] = [:]   // model -> row -> per-fold values
    var seconds: [String: Double] = [:]
    for (f, split) in splits.enumerated() {
        let eval2 = try RankingTask(split.test)
        let whole = try split.test.foldIn.appending(split.test.holdOut)
        let lists = whole.itemsByUser()
        let eval1 = try RankingTask(users: split.test.users, history: try whole.sparseMatrix(values: .ones, duplicates: .last).rows(split.test.users),
                                    relevant: ItemLists(split.test.users.map { lists[$0] }),
                                    excluded: ItemLists(split.test.users.map { _ in [] }))
        let validation = try RankingTask(split.validation)
        for (name, make) in models {
            let model = try make(split, UInt64(f + 1))
            let start = Date()
            try model.fit(split.train, validation: validation, options: FitOptions(validationMetrics: [.ndcg(100)], patience: 20))
            seconds[name, default: 0] += Date().timeIntervalSince(start)
            let values = try model.evaluate(eval1, metrics: metrics).summaries.map(\.mean)
                + model.evaluate(eval2, metrics: metrics).summaries.map(\.mean)
            var r = results[name] ?? Array(repeating: [], count: rows.count)
            for (k, v) in values.enumerated() { r[k].append(v) }
            results[name] = r
        }
        print("fold \(f + 1): \(split.trainUsers.count) training, \(split.validation.users.count) validation, \(split.test.users.count) test users, \(split.itemCount) items")
    }
    func table(_ title: String, _ names: [String]) {
        let names = names.filter { results[$0] != nil }
        guard !names.isEmpty else { return }
        print("\n" + title)
        print(pad("measure", 20) + names.map { pad($0, 25) }.joined())
        for (k, row) in rows.enumerated() {
            print(pad(row, 20) + names.map { pad(formatMeanStd(results[$0]![k]), 25) }.joined())
        }
        print(pad("fit s (per fold)", 20) + names.map { pad(String(format: "%.1f", seconds[$0]! / Double(folds)), 25) }.joined())
    }
    table("Table 2: Standard-VAE vs Hybrid-VAE with different embeddings (flatten approach)",
          ["Standard-VAE", "H-VAE (random)", "H-VAE (genre)", "H-VAE (genre+KG)"])
    table("Table 1: handling the embedding block (genre+KG embeddings)", ["H-VAE (genre+KG)", "H-VAE (genre+KG, dense)"])
}
