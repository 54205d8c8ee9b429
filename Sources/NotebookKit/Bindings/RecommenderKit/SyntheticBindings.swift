import Foundation
import RecommenderKit
import ScriptKit

/// Rows for the synthetic data generator (`SyntheticData`, `SyntheticConfiguration`) and
/// for writing a table as a MovieLens `ratings.csv`.
enum SyntheticBindings {
    static func register(in registry: Registry) {
        registry.type("SyntheticConfiguration", doc: "The knobs of the synthetic data generator. Defaults give an ML-100K-like dataset.")
            .initializer("init(users: Int = 943, items: Int = 1682, ratings: Int = 100000, minPerUser: Int = 20, factors: Int = 8, popularitySkew: Double = 0.9, noise: Double = 0.6, seed: UInt64 = 98765)",
                         doc: "ML-100K-like sizes: 943 users, 1,682 items, 100,000 ratings.") { args in
                try SyntheticConfiguration(users: args.get(0), items: args.get(1), ratings: args.get(2), minPerUser: args.get(3),
                                           factors: args.get(4), popularitySkew: args.get(5), noise: args.get(6),
                                           seed: args.get(7)).scriptValue
            }
            .field("users: Int", \SyntheticConfiguration.users, doc: "Number of users.")
            .field("items: Int", \SyntheticConfiguration.items, doc: "Number of items.")
            .field("ratings: Int", \SyntheticConfiguration.ratings,
                   doc: "Number of ratings to generate (each user gets at least `minPerUser`).")
            .field("minPerUser: Int", \SyntheticConfiguration.minPerUser,
                   doc: "Minimum ratings per user (MovieLens keeps users with at least 20).")
            .field("factors: Int", \SyntheticConfiguration.factors, doc: "Latent taste dimensions.")
            .field("popularitySkew: Double", \SyntheticConfiguration.popularitySkew,
                   doc: "Zipf exponent of item popularity (0 = uniform; about 1 for MovieLens).")
            .field("noise: Double", \SyntheticConfiguration.noise, doc: "Standard deviation of the rating noise (in stars).")
            .field("seed: UInt64", \SyntheticConfiguration.seed,
                   doc: "The seed; the same configuration and seed always give the same data.")
            .staticMethod("movieLens20MSized(seed: UInt64 = 98765) -> SyntheticConfiguration",
                          doc: "ML-20M-like sizes: 138,000 users, 27,000 items, 20,000,000 ratings.") { args in
                SyntheticConfiguration.movieLens20MSized(seed: try args.get(0)).scriptValue
            }
        registry.type("SyntheticData", doc: "A seeded generator of MovieLens-like data: a low-rank taste model with genres, popularity skew, demographics and 1-5 star ratings.")
            .staticMethod("generate(_ config: SyntheticConfiguration) throws -> Dataset",
                          doc: "Generates ratings plus item and user metadata.") { args in
                try SyntheticData.generate(args.get(0)).scriptValue
            }
        registry.type("Interactions", doc: DataInteractionsBindings.interactionsDoc)
            .method("writeMovieLensCSV(to url: URL) throws",
                    doc: "Writes the table as a MovieLens `ratings.csv` (`userId,movieId,rating,timestamp`, ratings written like `4.0` and `3.5`), atomically (temp file + rename).") { this, args in
                try Interactions.fromScript(this).writeMovieLensCSV(to: args.get(0))
                return .void
            }
    }
}
