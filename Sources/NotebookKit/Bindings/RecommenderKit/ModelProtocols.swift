import RecommenderKit
import ScriptKit

/// The `Recommender` and `RatingModel` protocols as bound protocol types (a model passes
/// where one is expected; calls dispatch to the model's own rows), and `ScoredItem`.
enum ModelProtocols {
    static func register(in registry: Registry, session: Session?) {
        registry.type("Recommender", doc: "A top-N recommender over implicit feedback, fitted on a users x items matrix.")
            .recommenderRows(session: session, requirement: true) { v in
                guard let m = v.host((any Recommender).self) else { throw BindingError("expected Recommender, got \(v.typeName)") }
                return m
            }
        registry.type("RatingModel", doc: "A rating-prediction model over explicit feedback.")
            .ratingModelRows(session: session, requirement: true) { v in
                guard let m = v.host((any RatingModel).self) else { throw BindingError("expected RatingModel, got \(v.typeName)") }
                return m
            }
        registry.type("ScoredItem", doc: "One recommended item and its score.")
            .equatable(ScoredItem.self)
            .initializer("init(item: Int, score: Float)", doc: "Creates a scored item.") { args in
                ScoredItem(item: try args.get(0), score: try args.get(1)).scriptValue
            }
            .field("item: Int", \ScoredItem.item, doc: "The dense item index.")
            .field("score: Float", \ScoredItem.score, doc: "The model's score (higher is better).")
            .readOnly("description: String", \ScoredItem.description, doc: "`item 50 (score 3.21)`.")
    }
}
