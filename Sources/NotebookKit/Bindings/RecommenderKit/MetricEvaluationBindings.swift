import RecommenderKit
import ScriptKit
import TensorKit

/// Rows for evaluating: `RankingTask` (what a top-N model ranks), `RankingEvaluator`
/// (full-ranking metrics from scores or ranked lists) and `RatingAccuracy` (RMSE and MAE).
enum MetricEvaluationBindings {
    static func register(in registry: Registry) {
        registerRankingTask(in: registry)
        registerEvaluator(in: registry)
        registry.type("RatingAccuracy", doc: "How close predicted ratings are to the true ones: RMSE and MAE over the same pairs.").equatable(RatingAccuracy.self)
            .initializer("init(predictions: [Float], targets: [Float]) throws", doc: "Both errors of `predictions` against `targets`.") { args in
                try RatingAccuracy(predictions: args.get(0), targets: args.get(1)).scriptValue
            }
            .field("rmse: Double", \RatingAccuracy.rmse, doc: "Root mean squared error.")
            .field("mae: Double", \RatingAccuracy.mae, doc: "Mean absolute error.")
            .field("count: Int", \RatingAccuracy.count, doc: "The number of pairs.")
            .readOnly("description: String", \RatingAccuracy.description, doc: "`RMSE 0.9123, MAE 0.7201 (20000 ratings)`.")
    }

    static func registerRankingTask(in registry: Registry) {
        registry.type("RankingTask", doc: "What a top-N model is asked to rank and how it is judged: for each evaluated user, the history the model sees (one sparse row), the relevant items it should find, and the items that are left out of its ranking (already seen).")
            .initializer("init(users: [Int], history: SparseMatrix, relevant: ItemLists, excluded: ItemLists) throws",
                         doc: "A task from its parts, one row each.") { args in
                try RankingTask(users: args.get(0), history: args.get(1), relevant: args.get(2), excluded: args.get(3)).scriptValue
            }
            .initializer("init(history: Interactions, relevant: Interactions, excluding: [Interactions] = []) throws",
                         doc: "The same-users protocol: every user with at least one row in `relevant`, the history taken from `history`'s rows, and the items of `history` and of every table in `excluding` left out of the ranking.") { args in
                try RankingTask(history: args.get(0), relevant: args.get(1), excluding: args.get(2)).scriptValue
            }
            .initializer("init(_ set: FoldInSet) throws",
                         doc: "Liang's held-out users: fold-in rows as histories, held-out rows as relevant, fold-in items excluded.") { args in
                try RankingTask(SplitBindings.checkedUsers(args[0], "RankingTask(_:)")).scriptValue
            }
            .field("users: [Int]", \RankingTask.users, doc: "The dense user index of each row (for naming; models score the history).")
            .field("history: SparseMatrix", \RankingTask.history, doc: "One row per evaluated user: the items the model may use, as ones.")
            .field("relevant: ItemLists", \RankingTask.relevant, doc: "The relevant items of each row.")
            .field("excluded: ItemLists", \RankingTask.excluded, doc: "The items left out of each row's ranking.")
            .readOnly("userCount: Int", \RankingTask.userCount, doc: "The number of evaluated users.")
    }

    /// `evaluate(scores:...)` has `nanScores: NaNScorePolicy = .error`, not a literal: each
    /// score form is bound with and without it.
    static func registerEvaluator(in registry: Registry) {
        let evaluator = registry.type("RankingEvaluator", doc: "Full-ranking evaluation: for every user, rank all items by score with the user's seen items excluded, take one top-K list (K = the largest k asked for), and compute every metric from it.")
        let tensorDoc = "Evaluates a `Tensor` of scores shaped [users, items]."
        func tensor(_ args: Arguments, _ policy: NaNScorePolicy) throws -> Value {
            try RankingEvaluator.evaluate(scores: args.get(0, as: Tensor.self), relevant: args.get(1), excluding: args.get(2),
                                          metrics: args.get(3), nanScores: policy).scriptValue
        }
        evaluator
            .staticMethod("evaluate(scores: Tensor, relevant: ItemLists, excluding: ItemLists? = nil, metrics: [RankingMetric], nanScores: NaNScorePolicy) throws -> EvaluationResult",
                          doc: tensorDoc) { args in try tensor(args, args.get(4)) }
            .staticMethod("evaluate(scores: Tensor, relevant: ItemLists, excluding: ItemLists? = nil, metrics: [RankingMetric]) throws -> EvaluationResult",
                          doc: tensorDoc + " (nanScores: .error)") { args in try tensor(args, .error) }
        let arrayDoc = "Evaluates a row-major `[Float]` of scores [userCount x itemCount]."
        func array(_ args: Arguments, _ policy: NaNScorePolicy) throws -> Value {
            try RankingEvaluator.evaluate(scores: args.get(0, as: [Float].self), userCount: args.get(1), itemCount: args.get(2),
                                          relevant: args.get(3), excluding: args.get(4), metrics: args.get(5),
                                          nanScores: policy).scriptValue
        }
        evaluator
            .staticMethod("evaluate(scores: [Float], userCount: Int, itemCount: Int, relevant: ItemLists, excluding: ItemLists? = nil, metrics: [RankingMetric], nanScores: NaNScorePolicy) throws -> EvaluationResult",
                          doc: arrayDoc) { args in try array(args, args.get(6)) }
            .staticMethod("evaluate(scores: [Float], userCount: Int, itemCount: Int, relevant: ItemLists, excluding: ItemLists? = nil, metrics: [RankingMetric]) throws -> EvaluationResult",
                          doc: arrayDoc + " (nanScores: .error)") { args in try array(args, .error) }
            .staticMethod("evaluate(rankedLists: [[Int32]], relevant: ItemLists, itemCount: Int, metrics: [RankingMetric]) throws -> EvaluationResult",
                          doc: "Evaluates ranked lists computed elsewhere (best first, already without seen items).") { args in
                try RankingEvaluator.evaluate(rankedLists: args.get(0), relevant: args.get(1), itemCount: args.get(2),
                                              metrics: args.get(3)).scriptValue
            }
    }
}
