import TensorKit

/// The users of one held-out set (validation or test) of a strong-generalisation split:
/// their rows split into a fold-in part (given to the model) and a held-out part (scored).
public struct FoldInSet: Sendable {
    /// Dense user indices of the held-out users, in permutation order.
    public var users: [Int]
    /// The fold-in rows of those users.
    public var foldIn: Interactions
    /// The held-out rows of those users.
    public var holdOut: Interactions

    /// Fold-in and held-out matrices with one row per entry of `users` (in that order)
    /// and one column per item, as vae_cf's `vad_data_tr` / `vad_data_te`.
    public func matrices(values: Interactions.MatrixValues = .ones) throws -> (foldIn: SparseMatrix, holdOut: SparseMatrix) {
        (try foldIn.sparseMatrix(values: values).rows(users), try holdOut.sparseMatrix(values: values).rows(users))
    }

    /// Held-out item lists per entry of `users`, for `RankingEvaluator` (relevant items).
    public var holdOutLists: ItemLists {
        let g = holdOut.itemsByUser()
        return ItemLists(users.map { g[$0] })
    }

    /// Fold-in item lists per entry of `users`, for `RankingEvaluator` (excluded items).
    public var foldInLists: ItemLists {
        let g = foldIn.itemsByUser()
        return ItemLists(users.map { g[$0] })
    }
}

/// Liang et al.'s strong-generalisation split (dawenl/vae_cf): users are permuted (seeded),
/// the last `testUsers` become test users, the `validationUsers` before them validation
/// users, the rest training users. Items are restricted to those the training users have
/// (`unique_sid`), in order of first appearance among the training rows. Each held-out
/// user with at least 5 rows has `Int(holdOutRatio · n)` of them, chosen at random, held
/// out; users with fewer rows keep all of them as fold-in.
public struct HeldOutUsersSplit: Sendable {
    /// The rows of the training users.
    public var train: Interactions
    /// The validation users.
    public var validation: FoldInSet
    /// The test users.
    public var test: FoldInSet
    /// Dense indices of the training users, in permutation order.
    public var trainUsers: [Int]

    /// Items in the shared (training) item vocabulary.
    public var itemCount: Int { train.itemCount }
    /// Users in the shared user vocabulary.
    public var userCount: Int { train.userCount }

    /// The training matrix with one row per training user (in `trainUsers` order).
    public func trainMatrix(values: Interactions.MatrixValues = .ones) throws -> SparseMatrix {
        try train.sparseMatrix(values: values).rows(trainUsers)
    }
}

extension Interactions {
    /// Splits users into train / validation / test users with a fold-in split for the
    /// held-out ones (see `HeldOutUsersSplit`). `foldIn` is the share kept as fold-in (0.8).
    public func heldOutUsers(validation: Int, test: Int, foldIn: Double = 0.8, seed: UInt64) throws -> HeldOutUsersSplit {
        let op = "Interactions.heldOutUsers(validation:test:foldIn:seed:)"
        let active = countsPerUser().enumerated().filter { $0.element > 0 }.map(\.offset)
        guard validation >= 0, test >= 0, validation + test < active.count else {
            throw DataError("\(op): expected validation + test below the \(active.count) users with rows, got \(validation) + \(test)")
        }
        guard foldIn > 0, foldIn <= 1 else { throw DataError("\(op): expected 0 < foldIn <= 1, got \(foldIn)") }
        var rng = SeededGenerator(seed: seed)
        var perm = active
        seededShuffle(&perm, &rng)
        let nTrain = perm.count - validation - test
        return heldOutUsers(train: Array(perm[0..<nTrain]), validation: Array(perm[nTrain..<(nTrain + validation)]),
                            test: Array(perm[(nTrain + validation)...]), foldIn: foldIn, rng: &rng)
    }

    /// The split for given user lists; `rng` draws each held-out user's fold-in rows.
    func heldOutUsers(train trainUsers: [Int], validation validUsers: [Int], test testUsers: [Int],
                      foldIn: Double, rng: inout SeededGenerator) -> HeldOutUsersSplit {
        let byUser = rowsByUser()
        let trainRows = trainUsers.flatMap { byUser[$0] }.sorted()
        var seen = [Bool](repeating: false, count: itemCount), uniqueItems = [Int32]()
        for r in trainRows where !seen[Int(items[r])] { seen[Int(items[r])] = true; uniqueItems.append(items[r]) }
        let restricted = restrictingItems(to: uniqueItems)
        let rByUser = restricted.rowsByUser()
        func foldInSet(_ us: [Int]) -> FoldInSet {
            var tr = [Int](), te = [Int]()
            for u in us {
                var rows = rByUser[u]
                if rows.count >= 5 {
                    seededShuffle(&rows, &rng)
                    // The small epsilon makes 0.2 · 10 give 2 although 1 − 0.8 is 0.19999999999999996.
                    let nHold = Int((1 - foldIn) * Double(rows.count) + 1e-9)
                    te.append(contentsOf: rows[0..<nHold]); tr.append(contentsOf: rows[nHold...])
                } else {
                    tr.append(contentsOf: rows)
                }
            }
            return FoldInSet(users: us, foldIn: restricted.subset(tr.sorted()), holdOut: restricted.subset(te.sorted()))
        }
        let trainPart = restricted.subset(trainUsers.flatMap { rByUser[$0] }.sorted())
        return HeldOutUsersSplit(train: trainPart, validation: foldInSet(validUsers), test: foldInSet(testUsers),
                                 trainUsers: trainUsers)
    }
}
