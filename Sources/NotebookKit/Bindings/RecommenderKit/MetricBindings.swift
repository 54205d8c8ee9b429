import RecommenderKit
import ScriptKit
import TensorKit

/// Rows for the ranking metrics (`RankingMetric` and the types that define each formula),
/// top-k selection, per-user item lists and the summaries an evaluation returns.
enum MetricBindings {
    static func register(in registry: Registry) {
        registerRankingMetric(in: registry)
        registerFormulas(in: registry)
        registerItemLists(in: registry)
        registerSummaries(in: registry)
    }

    static func registerRankingMetric(in registry: Registry) {
        let metric = registry.type("RankingMetric", doc: "A top-k ranking metric, computed per user from one ranked list with seen items removed.")
        let cases: [(String, (Int) -> RankingMetric, String)] = [
            ("precision", RankingMetric.precision, "`Precision`: hits in the top k / k."),
            ("recall", RankingMetric.recall, "`Recall`: hits in the top k / |R| (RecBole, lenskit)."),
            ("normalizedRecall", RankingMetric.normalizedRecall, "`NormalizedRecall`: hits in the top k / min(k, |R|) (Liang et al. 2018, vae_cf)."),
            ("f1", RankingMetric.f1, "`F1`: harmonic mean of Precision@k and Recall@k (0 when both are 0)."),
            ("ndcg", RankingMetric.ndcg, "`NDCG`: DCG@k / IDCG@k with log2 discount; IDCG from min(k, |R|) ideal hits."),
            ("hitRate", RankingMetric.hitRate, "`HitRate`: 1 when the top k holds any relevant item, else 0."),
            ("mrr", RankingMetric.mrr, "`MRR`: 1 / rank of the first relevant item within the top k, else 0."),
            ("map", RankingMetric.map, "`MAP`: sum over ranks i <= k of hits[i] * Precision@i, / min(k, |R|)."),
            ("itemCoverage", RankingMetric.itemCoverage, "`ItemCoverage`: distinct items in all users' top k / number of items (one value)."),
        ]
        for (name, make, doc) in cases {
            metric.staticMethod("\(name)(_ k: Int) -> RankingMetric", doc: doc) { args in make(try args.get(0)).scriptValue }
        }
        metric
            .readOnly("k: Int", \RankingMetric.k, doc: "The cut-off k.")
            .readOnly("label: String", \RankingMetric.label, doc: "The label used in tables, e.g. `NDCG@100`.")
            .readOnly("description: String", \RankingMetric.description, doc: "The label, e.g. `NDCG@100`.")
            .method("value(hits: [Bool], relevantCount: Int) -> Double",
                    doc: "The value for one user, from the relevance flags of the ranked list (best first, possibly shorter than k) and the number of relevant items.") { this, args in
                try RankingMetric.fromScript(this).value(hits: args.get(0), relevantCount: args.get(1)).scriptValue
            }
            .equatable(RankingMetric.self)
        registry.type("NaNScorePolicy", doc: "What `RankingEvaluator` does with a NaN score of an item it ranks.").equatable(NaNScorePolicy.self)
            .staticProperty("error: NaNScorePolicy", doc: "Throw an error naming the first user and item whose score is NaN.") {
                NaNScorePolicy.error.scriptValue
            }
            .staticProperty("rankLast: NaNScorePolicy",
                            doc: "Rank NaN scores below every number (ties by item index, as usual) and count them in `EvaluationResult.nanScoreCount`.") {
                NaNScorePolicy.rankLast.scriptValue
            }
    }

    /// The types that define each formula. Their per-user `value(hits:relevantCount:k:)`
    /// takes an `UnsafeBufferPointer` (listed in the exclusions); scripts compute the same
    /// value with `RankingMetric.value(hits:relevantCount:)`.
    static func registerFormulas(in registry: Registry) {
        let perUser = " Per user: `RankingMetric.%@(k).value(hits:relevantCount:)`."
        let formulas: [(String, String, String)] = [
            ("Precision", "precision", "Precision@k = |top-k ∩ R| / k (RecBole `Precision`; the denominator is k even when fewer than k items could be ranked)."),
            ("Recall", "recall", "Recall@k = |top-k ∩ R| / |R| (RecBole `Recall`, lenskit `Recall`)."),
            ("NormalizedRecall", "normalizedRecall", "Liang et al.'s normalised Recall@k = |top-k ∩ R| / min(k, |R|) (dawenl/vae_cf `Recall_at_k_batch`)."),
            ("F1", "f1", "F1@k = 2 · P@k · R@k / (P@k + R@k), with P and R as in `Precision` and `Recall`."),
            ("NDCG", "ndcg", "NDCG@k = DCG@k / IDCG@k with a log2 discount (RecBole `NDCG`)."),
            ("HitRate", "hitRate", "HitRate@k = 1 when any of the top k items is relevant, else 0 (RecBole `Hit`)."),
            ("MRR", "mrr", "MRR@k = 1 / (rank of the first relevant item) when it lies within the top k, else 0 (RecBole `MRR`)."),
            ("MAP", "map", "AP@k = (1 / min(k, |R|)) · Σ_{i=1..k} hits[i] · Precision@i, averaged over users."),
        ]
        for (type, metric, doc) in formulas {
            registry.type(type, doc: doc + perUser.replacingOccurrences(of: "%@", with: metric))
        }
        registry.type("ItemCoverage", doc: "ItemCoverage@k = |∪_u top-k(u)| / number of items (RecBole `ItemCoverage`): the share of the catalogue that appears in at least one user's top k.")
            .staticMethod("value(rankedLists: [[Int32]], itemCount: Int, k: Int) -> Double",
                          doc: "The value for ranked lists (each best first, possibly shorter than k).") { args in
                try ItemCoverage.value(rankedLists: args.get(0), itemCount: args.get(1), k: args.get(2)).scriptValue
            }
        registry.type("RMSE", doc: "RMSE = sqrt(mean((prediction − target)²)) over all pairs (RecBole `RMSE`).")
            .staticMethod("value(predictions: [Float], targets: [Float]) throws -> Double",
                          doc: "The value; throws when the arrays differ in length or are empty.") { args in
                try RMSE.value(predictions: args.get(0), targets: args.get(1)).scriptValue
            }
        registry.type("MAE", doc: "MAE = mean(|prediction − target|) over all pairs (RecBole `MAE`).")
            .staticMethod("value(predictions: [Float], targets: [Float]) throws -> Double",
                          doc: "The value; throws when the arrays differ in length or are empty.") { args in
                try MAE.value(predictions: args.get(0), targets: args.get(1)).scriptValue
            }
        registry.type("TopK", doc: "Top-k selection over one row of scores, the single ranking step behind every metric.")
            .staticMethod("select(_ scores: [Float], k: Int, excluding excluded: [Int32] = []) -> [Int32]",
                          doc: "The indices of the k best items of `scores`, best first.") { args in
                try TopK.select(args.get(0), k: args.get(1), excluding: args.get(2)).scriptValue
            }
    }

    static func registerItemLists(in registry: Registry) {
        registry.type("ItemLists", doc: "Per-user lists of item indices in CSR form (offsets + indices): the relevant (held-out) or excluded (seen) items of each user in an evaluation.")
            .initializer("init(_ lists: [[Int32]])", doc: "Lists from arrays, one per user.") { args in
                ItemLists(try args.get(0, as: [[Int32]].self)).scriptValue
            }
            .initializer("init(_ matrix: SparseMatrix)",
                         doc: "The column indices of each row of a sparse matrix (values are ignored, so store only relevant entries).") { args in
                ItemLists(try args.get(0, as: SparseMatrix.self)).scriptValue
            }
            .initializer("init(_ interactions: Interactions)",
                         doc: "The items of each user of an interactions table (`userCount` lists).") { args in
                ItemLists(try args.get(0, as: Interactions.self)).scriptValue
            }
            .readOnly("offsets: [Int]", \ItemLists.offsets, doc: "`userCount + 1` offsets into `indices`.")
            .readOnly("indices: [Int32]", \ItemLists.indices, doc: "Item indices, user after user.")
            .readOnly("userCount: Int", \ItemLists.userCount, doc: "The number of users.")
            // Swift returns an `ArraySlice<Int32>`; slices are arrays in scripts.
            .method("list(_ u: Int) -> [Int32]", doc: "The list of user `u` (empty when out of range).") { this, args in
                Array(try ItemLists.fromScript(this).list(args.get(0))).scriptValue
            }
            .equatable(ItemLists.self)
    }

    static func registerSummaries(in registry: Registry) {
        registry.type("MetricSummary", doc: "The per-user values of one metric and their summary.")
            .initializer("init(metric: RankingMetric, perUser: [Double])", doc: "Summarises per-user values.") { args in
                try MetricSummary(metric: args.get(0), perUser: args.get(1)).scriptValue
            }
            .initializer("init(metric: RankingMetric, value: Double)", doc: "A summary of a single global value (item coverage).") { args in
                try MetricSummary(metric: args.get(0), value: args.get(1)).scriptValue
            }
            .readOnly("metric: RankingMetric", \MetricSummary.metric, doc: "The metric.")
            .readOnly("perUser: [Double]", \MetricSummary.perUser,
                      doc: "One value per user of the evaluation (NaN where undefined). Empty for item coverage.")
            .readOnly("mean: Double", \MetricSummary.mean, doc: "The mean over users with a value (the value itself for item coverage).")
            .readOnly("standardDeviation: Double", \MetricSummary.standardDeviation,
                      doc: "The sample standard deviation over users with a value (NaN when fewer than 2).")
            .readOnly("count: Int", \MetricSummary.count, doc: "The number of users averaged.")
            .readOnly("label: String", \MetricSummary.label, doc: "The label, e.g. `NDCG@100`.")
            .readOnly("standardError: Double", \MetricSummary.standardError, doc: "Standard error of the mean: std / √n.")
            .property("confidenceInterval95: (lower: Double, upper: Double)",
                      doc: "The 95% confidence interval of the mean (normal approximation).") { this in
                let ci = try MetricSummary.fromScript(this).confidenceInterval95
                return .tuple([.double(ci.lower), .double(ci.upper)], labels: ["lower", "upper"])
            }
        registry.type("EvaluationResult", doc: "The result of an evaluation: one summary per metric, in the order asked for.")
            .readOnly("summaries: [MetricSummary]", \EvaluationResult.summaries, doc: "One summary per metric.")
            .readOnly("userCount: Int", \EvaluationResult.userCount,
                      doc: "The number of users evaluated (including those without relevant items).")
            .readOnly("nanScoreCount: Int", \EvaluationResult.nanScoreCount,
                      doc: "How many ranked scores were NaN and ranked last (with `nanScores: .rankLast`).")
            .readOnly("description: String", \EvaluationResult.description,
                      doc: "A text table: metric, mean, std, 95% interval, users averaged.")
            .subscriptRow("subscript(_ metric: RankingMetric) -> MetricSummary?",
                    doc: "The summary of a metric, or nil when it was not computed.") { this, args in
                try EvaluationResult.fromScript(this)[args.get(0, as: RankingMetric.self)].scriptValue
            }
            .subscriptRow("subscript(_ label: String) -> MetricSummary?",
                    doc: "The summary with a label such as `\"NDCG@100\"`, or nil.") { this, args in
                try EvaluationResult.fromScript(this)[args.get(0, as: String.self)].scriptValue
            }
    }
}
