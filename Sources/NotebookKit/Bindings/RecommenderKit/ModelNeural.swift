import RecommenderKit
import ScriptKit

/// The neural rating models: RatingVAE and RecommenderNet (with RecommenderNetFeatures).
enum ModelNeural {
    static func register(in registry: Registry, session: Session?) {
        registerRatingVAE(registry, session)
        registerFeatures(registry)
        registerRecommenderNet(registry, session)
    }

    static func registerRatingVAE(_ registry: Registry, _ session: Session?) {
        typealias C = RatingVAE.Configuration
        registry.type("RatingVAE.Reconstruction", doc: "Which cells of the rating vector count in the reconstruction loss.")
            .equatable(RatingVAE.Reconstruction.self)
            .staticProperty("allCells: RatingVAE.Reconstruction", doc: "Every cell, unrated ones with target 0 (the report's reading).") {
                RatingVAE.Reconstruction.allCells.scriptValue
            }
            .staticProperty("ratedCells: RatingVAE.Reconstruction", doc: "Only the rated cells (the masked variant).") {
                RatingVAE.Reconstruction.ratedCells.scriptValue
            }
        // `reconstruction = .allCells` is not a literal: bound with and without it.
        let doc = "A configuration; every argument but `meanInitialisedOutput` has the report's default."
        let tail = "learningRate: Float = 0.001, batchSize: Int = 64, epochs: Int = 10, minUserRatings: Int = 20, meanInitialisedOutput: Bool = true, seed: UInt64 = 42"
        func make(_ a: Arguments, _ reconstruction: RatingVAE.Reconstruction?, from k: Int) throws -> Value {
            C(hidden: try a.get(0), latent: try a.get(1), reconstruction: reconstruction ?? C().reconstruction,
              learningRate: try a.get(k), batchSize: try a.get(k + 1), epochs: try a.get(k + 2), minUserRatings: try a.get(k + 3),
              meanInitialisedOutput: try a.get(k + 4), seed: try a.get(k + 5)).scriptValue
        }
        registry.type("RatingVAE.Configuration", doc: "Hyperparameters; the defaults are the report's.")
            .equatable(RatingVAE.Configuration.self)
            .initializer("init(hidden: [Int] = [1024, 512, 256], latent: Int = 50, \(tail))", doc: doc) { a in
                try make(a, nil, from: 2)
            }
            .initializer("init(hidden: [Int] = [1024, 512, 256], latent: Int = 50, reconstruction: RatingVAE.Reconstruction, \(tail))", doc: doc) { a in
                try make(a, try a.get(2), from: 3)
            }
            .field("hidden: [Int]", \C.hidden, doc: "Hidden layer sizes of the encoder (the decoder mirrors them).")
            .field("latent: Int", \C.latent, doc: "The size of the latent code.")
            .field("reconstruction: RatingVAE.Reconstruction", \C.reconstruction, doc: "Which cells the BCE covers.")
            .field("learningRate: Float", \C.learningRate, doc: "Adam's learning rate.")
            .field("batchSize: Int", \C.batchSize, doc: "Users per mini-batch.")
            .field("epochs: Int", \C.epochs, doc: "The most epochs.")
            .field("minUserRatings: Int", \C.minUserRatings, doc: "Users with fewer training ratings are not trained on (their predictions still come from their vectors).")
            .field("meanInitialisedOutput: Bool", \C.meanInitialisedOutput, doc: "Whether the output biases start at the logits of the items' mean targets rather than at 0.")
            .field("seed: UInt64", \C.seed, doc: "Seeds the weights, the batch order and the sampling noise.")
        registry.type("RatingVAE", doc: "A variational autoencoder over each user's rating vector, predicting ratings.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init() throws", doc: "An unfitted model with the default configuration.") { _ in try RatingVAE().scriptValue }
            .initializer("init(_ configuration: RatingVAE.Configuration) throws", doc: "An unfitted model.") { a in
                try RatingVAE(try a.get(0)).scriptValue
            }
            .readOnly("configuration: RatingVAE.Configuration", \RatingVAE.configuration, doc: "The hyperparameters.")
            .method("predictedRatings(users: [Int]) throws -> [Float]",
                    doc: "The predicted ratings of every item for the given users, row-major [users.count, items].") { this, a in
                try RatingVAE.fromScript(this).predictedRatings(users: try a.get(0)).scriptValue
            }
            .ratingModelRows(session: session) { try RatingVAE.fromScript($0) }
    }

    static func registerFeatures(_ registry: Registry) {
        typealias F = RecommenderNetFeatures
        registry.type("RecommenderNetFeatures", doc: "The side information `RecommenderNet` reads, indexed by dense user and item indices.")
            .equatable(RecommenderNetFeatures.self)
            .initializer("init(_ dataset: Dataset, for ratings: Interactions) throws",
                         doc: "The features of every user and item of `ratings`' vocabularies, looked up by raw id in the dataset.") { a in
                try F(try a.get(0, as: Dataset.self), for: try a.get(1)).scriptValue
            }
            .initializer("init(userZipCode: [Int], userOccupation: [Int], userGender: [Int], userAge: [Float], itemYear: [Int], itemGenres: [Float], genreCount: Int) throws",
                         doc: "Features from explicit columns.") { a in
                try F(userZipCode: try a.get(0), userOccupation: try a.get(1), userGender: try a.get(2), userAge: try a.get(3),
                      itemYear: try a.get(4), itemGenres: try a.get(5), genreCount: try a.get(6)).scriptValue
            }
            .field("userZipCode: [Int]", \F.userZipCode, doc: "Zip-code category per user.")
            .field("userOccupation: [Int]", \F.userOccupation, doc: "Occupation category per user.")
            .field("userGender: [Int]", \F.userGender, doc: "Gender category per user (one-hot encoded by the network).")
            .field("userAge: [Float]", \F.userAge, doc: "Standardised age per user.")
            .field("itemYear: [Int]", \F.itemYear, doc: "Release-year category per item (0 = unknown).")
            .field("itemGenres: [Float]", \F.itemGenres, doc: "Multi-hot genres, row-major [items, genreCount].")
            .field("genreCount: Int", \F.genreCount, doc: "The number of genre columns.")
            .field("zipCodeCount: Int", \F.zipCodeCount, doc: "The size of the zip-code table.")
            .field("occupationCount: Int", \F.occupationCount, doc: "The size of the occupation table.")
            .field("genderCount: Int", \F.genderCount, doc: "The size of the gender table.")
            .field("yearCount: Int", \F.yearCount, doc: "The size of the year table.")
            .readOnly("userCount: Int", \F.userCount, doc: "The number of users covered.")
            .readOnly("itemCount: Int", \F.itemCount, doc: "The number of items covered.")
    }

    /// Features whose fields a script may have changed since they were made: checked as the
    /// explicit initialiser checks them, and every category inside its table, so the
    /// network cannot index outside one.
    static func checked(_ f: RecommenderNetFeatures, _ what: String) throws -> RecommenderNetFeatures {
        let fresh = try RecommenderNetFeatures(userZipCode: f.userZipCode, userOccupation: f.userOccupation, userGender: f.userGender,
                                               userAge: f.userAge, itemYear: f.itemYear, itemGenres: f.itemGenres, genreCount: f.genreCount)
        for (label, size, needed) in [("zipCodeCount", f.zipCodeCount, fresh.zipCodeCount), ("occupationCount", f.occupationCount, fresh.occupationCount),
                                      ("genderCount", f.genderCount, fresh.genderCount), ("yearCount", f.yearCount, fresh.yearCount)] where size < needed {
            throw BindingError("\(what): features.\(label) must be at least \(needed) (the largest category + 1), got \(size)")
        }
        return f
    }

    static func registerRecommenderNet(_ registry: Registry, _ session: Session?) {
        typealias C = RecommenderNet.Configuration
        registry.type("RecommenderNet.Configuration", doc: "Hyperparameters; the defaults are the report's architecture.")
            .equatable(RecommenderNet.Configuration.self)
            .initializer("init(embeddingSize: Int = 32, hidden: [Int] = [128, 64], dropout: Float = 0.2, useIDs: Bool = false, learningRate: Float = 0.001, weightDecay: Float = 0, batchSize: Int = 256, epochs: Int = 20, seed: UInt64 = 42)",
                         doc: "A configuration; by default the report's network.") { a in
                C(embeddingSize: try a.get(0), hidden: try a.get(1), dropout: try a.get(2), useIDs: try a.get(3), learningRate: try a.get(4),
                  weightDecay: try a.get(5), batchSize: try a.get(6), epochs: try a.get(7), seed: try a.get(8)).scriptValue
            }
            .field("embeddingSize: Int", \C.embeddingSize, doc: "The size of every embedding and of the age and gender projections.")
            .field("hidden: [Int]", \C.hidden, doc: "The sizes of the hidden blocks (Linear, batch norm, ReLU).")
            .field("dropout: Float", \C.dropout, doc: "Dropout after every hidden block but the last.")
            .field("useIDs: Bool", \C.useIDs, doc: "Whether user and item id embeddings are added to the features.")
            .field("learningRate: Float", \C.learningRate, doc: "Adam's learning rate.")
            .field("weightDecay: Float", \C.weightDecay, doc: "Decoupled weight decay (AdamW).")
            .field("batchSize: Int", \C.batchSize, doc: "Ratings per mini-batch.")
            .field("epochs: Int", \C.epochs, doc: "Training epochs (the best on validation RMSE is kept).")
            .field("seed: UInt64", \C.seed, doc: "Seeds the weights, the batch order and dropout.")
        func recommend(_ this: Value, _ a: Arguments, excluding: Set<Int>) throws -> Value {
            try RecommenderNet.fromScript(this).recommend(user: try a.get(0), count: try a.get(1), excluding: excluding).scriptValue
        }
        let recommendDoc = "The `count` items with the highest predicted rating for `user`, best first, leaving out `excluding`."
        registry.type("RecommenderNet", doc: "A rating model over user and movie features (and optionally ids): embeddings into an MLP.")
            .referenceType().conforms(to: "RatingModel")
            .initializer("init(features: RecommenderNetFeatures) throws", doc: "An unfitted model over `features`, default configuration.") { a in
                try RecommenderNet(features: try checked(try a.get(0), "RecommenderNet(features:)")).scriptValue
            }
            .initializer("init(features: RecommenderNetFeatures, configuration: RecommenderNet.Configuration) throws",
                         doc: "An unfitted model over `features`.") { a in
                try RecommenderNet(features: try checked(try a.get(0), "RecommenderNet(features:configuration:)"),
                                   configuration: try a.get(1)).scriptValue
            }
            .readOnly("configuration: RecommenderNet.Configuration", \RecommenderNet.configuration, doc: "The hyperparameters.")
            .readOnly("features: RecommenderNetFeatures", \RecommenderNet.features, doc: "The user and item features the network reads.")
            .readOnly("globalMean: Float?", \RecommenderNet.globalMean, doc: "The training mean (the prediction for indices outside the features).")
            .method("recommend(user: Int, count: Int = 10) throws -> [ScoredItem]", doc: recommendDoc) { this, a in
                try recommend(this, a, excluding: [])
            }
            .method("recommend(user: Int, count: Int = 10, excluding: Set<Int>) throws -> [ScoredItem]", doc: recommendDoc) { this, a in
                try recommend(this, a, excluding: Set(try a.get(2, as: [Int].self)))
            }
            .ratingModelRows(session: session) { try RecommenderNet.fromScript($0) }
    }
}
