import TensorKit

/// What a top-N model is asked to rank and how it is judged: for each evaluated user, the
/// history the model sees (one sparse row), the relevant items it should find, and the
/// items that are left out of its ranking (already seen).
///
/// Two protocols build one:
/// - the same users (RecBole's): `RankingTask(history: train, relevant: test, excluding: [validation])`
///   ranks every item a user has not seen, histories from training, users with a test item;
/// - held-out users (Liang's strong generalisation): `RankingTask(split.test)` gives the
///   fold-in rows as histories, the held-out rows as relevant, fold-in items excluded.
public struct RankingTask: Sendable {
    /// The dense user index of each row (for naming; models score the history).
    public var users: [Int]
    /// One row per evaluated user: the items the model may use, as ones.
    public var history: SparseMatrix
    /// The relevant items of each row.
    public var relevant: ItemLists
    /// The items left out of each row's ranking.
    public var excluded: ItemLists

    /// A task from its parts, one row each.
    /// - Throws: if the parts have different numbers of rows.
    public init(users: [Int], history: SparseMatrix, relevant: ItemLists, excluded: ItemLists) throws {
        guard history.rowCount == users.count, relevant.userCount == users.count, excluded.userCount == users.count else {
            throw DataError("RankingTask: expected \(users.count) rows in history, relevant and excluded, got \(history.rowCount), \(relevant.userCount), \(excluded.userCount)")
        }
        self.users = users; self.history = history; self.relevant = relevant; self.excluded = excluded
    }

    /// The same-users protocol: every user with at least one row in `relevant`, the
    /// history taken from `history`'s rows, and the items of `history` and of every table
    /// in `excluding` left out of the ranking (pass `[validation]` for a test task).
    /// - Throws: if the tables do not share vocabularies.
    public init(history: Interactions, relevant: Interactions, excluding: [Interactions] = []) throws {
        for t in [relevant] + excluding where t.userVocabulary != history.userVocabulary || t.itemVocabulary != history.itemVocabulary {
            throw DataError("RankingTask(history:relevant:excluding:): expected tables sharing user and item vocabularies")
        }
        let targets = relevant.itemsByUser()
        let users = targets.indices.filter { !targets[$0].isEmpty }
        var excludedLists = [[Int32]](repeating: [], count: history.userCount)
        for t in [history] + excluding {
            for (u, items) in t.itemsByUser().enumerated() { excludedLists[u] += items }
        }
        let matrix = try history.sparseMatrix(values: .ones, duplicates: .last).rows(users)
        try self.init(users: users, history: matrix, relevant: ItemLists(users.map { targets[$0] }),
                      excluded: ItemLists(users.map { excludedLists[$0] }))
    }

    /// Liang's held-out users: fold-in rows as histories, held-out rows as relevant,
    /// fold-in items excluded, one row per user of the set (users without held-out rows
    /// count as NaN and drop out of the means).
    /// - Throws: if the set's matrices cannot be built.
    public init(_ set: FoldInSet) throws {
        let (foldIn, _) = try set.matrices(values: .ones)
        try self.init(users: set.users, history: foldIn.mapValues { _ in 1 },
                      relevant: set.holdOutLists, excluded: set.foldInLists)
    }

    /// The number of evaluated users.
    public var userCount: Int { users.count }
}
