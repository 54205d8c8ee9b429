/// The knobs of the synthetic data generator. Defaults give an ML-100K-like dataset.
public struct SyntheticConfiguration: Sendable {
    /// Number of users.
    public var users: Int
    /// Number of items.
    public var items: Int
    /// Number of ratings to generate (each user gets at least `minPerUser`).
    public var ratings: Int
    /// Minimum ratings per user (MovieLens keeps users with at least 20).
    public var minPerUser: Int
    /// Latent taste dimensions.
    public var factors: Int
    /// Zipf exponent of item popularity (0 = uniform; about 1 for MovieLens).
    public var popularitySkew: Double
    /// Standard deviation of the rating noise (in stars).
    public var noise: Double
    /// The seed; the same configuration and seed always give the same data.
    public var seed: UInt64

    /// ML-100K-like sizes: 943 users, 1,682 items, 100,000 ratings.
    public init(users: Int = 943, items: Int = 1682, ratings: Int = 100_000, minPerUser: Int = 20,
                factors: Int = 8, popularitySkew: Double = 0.9, noise: Double = 0.6, seed: UInt64 = 98765) {
        self.users = users; self.items = items; self.ratings = ratings; self.minPerUser = minPerUser
        self.factors = factors; self.popularitySkew = popularitySkew; self.noise = noise; self.seed = seed
    }

    /// ML-20M-like sizes: 138,000 users, 27,000 items, 20,000,000 ratings.
    public static func movieLens20MSized(seed: UInt64 = 98765) -> SyntheticConfiguration {
        SyntheticConfiguration(users: 138_000, items: 27_000, ratings: 20_000_000, seed: seed)
    }

    func validate() throws {
        let op = "SyntheticData.generate"
        guard users >= 1, items >= 1, users <= 10_000_000, items <= 10_000_000,
              factors >= 1, factors <= 256, minPerUser >= 0 else {
            throw DataError("\(op): expected 1 ... 10,000,000 users and items and 1 <= factors <= 256, got \(users) users, \(items) items, \(factors) factors")
        }
        guard ratings >= 0, ratings <= users * items / 2 + users, ratings <= 2_000_000_000 else {
            throw DataError("\(op): expected at most half of the \(users) x \(items) matrix as ratings, got \(ratings)")
        }
        guard minPerUser <= items / 2 else {
            throw DataError("\(op): expected minPerUser <= items / 2, got \(minPerUser)")
        }
        guard popularitySkew >= 0, popularitySkew.isFinite, noise >= 0, noise.isFinite else {
            throw DataError("\(op): expected popularitySkew >= 0 and noise >= 0")
        }
    }
}
