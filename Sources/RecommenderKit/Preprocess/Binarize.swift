extension Interactions {
    /// Implicit feedback from ratings: rows rated at least `threshold` become 1; rows below
    /// are dropped (Liang et al. keep ratings > 3.5, i.e. `atLeast: 4` on ML-20M), or set
    /// to 0 when `keepNegatives` is true. Vocabularies are kept.
    public func binarized(atLeast threshold: Float, keepNegatives: Bool = false) -> Interactions {
        if keepNegatives {
            return Interactions(unchecked: users, items, ratings.map { $0 >= threshold ? 1 : 0 },
                                timestamps, userVocabulary, itemVocabulary)
        }
        let rows = (0..<count).filter { ratings[$0] >= threshold }
        return Interactions(unchecked: rows.map { users[$0] }, rows.map { items[$0] },
                            rows.map { _ in 1 }, rows.map { timestamps[$0] }, userVocabulary, itemVocabulary)
    }

    /// Ratings scaled linearly from [low, high] to [0, 1] (the VAE rating model's input).
    public func scaled(from low: Float, to high: Float) throws -> Interactions {
        guard high > low else { throw DataError("Interactions.scaled(from:to:): expected low < high, got \(low) and \(high)") }
        return Interactions(unchecked: users, items, ratings.map { ($0 - low) / (high - low) },
                            timestamps, userVocabulary, itemVocabulary)
    }
}
