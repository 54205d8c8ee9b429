import TensorKit

extension Interactions {
    /// k-fold cross-validation over users for held-out-user models (the Hybrid-VAE paper's
    /// 3-fold protocol): the users with rows are permuted with `seed` and dealt into `k`
    /// folds; split f holds out fold f as test users, takes `validation` further users
    /// (the next ones in the permutation) as validation users, and trains on the rest.
    /// Held-out users get an `foldIn`/rest split of their rows as in `heldOutUsers`, and
    /// items are those of each split's training users.
    /// - Throws: `DataError` for k < 2, a fold-in share outside (0, 1], or too few users
    ///   to leave training users in every split.
    public func userFolds(_ k: Int, validation: Int, foldIn: Double = 0.8, seed: UInt64) throws -> [HeldOutUsersSplit] {
        let op = "Interactions.userFolds(_:validation:foldIn:seed:)"
        let active = countsPerUser().enumerated().filter { $0.element > 0 }.map(\.offset)
        guard k >= 2 else { throw DataError("\(op): expected at least 2 folds, got \(k)") }
        guard foldIn > 0, foldIn <= 1 else { throw DataError("\(op): expected 0 < foldIn <= 1, got \(foldIn)") }
        guard validation >= 0, active.count - (active.count + k - 1) / k - validation >= 1 else {
            throw DataError("\(op): \(active.count) users with rows leave no training users for \(k) folds and \(validation) validation users")
        }
        var rng = SeededGenerator(seed: seed)
        var perm = active
        seededShuffle(&perm, &rng)
        return (0..<k).map { f in
            let lo = perm.count * f / k, hi = perm.count * (f + 1) / k
            let test = Array(perm[lo..<hi])
            let rest = Array(perm[hi...] + perm[..<lo])
            return heldOutUsers(train: Array(rest[validation...]), validation: Array(rest[..<validation]), test: test,
                                foldIn: foldIn, rng: &rng)
        }
    }
}
