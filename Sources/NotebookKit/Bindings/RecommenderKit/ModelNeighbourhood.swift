import RecommenderKit
import ScriptKit

/// The neighbourhood rating models (UserKNNRatings, ItemKNNRatings, UserNeighbourhoodCF)
/// with their shared `NeighbourhoodConfiguration`, and the knowledge-based and hybrid
/// rating models.
enum ModelNeighbourhood {
    static func register(in registry: Registry, session: Session?) {
        registerConfiguration(registry)
        registerKNN(registry, session)
        registerKnowledgeAndHybrid(registry, session)
    }

    static func registerConfiguration(_ registry: Registry) {
        typealias C = NeighbourhoodConfiguration
        registry.type("NeighbourhoodConfiguration.Centring", doc: "What a rating is centred on before similarities and averages.")
            .equatable(NeighbourhoodConfiguration.Centring.self)
            .staticProperty("entityMean: NeighbourhoodConfiguration.Centring",
                            doc: "The mean rating of its item (item-based) or user (user-based): LensKit's choice.") { C.Centring.entityMean.scriptValue }
            .staticProperty("baseline: NeighbourhoodConfiguration.Centring",
                            doc: "The damped bias baseline μ + b_u + b_i of its pair (Koren's baseline-centred kNN).") { C.Centring.baseline.scriptValue }
            .staticProperty("raw: NeighbourhoodConfiguration.Centring",
                            doc: "Nothing: raw cosine over co-rated entries and a plain similarity-weighted mean.") { C.Centring.raw.scriptValue }
        // `centring = .entityMean` is not a literal: bound with and without `centring`.
        let head = "neighbours: Int, minSimilarity: Float = 0.000001, minNeighbours: Int = 1, damping: Float = 5"
        let doc = "A configuration with LensKit's defaults for everything but `neighbours`."
        // `UserKNNRatings.Configuration` and `ItemKNNRatings.Configuration` are Swift type aliases of it.
        registry.typeAlias("UserKNNRatings.Configuration", of: "NeighbourhoodConfiguration")
        registry.typeAlias("ItemKNNRatings.Configuration", of: "NeighbourhoodConfiguration")
        registry.type("NeighbourhoodConfiguration", doc: "The hyperparameters of the rating kNN models (`ItemKNNRatings`, `UserKNNRatings`).")
            .equatable(NeighbourhoodConfiguration.self)
            .initializer("init(\(head))", doc: doc) { a in
                C(neighbours: try a.get(0), minSimilarity: try a.get(1), minNeighbours: try a.get(2), damping: try a.get(3)).scriptValue
            }
            .initializer("init(\(head), centring: NeighbourhoodConfiguration.Centring, coRatedNorms: Bool = false, shrinkage: Float = 0)",
                         doc: doc) { a in
                C(neighbours: try a.get(0), minSimilarity: try a.get(1), minNeighbours: try a.get(2), damping: try a.get(3),
                  centring: try a.get(4), coRatedNorms: try a.get(5), shrinkage: try a.get(6)).scriptValue
            }
            .field("neighbours: Int", \C.neighbours, doc: "How many of the most similar neighbours (items the user rated, or users who rated the item) a prediction averages over.")
            .field("minSimilarity: Float", \C.minSimilarity, doc: "Only neighbours with a similarity above this count.")
            .field("minNeighbours: Int", \C.minNeighbours, doc: "Fewer qualifying neighbours than this falls back to the bias model.")
            .field("damping: Float", \C.damping, doc: "The damping of the bias model (the fallback, and the centre with `.baseline`).")
            .field("centring: NeighbourhoodConfiguration.Centring", \C.centring, doc: "What ratings are centred on.")
            .field("coRatedNorms: Bool", \C.coRatedNorms, doc: "Whether the cosine's norms run over the pair's co-rated contexts only (Pearson; with `.baseline`, Surprise's pearson_baseline).")
            .field("shrinkage: Float", \C.shrinkage, doc: "λ of the shrinkage sim · (n − 1) / (n − 1 + λ) by the n co-rated contexts (0: none).")
    }

    static func registerKNN(_ registry: Registry, _ session: Session?) {
        // `init(_ configuration: Configuration = Configuration(neighbours: 30))`: bound as `init()` and `init(_:)`.
        registry.type("UserKNNRatings", doc: "User-based k-nearest neighbours for rating prediction.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init() throws", doc: "An unfitted model; 30 neighbours by default (the issue's LensKit run).") { _ in try UserKNNRatings().scriptValue }
            .initializer("init(_ configuration: NeighbourhoodConfiguration) throws", doc: "An unfitted model.") { a in
                try UserKNNRatings(try a.get(0)).scriptValue
            }
            .readOnly("configuration: NeighbourhoodConfiguration", \UserKNNRatings.configuration, doc: "The hyperparameters.")
            .method("similarity(_ u: Int, _ v: Int) -> Float", doc: "sim(u, v) of two users (0 for an unknown user or before `fit`).") { this, a in
                try UserKNNRatings.fromScript(this).similarity(try a.get(0), try a.get(1)).scriptValue
            }
            .ratingModelRows(session: session) { try UserKNNRatings.fromScript($0) }
        registry.type("ItemKNNRatings", doc: "Item-based k-nearest neighbours for rating prediction.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init() throws", doc: "An unfitted model; the default keeps LensKit's 20 neighbours.") { _ in try ItemKNNRatings().scriptValue }
            .initializer("init(_ configuration: NeighbourhoodConfiguration) throws", doc: "An unfitted model.") { a in
                try ItemKNNRatings(try a.get(0)).scriptValue
            }
            .readOnly("configuration: NeighbourhoodConfiguration", \ItemKNNRatings.configuration, doc: "The hyperparameters.")
            .method("similarity(_ i: Int, _ j: Int) -> Float", doc: "sim(i, j) of two items (0 for an unknown item or before `fit`).") { this, a in
                try ItemKNNRatings.fromScript(this).similarity(try a.get(0), try a.get(1)).scriptValue
            }
            .ratingModelRows(session: session) { try ItemKNNRatings.fromScript($0) }
        registry.type("UserNeighbourhoodCF", doc: "User-based collaborative filtering over a fixed neighbourhood of the most similar users.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init(neighbours: Int = 30) throws", doc: "An unfitted model.") { a in
                try UserNeighbourhoodCF(neighbours: try a.get(0)).scriptValue
            }
            .readOnly("neighbours: Int", \UserNeighbourhoodCF.neighbours, doc: "How many of the most similar users form a neighbourhood.")
            .method("neighbourhood(of u: Int) -> [(user: Int, similarity: Float)]",
                    doc: "The neighbourhood of user `u`, most similar first (empty before `fit` or out of range).") { this, a in
                .array(try UserNeighbourhoodCF.fromScript(this).neighbourhood(of: try a.get(0)).map {
                    .tuple([.int($0.user), .float($0.similarity)], labels: ["user", "similarity"])
                })
            }
            .ratingModelRows(session: session) { try UserNeighbourhoodCF.fromScript($0) }
    }

    static func registerKnowledgeAndHybrid(_ registry: Registry, _ session: Session?) {
        registry.type("KnowledgeBasedRatings", doc: "A knowledge-based (content) rating model over user feature profiles and item features.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init(features: Tensor) throws", doc: "An unfitted model over the given item features.") { a in
                try KnowledgeBasedRatings(features: try ModelSupport.tensor(a, 0, "KnowledgeBasedRatings(features:)")).scriptValue
            }
            .readOnly("features: Tensor", \KnowledgeBasedRatings.features, doc: "The item features, [items, f], row i for dense item i.")
            .method("profile(user u: Int) -> [Float]", doc: "The profile of user `u` (empty before `fit` or for an unknown user).") { this, a in
                try KnowledgeBasedRatings.fromScript(this).profile(user: try a.get(0)).scriptValue
            }
            .method("cosine(user u: Int, item i: Int) -> Float?",
                    doc: "cos(profile_u, f_i), or nil where it is undefined.") { this, a in
                try KnowledgeBasedRatings.fromScript(this).cosine(user: try a.get(0), item: try a.get(1)).scriptValue
            }
            .ratingModelRows(session: session) { try KnowledgeBasedRatings.fromScript($0) }

        func ratingModel(_ a: Arguments, _ i: Int, _ what: String) throws -> any RatingModel {
            guard let m = a[i].host((any RatingModel).self) else { throw BindingError("\(what): expected RatingModel, got \(a[i].typeName)") }
            return m
        }
        func sweep(_ this: Value, _ a: Arguments, alphas: [Float]?, from first: Int) throws -> Value {
            let h = try HybridRatings.fromScript(this)
            let train: Interactions = try a.get(0), test: Interactions = try a.get(1)
            let k: Int = try a.get(first), relevant: Float = try a.get(first + 1)
            let result = try alphas.map { try h.alphaSweep(train: train, test: test, alphas: $0, k: k, relevantAtLeast: relevant) }
                ?? h.alphaSweep(train: train, test: test, k: k, relevantAtLeast: relevant)
            return .array(result.map { .tuple([.float($0.alpha), $0.result.scriptValue], labels: ["alpha", "result"]) })
        }
        let sweepDoc = "The course evaluation of the fitted hybrid at every alpha of `alphas` (default 0, 0.1, ..., 1), in order."
        registry.type("HybridRatings", doc: "A weighted hybrid of two rating models: alpha · collaborative + (1 − alpha) · knowledge.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init(collaborative: RatingModel, knowledge: RatingModel, alpha: Float = 0.6) throws",
                         doc: "A hybrid of two (unfitted or fitted) models.") { a in
                try HybridRatings(collaborative: try ratingModel(a, 0, "HybridRatings"), knowledge: try ratingModel(a, 1, "HybridRatings"),
                                  alpha: try a.get(2)).scriptValue
            }
            .property("collaborative: RatingModel", doc: "The collaborative part (weight `alpha`).") { this in
                try HybridRatings.fromScript(this).collaborative.hostScriptValue
            }
            .property("knowledge: RatingModel", doc: "The knowledge-based part (weight 1 − `alpha`).") { this in
                try HybridRatings.fromScript(this).knowledge.hostScriptValue
            }
            .readOnly("alpha: Float", \HybridRatings.alpha, doc: "The collaborative weight, in [0, 1].")
            .method("setAlpha(_ alpha: Float) throws", doc: "Changes the collaborative weight (no refit needed).") { this, a in
                try HybridRatings.fromScript(this).setAlpha(try a.get(0))
                return .void
            }
            .method("alphaSweep(train: Interactions, test: Interactions, k: Int = 10, relevantAtLeast: Float = 4) throws -> [(alpha: Float, result: CourseEvaluation)]",
                    doc: sweepDoc) { this, a in
                try sweep(this, a, alphas: nil, from: 2)
            }
            .method("alphaSweep(train: Interactions, test: Interactions, alphas: [Float], k: Int = 10, relevantAtLeast: Float = 4) throws -> [(alpha: Float, result: CourseEvaluation)]",
                    doc: sweepDoc) { this, a in
                try sweep(this, a, alphas: try a.get(2), from: 3)
            }
            .ratingModelRows(session: session) { try HybridRatings.fromScript($0) }
    }
}

extension RatingModel {
    /// The model as a script value under its own bound type name (`BiasedMF`), so that rows
    /// dispatch to it.
    var hostScriptValue: Value {
        if let bound = self as? any ScriptBound { return bound.scriptValue }
        return .native(HostObject(self, typeName: "RatingModel"))
    }
}
