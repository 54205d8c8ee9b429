import RecommenderKit
import ScriptKit
import TensorKit

/// The item-based top-N recommenders: EASE, ItemKNN and Popularity.
enum ModelItemBased {
    static func register(in registry: Registry, session: Session?) {
        registry.type("EASE.Configuration", doc: "Hyperparameters.")
            .equatable(EASE.Configuration.self)
            .initializer("init(l2: Float = 500, l2Candidates: [Float] = [])", doc: "A configuration; `l2` defaults to the paper's 500.") { a in
                EASE.Configuration(l2: try a.get(0), l2Candidates: try a.get(1)).scriptValue
            }
            .field("l2: Float", \EASE.Configuration.l2, doc: "λ, the ridge added to the Gram matrix's diagonal.")
            .field("l2Candidates: [Float]", \EASE.Configuration.l2Candidates,
                   doc: "λ values tried on validation when `fit` gets a validation task; empty uses `l2`.")
        registry.type("EASE", doc: "EASE: a linear item-item model fitted in closed form.")
            .referenceType().conforms(to: "Recommender")
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in try EASE().scriptValue }
            .initializer("init(_ configuration: EASE.Configuration) throws", doc: "An unfitted model.") { a in
                try EASE(try a.get(0)).scriptValue
            }
            .readOnly("configuration: EASE.Configuration", \EASE.configuration, doc: "The hyperparameters.")
            .readOnly("chosenL2: Float", \EASE.chosenL2, doc: "The λ of the fitted weights.")
            .readOnly("weights: Tensor?", \EASE.weights, doc: "The item-item weights B [items, items], zero on the diagonal (nil before `fit`).")
            .recommenderRows(session: session) { try EASE.fromScript($0) }

        registry.type("ItemKNN.Configuration", doc: "Hyperparameters; the defaults are RecBole's (k = 100, no shrinkage).")
            .equatable(ItemKNN.Configuration.self)
            .initializer("init(neighbours: Int = 100, shrink: Float = 0)", doc: "A configuration.") { a in
                ItemKNN.Configuration(neighbours: try a.get(0), shrink: try a.get(1)).scriptValue
            }
            .field("neighbours: Int", \ItemKNN.Configuration.neighbours, doc: "How many neighbours each item keeps.")
            .field("shrink: Float", \ItemKNN.Configuration.shrink, doc: "Added to the cosine's denominator: damps similarities built on few users.")
        registry.type("ItemKNN", doc: "Item-based k-nearest neighbours over implicit feedback.")
            .referenceType().conforms(to: "Recommender")
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in try ItemKNN().scriptValue }
            .initializer("init(_ configuration: ItemKNN.Configuration) throws", doc: "An unfitted model.") { a in
                try ItemKNN(try a.get(0)).scriptValue
            }
            .readOnly("configuration: ItemKNN.Configuration", \ItemKNN.configuration, doc: "The hyperparameters.")
            .readOnly("similarity: SparseMatrix?", \ItemKNN.similarity, doc: "W [items, items] in CSR form (scores are history · W); nil before `fit`.")
            .recommenderRows(session: session) { try ItemKNN.fromScript($0) }

        registry.type("Popularity", doc: "Recommends the items with the most training interactions to everyone.")
            .referenceType().conforms(to: "Recommender")
            .initializer("init()", doc: "An unfitted model.") { _ in Popularity().scriptValue }
            .readOnly("counts: Tensor?", \Popularity.counts, doc: "The number of training users of each item (nil before `fit`).")
            .recommenderRows(session: session) { try Popularity.fromScript($0) }
    }
}
