import RecommenderKit
import ScriptKit

/// Rows for the course report's evaluation: `CourseEvaluation` and
/// `evaluateCourse(train:test:k:relevantAtLeast:)`, an extension method of `RatingModel`:
/// the protocol's row serves every rating model bound as conforming to it. The protocol
/// itself is declared by the model bindings (doc "" keeps the declaring row's doc).
enum MetricCourseBindings {
    static func register(in registry: Registry) {
        registry.type("CourseEvaluation", doc: "A rating model judged both ways, as the course report does: RMSE and MAE of the predicted ratings of the held-out pairs, and Precision@k, Recall@k and F1@k of each user's top-k list.")
            .field("rmse: Double", \CourseEvaluation.rmse, doc: "Root mean squared error over the held-out ratings.")
            .field("mae: Double", \CourseEvaluation.mae, doc: "Mean absolute error over the held-out ratings.")
            .field("precision: Double", \CourseEvaluation.precision, doc: "Precision@k.")
            .field("recall: Double", \CourseEvaluation.recall, doc: "Recall@k.")
            .field("f1: Double", \CourseEvaluation.f1, doc: "F1@k, per user then averaged.")
            .field("k: Int", \CourseEvaluation.k, doc: "The list length k.")
            .field("rankedUsers: Int", \CourseEvaluation.rankedUsers,
                   doc: "Users with a relevant held-out item (those the ranking metrics average over).")
            .readOnly("description: String", \CourseEvaluation.description,
                      doc: "`RMSE 0.95, MAE 0.75, P@10 0.10, R@10 0.08, F1@10 0.07 (940 users)`.")
        registry.type("RatingModel", doc: "")
            .method("evaluateCourse(train: Interactions, test: Interactions, k: Int = 10, relevantAtLeast: Float = 4) throws -> CourseEvaluation",
                    doc: "The course report's evaluation of this fitted model on a per-user split: RMSE and MAE on `test`, and Precision/Recall/F1@k of top-k lists over the items each user did not rate in `train`.") { this, args in
                guard let model = this.host(RatingModel.self) else {
                    throw BindingError("RatingModel.evaluateCourse: expected a rating model, got \(this.typeName)")
                }
                return try model.evaluateCourse(train: args.get(0), test: args.get(1), k: args.get(2),
                                                relevantAtLeast: args.get(3)).scriptValue
            }
    }
}
