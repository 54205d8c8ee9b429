import Foundation
import RecommenderKit

/// The course report's protocol (seed report 000): ML-100K users with at least 20 ratings,
/// a per-user random 80/20 split (seeded), RMSE and MAE on the held-out ratings, and
/// Precision/Recall/F1@10 of top-10 lists with a held-out rating >= 4 relevant. Prints one
/// table for the rating VAE (both BCE readings), user-based CF, the knowledge-based model
/// and the hybrid (alpha 0.6), with reference rows, then the hybrid's alpha sweep.
///
/// The VAEs' epoch count is chosen without the test ratings: each user's training ratings
/// are split 90/10 again, the VAE trains on the 90% for up to `maxEpochs` epochs keeping
/// the epoch of lowest validation RMSE (patience 8, the report's), and is then refitted on
/// all training ratings for that many epochs.
func runCourse(seeds: Int, maxEpochs: Int, knowledgeGraph: Bool, skipVAE: Bool, dataRoot: URL?) throws {
    var data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    data.ratings = data.ratings.filteredByMinCount(users: 20, iterative: false)
    let genres = try ItemFeatures.genres(data)
    let kg = knowledgeGraph ? try ItemFeatures.knowledgeGraph(data, minItems: 2) : nil
    print("recommenderkit-eval course: ML-100K, \(data.ratings.count) ratings of \(data.ratings.userCount) users with >= 20 ratings, "
          + "per-user 80/20 split, seeds 1...\(seeds); relevant = held-out rating >= 4; \(ProcessInfo.processInfo.activeProcessorCount) cores")
    print("item features: \(genres.shape[1]) genres" + (kg.map { ", \($0.features.shape[1]) knowledge-graph facts shared by >= 2 items" } ?? ""))

    typealias Factory = (UInt64) throws -> RatingModel
    let userCF: Factory = { _ in try UserKNNRatings(.init(neighbours: 30, centring: .raw)) }
    let neighbourhoodCF: Factory = { _ in try UserNeighbourhoodCF(neighbours: 30) }
    let kb: Factory = { _ in try KnowledgeBasedRatings(features: genres) }
    // The third element: the VAE's BCE reading when its epoch count is chosen on validation.
    var rows: [(String, Factory, RatingVAE.Reconstruction?)] = [
        ("RatingVAE (BCE all cells)", { _ in try RatingVAE() }, .allCells),
        ("RatingVAE (BCE rated cells)", { _ in try RatingVAE() }, .ratedCells),
        ("RatingVAE (all cells, 10 ep.)", { seed in try RatingVAE(.init(reconstruction: .allCells, epochs: 10, seed: seed)) }, nil),
        ("UserCF-item (cosine, k=30)", userCF, nil),
        ("UserCF-top-k (k=30, 0 = unrated)", neighbourhoodCF, nil),
        ("KnowledgeBased (genres)", kb, nil),
        ("Hybrid (UserCF-item, 0.6)", { seed in try HybridRatings(collaborative: try userCF(seed), knowledge: try kb(seed), alpha: 0.6) }, nil),
        ("Hybrid (UserCF-top-k, 0.6)", { seed in try HybridRatings(collaborative: try neighbourhoodCF(seed), knowledge: try kb(seed), alpha: 0.6) }, nil),
    ]
    if let kg {
        let both = try ItemFeatures.concatenate([genres, kg.features])
        rows.append(("KnowledgeBased (genres+KG)", { _ in try KnowledgeBasedRatings(features: both) }, nil))
    }
    if skipVAE { rows.removeAll { $0.0.hasPrefix("RatingVAE") } }
    rows += [
        ("ref: UserKNN (mean-centred)", { _ in try UserKNNRatings(.init(neighbours: 30)) }, nil),
        ("ref: Bias (damped)", { _ in try BiasBaseline() }, nil),
        ("ref: BiasedMF-ALS", { _ in try BiasedMF(.als()) }, nil),
    ]

    let splits = try (1...seeds).map { try data.ratings.userRatioSplit([0.8, 0.2], seed: UInt64($0)) }
    print("\n" + pad("model", 34) + ["RMSE", "MAE", "Precision@10", "Recall@10", "F1@10"].map { pad($0, 18) }.joined() + pad("fit s", 7) + "epochs")
    for (name, make, vae) in rows {
        var values = [[Double]](repeating: [], count: 5)
        var seconds = 0.0, epochs: [Int] = []
        for (s, split) in splits.enumerated() {
            let seed = UInt64(s + 1)
            let start = Date()
            let model: RatingModel
            if let vae {
                let best = try vaeEpochs(vae, split.train, seed: seed, maxEpochs: maxEpochs)
                epochs.append(best)
                model = try RatingVAE(.init(reconstruction: vae, epochs: best, seed: seed))
            } else {
                model = try make(seed)
            }
            try model.fit(split.train)
            seconds += Date().timeIntervalSince(start)
            let r = try model.evaluateCourse(train: split.train, test: split.test, k: 10, relevantAtLeast: 4)
            for (m, v) in [r.rmse, r.mae, r.precision, r.recall, r.f1].enumerated() { values[m].append(v) }
        }
        print(pad(name, 34) + values.map { pad(formatMeanStd($0), 18) }.joined()
              + pad(String(format: "%.1f", seconds / Double(seeds)), 7) + (epochs.isEmpty ? "-" : epochs.map(String.init).joined(separator: ",")))
    }

    for (label, cf) in [("UserCF-item", userCF), ("UserCF-top-k", neighbourhoodCF)] {
        print("\nHybrid alpha sweep: alpha x \(label) + (1 - alpha) x KnowledgeBased (genres), mean over seeds")
        print(pad("alpha", 8) + ["RMSE", "MAE", "Precision@10", "Recall@10", "F1@10"].map { pad($0, 14) }.joined())
        var sweep: [[[Double]]] = []
        for (s, split) in splits.enumerated() {
            let hybrid = try HybridRatings(collaborative: try cf(UInt64(s + 1)), knowledge: try kb(UInt64(s + 1)))
            try hybrid.fit(split.train)
            sweep.append(try hybrid.alphaSweep(train: split.train, test: split.test).map { p in
                [Double(p.alpha), p.result.rmse, p.result.mae, p.result.precision, p.result.recall, p.result.f1]
            })
        }
        for a in sweep[0].indices {
            let cells = (1..<6).map { m in sweep.map { $0[a][m] }.reduce(0, +) / Double(seeds) }
            print(pad(String(format: "%.1f", sweep[0][a][0]), 8) + cells.map { pad(String(format: "%.4f", $0), 14) }.joined())
        }
    }
}

/// The epoch count for a VAE: trained on 90% of each user's training ratings with the other
/// 10% as validation (lowest RMSE kept, patience 8), the best epoch.
func vaeEpochs(_ reconstruction: RatingVAE.Reconstruction, _ train: Interactions, seed: UInt64, maxEpochs: Int) throws -> Int {
    let inner = try train.userRatioSplit([0.9, 0.1], seed: seed &+ 1000)
    let vae = try RatingVAE(.init(reconstruction: reconstruction, epochs: maxEpochs, seed: seed))
    let history = try vae.fit(inner.train, validation: inner.test, options: FitOptions(patience: 8))
    return history.bestEpoch ?? maxEpochs
}
