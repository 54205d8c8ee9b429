import RecommenderKit
import ScriptKit

/// Rows for preprocessing: binarising and scaling ratings, the minimum-count filter,
/// undersampling by rating, and the item feature matrix of the hybrid models.
enum PreprocessBindings {
    static func register(in registry: Registry) {
        registry.type("Interactions", doc: DataInteractionsBindings.interactionsDoc)
            .method("binarized(atLeast threshold: Float, keepNegatives: Bool = false) -> Interactions",
                    doc: "Implicit feedback from ratings: rows rated at least `threshold` become 1; rows below are dropped, or set to 0 when `keepNegatives` is true.") { this, args in
                try Interactions.fromScript(this).binarized(atLeast: args.get(0), keepNegatives: args.get(1)).scriptValue
            }
            .method("scaled(from low: Float, to high: Float) throws -> Interactions",
                    doc: "Ratings scaled linearly from [low, high] to [0, 1] (the VAE rating model's input).") { this, args in
                try Interactions.fromScript(this).scaled(from: args.get(0), to: args.get(1)).scriptValue
            }
            .method("filteredByMinCount(users minUser: Int = 0, items minItem: Int = 0, iterative: Bool = true) -> Interactions",
                    doc: "Keeps users with at least `users` rows and items with at least `items` rows, then compacts the vocabularies.") { this, args in
                try Interactions.fromScript(this).filteredByMinCount(users: args.get(0), items: args.get(1),
                                                                     iterative: args.get(2)).scriptValue
            }
            .method("undersampledByRating(seed: UInt64) -> Interactions",
                    doc: "Class undersampling: every rating value keeps as many rows as the rarest value has, chosen uniformly at random (seeded); row order is kept.") { this, args in
                try Interactions.fromScript(this).undersampledByRating(seed: args.get(0)).scriptValue
            }
        registry.type("ItemFeatureMatrix", doc: "Binary item features for the Movie-VAE (and any content model): one row per item of a vocabulary, one 0/1 column per feature, with the columns' names.")
            .initializer("init(_ dataset: Dataset, items: Vocabulary, genres: Bool = true, decades: Bool = true, knowledgeGraph: Bool = true, minItemsPerFact: Int = 5) throws",
                         doc: "The features of every item of `items`, looked up by raw id.") { args in
                try ItemFeatureMatrix(DataChecks.dataset(args.get(0), "ItemFeatureMatrix(_:items:...)"), items: args.get(1), genres: args.get(2), decades: args.get(3),
                                      knowledgeGraph: args.get(4), minItemsPerFact: args.get(5)).scriptValue
            }
            .field("values: Tensor", \ItemFeatureMatrix.values, doc: "[items, features], 0 or 1.")
            .field("names: [String]", \ItemFeatureMatrix.names,
                   doc: "One name per column (`genre:Comedy`, `decade:1990`, `film.film.actor:m.0f5xn`).")
            .field("itemsWithGraphFeatures: Int", \ItemFeatureMatrix.itemsWithGraphFeatures,
                   doc: "How many items have at least one knowledge-graph feature.")
    }
}
