import Foundation
import RecommenderKit

/// `recommenderkit-eval recnet`: RecommenderNet (seed 004's network) with and without id
/// embeddings on random 80/20 splits of ML-100K's ratings, one per seed. The epoch is
/// chosen on 10% of the training part (early stopping, patience 3); the table gives test
/// RMSE and MAE (mean ± std over seeds), the RMSE on the training rows, and the RMSE over
/// all 100,000 ratings, which is what the report's "Calculate RMSE for all dataset" menu
/// entry computes (training rows included), beside biased MF and the bias baseline on the
/// same splits, and the validation RMSE of the chosen epoch (what settings are compared
/// on; closed-form references have one "epoch"). Ends with the top 5 of user 567 (the report's example) from the last seed.
/// `configuration` (its `useIDs` ignored) is used for both RecommenderNet rows; `idsOnly`
/// runs the row with ids alone (for trying settings).
func runRecommenderNet(seeds: Int, configuration: RecommenderNet.Configuration, idsOnly: Bool, dataRoot: URL?) throws {
    let epochs = configuration.epochs
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let features = try RecommenderNetFeatures(data, for: data.ratings)
    print("recommenderkit-eval recnet: ML-100K, random 80/20 splits (seeds 1...\(seeds)), epoch chosen on 10% of the training part (patience 3, at most \(epochs) epochs), \(ProcessInfo.processInfo.activeProcessorCount) cores")
    print("features: \(features.zipCodeCount) zip codes, \(features.occupationCount) occupations, \(features.yearCount) release years (0 = unknown), \(features.genreCount) genres")
    print("configuration: embeddings \(configuration.embeddingSize), hidden \(configuration.hidden), dropout \(configuration.dropout), Adam lr \(configuration.learningRate), weight decay \(configuration.weightDecay), batch \(configuration.batchSize)")
    func with(_ ids: Bool, _ seed: UInt64) -> RecommenderNet.Configuration {
        var c = configuration
        c.useIDs = ids; c.seed = seed
        return c
    }
    typealias Make = (UInt64) throws -> RatingModel
    let all: [(String, Make)] = [
        ("RecommenderNet (features only)", { s in try RecommenderNet(features: features, configuration: with(false, s)) }),
        ("RecommenderNet + user/item ids", { s in try RecommenderNet(features: features, configuration: with(true, s)) }),
        ("Bias (damped, reference)", { _ in try BiasBaseline() }),
        ("BiasedMF ALS (reference)", { s in try BiasedMF(.als(seed: s)) }),
    ]
    let rows = idsOnly ? [all[1]] : all
    print(pad("model", 32) + pad("val RMSE", 10) + pad("test RMSE", 18) + pad("test MAE", 18) + pad("train RMSE", 12) + pad("all-data RMSE", 15) + pad("epochs", 8) + "fit s")
    var last: RecommenderNet?
    for (name, make) in rows {
        var valid: [Double] = [], test: [Double] = [], mae: [Double] = [], train: [Double] = [], all: [Double] = [], chosen: [Int] = []
        var seconds = 0.0
        for seed in 1...seeds {
            let split = try data.ratings.randomSplit(testRatio: 0.2, seed: UInt64(seed))
            let inner = try split.train.randomSplit(testRatio: 0.1, seed: UInt64(seed) &+ 100)
            let model = try make(UInt64(seed))
            let start = Date()
            let history = try model.fit(inner.train, validation: inner.test, options: FitOptions(patience: 3))
            seconds += Date().timeIntervalSince(start)
            let t = try model.evaluate(split.test)
            test.append(t.rmse); mae.append(t.mae)
            train.append(try model.evaluate(split.train).rmse)
            all.append(try model.evaluate(data.ratings).rmse)
            chosen.append(history.bestEpoch ?? 0)
            valid.append(history.bestValue ?? .nan)
            if let net = model as? RecommenderNet, net.configuration.useIDs { last = net }
        }
        print(pad(name, 32) + pad(String(format: "%.4f", meanStd(valid).mean), 10) + pad(formatMeanStd(test), 18) + pad(formatMeanStd(mae), 18)
              + pad(String(format: "%.4f", meanStd(train).mean), 12) + pad(String(format: "%.4f", meanStd(all).mean), 15)
              + pad(chosen.map(String.init).joined(separator: ","), 8) + String(format: "%.1f", seconds / Double(seeds)))
    }
    if let net = last, let items = data.items, let user = data.ratings.userVocabulary.index(of: "567") {
        let seen = Set(data.ratings.filter { $0.user == user }.items.map(Int.init))
        print("\ntop 5 unseen movies for user 567 (RecommenderNet + ids, last seed):")
        for s in try net.recommend(user: user, count: 5, excluding: seen) {
            let id = data.ratings.itemVocabulary.id(at: s.item) ?? "?"
            let title = items.index(of: id).map { items.titles[$0] } ?? "?"
            print("  " + pad(id, 6) + pad(title, 50) + String(format: "%.3f", s.score))
        }
    }
}

/// `recommenderkit-eval recnet --report-check`: the report's training as we read it (no
/// early stopping, `epochs` epochs on the 80% part of seed 1), measuring after chosen
/// epochs the RMSE on the training rows, on the 20% test rows and on all 100,000 ratings
/// (the report's "RMSE for all dataset"), to see which of them its 0.787 can be.
func runRecommenderNetReportCheck(configuration: RecommenderNet.Configuration, dataRoot: URL?) throws {
    let data = try MovieLens.load("ml-100k", dataRoot: dataRoot)
    let features = try RecommenderNetFeatures(data, for: data.ratings)
    let split = try data.ratings.randomSplit(testRatio: 0.2, seed: 1)
    let checkpoints = Set([1, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300].filter { $0 <= configuration.epochs } + [configuration.epochs])
    print("RecommenderNet without early stopping: \(configuration.epochs) epochs on the 80% part of seed 1, no validation")
    print(pad("model", 32) + pad("epoch", 7) + pad("train RMSE", 12) + pad("test RMSE", 11) + "all-data RMSE")
    for ids in [false, true] {
        var c = configuration
        c.useIDs = ids
        let net = try RecommenderNet(features: features, configuration: c)
        var failure: Error?
        let options = FitOptions(progress: { p in
            guard p.batch == p.batches, checkpoints.contains(p.epoch), failure == nil else { return }
            do {
                let train = try net.evaluate(split.train).rmse, test = try net.evaluate(split.test).rmse
                let all = try net.evaluate(data.ratings).rmse
                print(pad(ids ? "RecommenderNet + ids" : "RecommenderNet (features only)", 32) + pad("\(p.epoch)", 7)
                      + pad(String(format: "%.4f", train), 12) + pad(String(format: "%.4f", test), 11) + String(format: "%.4f", all))
            } catch { failure = error }
        })
        try net.fit(split.train, validation: nil, options: options)
        if let failure { throw failure }
    }
}
