/// A columnar table of user-item interactions: one row per rating event.
///
/// Users and items are stored as dense indices into `userVocabulary` and `itemVocabulary`,
/// which map them back to the raw ids of the source files. Timestamps are seconds since
/// 1970 (0 where the source has none). Subsets and splits keep the vocabularies, so every
/// part of a split shares one index space.
public struct Interactions: Sendable {
    /// Dense user index per row.
    public private(set) var users: [Int32]
    /// Dense item index per row.
    public private(set) var items: [Int32]
    /// Rating (or 1 for implicit feedback) per row.
    public private(set) var ratings: [Float]
    /// Timestamp per row, in seconds (0 when unknown).
    public private(set) var timestamps: [Int64]
    /// Raw user ids.
    public let userVocabulary: Vocabulary
    /// Raw item ids.
    public let itemVocabulary: Vocabulary

    /// Creates a table from dense columns, checking that the columns have equal lengths
    /// and that every index lies inside its vocabulary.
    public init(users: [Int32], items: [Int32], ratings: [Float], timestamps: [Int64]? = nil,
                userVocabulary: Vocabulary, itemVocabulary: Vocabulary) throws {
        let n = users.count
        guard items.count == n, ratings.count == n, (timestamps?.count ?? n) == n else {
            throw DataError("Interactions(users:items:ratings:): expected columns of equal length, got \(users.count), \(items.count), \(ratings.count), \(timestamps?.count ?? n)")
        }
        if let bad = users.first(where: { $0 < 0 || Int($0) >= userVocabulary.count }) {
            throw DataError("Interactions(users:...): user index \(bad) outside 0..<\(userVocabulary.count)")
        }
        if let bad = items.first(where: { $0 < 0 || Int($0) >= itemVocabulary.count }) {
            throw DataError("Interactions(items:...): item index \(bad) outside 0..<\(itemVocabulary.count)")
        }
        self.init(unchecked: users, items, ratings, timestamps ?? [Int64](repeating: 0, count: n),
                  userVocabulary, itemVocabulary)
    }

    /// Creates a table from raw ids, building the vocabularies in first-seen order.
    public init(rawUsers: [String], rawItems: [String], ratings: [Float],
                timestamps: [Int64]? = nil) throws {
        guard rawItems.count == rawUsers.count, ratings.count == rawUsers.count else {
            throw DataError("Interactions(rawUsers:rawItems:ratings:): expected columns of equal length, got \(rawUsers.count), \(rawItems.count), \(ratings.count)")
        }
        var uv = Vocabulary(), iv = Vocabulary()
        let u = rawUsers.map { uv.insert($0) }
        let i = rawItems.map { iv.insert($0) }
        try self.init(users: u, items: i, ratings: ratings, timestamps: timestamps,
                      userVocabulary: uv, itemVocabulary: iv)
    }

    init(unchecked users: [Int32], _ items: [Int32], _ ratings: [Float], _ timestamps: [Int64],
         _ userVocabulary: Vocabulary, _ itemVocabulary: Vocabulary) {
        self.users = users
        self.items = items
        self.ratings = ratings
        self.timestamps = timestamps
        self.userVocabulary = userVocabulary
        self.itemVocabulary = itemVocabulary
    }

    /// The number of rows.
    public var count: Int { users.count }
    /// The number of users in the vocabulary (some may have no rows in a subset).
    public var userCount: Int { userVocabulary.count }
    /// The number of items in the vocabulary (some may have no rows in a subset).
    public var itemCount: Int { itemVocabulary.count }
    /// True when there are no rows.
    public var isEmpty: Bool { users.isEmpty }

    /// The rows at the given positions, in that order, with the same vocabularies.
    /// Positions outside `0..<count` are skipped.
    public func subset(_ rows: [Int]) -> Interactions {
        let valid = rows.filter { $0 >= 0 && $0 < count }
        return Interactions(unchecked: valid.map { users[$0] }, valid.map { items[$0] },
                            valid.map { ratings[$0] }, valid.map { timestamps[$0] },
                            userVocabulary, itemVocabulary)
    }

    /// The rows for which `keep` returns true, with the same vocabularies.
    public func filter(_ keep: (Interaction) -> Bool) -> Interactions {
        subset((0..<count).filter { keep(row($0)) })
    }

    /// The same rows with every rating replaced.
    public func withRatings(_ newRatings: [Float]) throws -> Interactions {
        guard newRatings.count == count else {
            throw DataError("Interactions.withRatings: expected \(count) ratings, got \(newRatings.count)")
        }
        return Interactions(unchecked: users, items, newRatings, timestamps, userVocabulary, itemVocabulary)
    }

    /// Rows of this table followed by rows of `other`, which must share the vocabularies.
    public func appending(_ other: Interactions) throws -> Interactions {
        guard other.userVocabulary == userVocabulary, other.itemVocabulary == itemVocabulary else {
            throw DataError("Interactions.appending: expected tables sharing user and item vocabularies")
        }
        return Interactions(unchecked: users + other.users, items + other.items,
                            ratings + other.ratings, timestamps + other.timestamps,
                            userVocabulary, itemVocabulary)
    }
}

/// One row of an `Interactions` table, with raw and dense ids.
public struct Interaction: Equatable, Sendable {
    /// Dense user index.
    public var user: Int
    /// Dense item index.
    public var item: Int
    /// Raw user id.
    public var userID: String
    /// Raw item id.
    public var itemID: String
    /// Rating value.
    public var rating: Float
    /// Timestamp in seconds (0 when unknown).
    public var timestamp: Int64
}

extension Interactions {
    /// Row `i`, or nil when `i` is out of range.
    public func row(at i: Int) -> Interaction? {
        guard i >= 0 && i < count else { return nil }
        return row(i)
    }

    func row(_ i: Int) -> Interaction {
        let u = Int(users[i]), it = Int(items[i])
        return Interaction(user: u, item: it, userID: userVocabulary.ids[u],
                           itemID: itemVocabulary.ids[it], rating: ratings[i], timestamp: timestamps[i])
    }

    /// The first `n` rows (fewer when the table is shorter), for display.
    public func head(_ n: Int = 5) -> [Interaction] {
        (0..<max(0, min(n, count))).map(row)
    }
}
