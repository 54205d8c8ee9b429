/// The side information `RecommenderNet` reads, as model inputs indexed by the dense user
/// and item indices of one `Interactions` (every part of a split shares them): per user a
/// zip-code, occupation and gender category and a standardised age; per item a release-year
/// category and multi-hot genres.
///
/// Categories are numbered in order of first appearance over the users (items); index 0 of
/// the year table is "unknown year". A missing age becomes the mean age (0 after
/// standardising: `(age − mean) / std` over the users).
///
/// ```swift
/// let data = try MovieLens.load("ml-100k")
/// let features = try RecommenderNetFeatures(data, for: data.ratings)
/// features.zipCodeCount     // 795 on ML-100K
/// ```
public struct RecommenderNetFeatures: Sendable, Equatable {
    /// Zip-code category per user.
    public var userZipCode: [Int]
    /// Occupation category per user.
    public var userOccupation: [Int]
    /// Gender category per user (one-hot encoded by the network).
    public var userGender: [Int]
    /// Standardised age per user.
    public var userAge: [Float]
    /// Release-year category per item (0 = unknown).
    public var itemYear: [Int]
    /// Multi-hot genres, row-major [items, genreCount].
    public var itemGenres: [Float]
    /// The number of genre columns.
    public var genreCount: Int
    /// The sizes of the category tables.
    public var zipCodeCount: Int, occupationCount: Int, genderCount: Int, yearCount: Int

    /// The number of users and items covered.
    public var userCount: Int { userZipCode.count }
    /// The number of items covered.
    public var itemCount: Int { itemYear.count }

    /// Features from explicit columns (the other initialiser's result, or a test's).
    /// - Throws: `ModelError` when the per-user or per-item columns differ in length, a
    ///   category is outside its table, an age is not finite, or the genre matrix does
    ///   not have `itemYear.count x genreCount` values.
    public init(userZipCode: [Int], userOccupation: [Int], userGender: [Int], userAge: [Float],
                itemYear: [Int], itemGenres: [Float], genreCount: Int) throws {
        let op = "RecommenderNetFeatures"
        let nU = userZipCode.count, nI = itemYear.count
        guard nU > 0, nI > 0, userOccupation.count == nU, userGender.count == nU, userAge.count == nU else {
            throw ModelError(op, "expected the same positive number of values in every user column, got zip \(nU), occupation \(userOccupation.count), gender \(userGender.count), age \(userAge.count)")
        }
        guard genreCount >= 0, itemGenres.count == nI * genreCount else {
            throw ModelError(op, "expected \(nI) x \(genreCount) genre values, got \(itemGenres.count)")
        }
        for (label, column) in [("zip code", userZipCode), ("occupation", userOccupation), ("gender", userGender), ("year", itemYear)] {
            if let bad = column.first(where: { $0 < 0 }) { throw ModelError(op, "\(label) categories must be >= 0, found \(bad)") }
        }
        guard userAge.allSatisfy(\.isFinite), itemGenres.allSatisfy(\.isFinite) else {
            throw ModelError(op, "ages and genre values must be finite")
        }
        self.userZipCode = userZipCode; self.userOccupation = userOccupation; self.userGender = userGender
        self.userAge = userAge; self.itemYear = itemYear; self.itemGenres = itemGenres; self.genreCount = genreCount
        zipCodeCount = (userZipCode.max() ?? 0) + 1
        occupationCount = (userOccupation.max() ?? 0) + 1
        genderCount = (userGender.max() ?? 0) + 1
        yearCount = (itemYear.max() ?? 0) + 1
    }

    /// The features of every user and item of `ratings`' vocabularies, looked up by raw id
    /// in `dataset.users` and `dataset.items`.
    /// - Throws: `ModelError` when the dataset has no user or item metadata, or a user or
    ///   item id of the vocabularies has no metadata row.
    public init(_ dataset: Dataset, for ratings: Interactions) throws {
        let op = "RecommenderNetFeatures"
        guard let users = dataset.users, let items = dataset.items else {
            throw ModelError(op, "dataset '\(dataset.name)' has no \(dataset.users == nil ? "user" : "item") metadata (ML-100K's u.user and u.item, or a RecBole .user/.item)")
        }
        var userRow = [String: Int](), itemRow = [String: Int]()
        for (k, id) in users.ids.enumerated() where userRow[id] == nil { userRow[id] = k }
        for (k, id) in items.ids.enumerated() where itemRow[id] == nil { itemRow[id] = k }
        let userRows = try ratings.userVocabulary.ids.map { id -> Int in
            guard let r = userRow[id] else { throw ModelError(op, "user '\(id)' has no row in the user metadata") }
            return r
        }
        let itemRows = try ratings.itemVocabulary.ids.map { id -> Int in
            guard let r = itemRow[id] else { throw ModelError(op, "item '\(id)' has no row in the item metadata") }
            return r
        }
        func categories(_ values: [String]) -> [Int] {
            var table = [String: Int]()
            return values.map { v in
                if let c = table[v] { return c }
                table[v] = table.count
                return table.count - 1
            }
        }
        let known = userRows.compactMap { users.ages[$0] }.map(Float.init)
        let mean = known.isEmpty ? 0 : known.reduce(0, +) / Float(known.count)
        let variance = known.isEmpty ? 0 : known.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(known.count)
        let std = variance > 0 ? variance.squareRoot() : 1
        let ages = userRows.map { r in users.ages[r].map { (Float($0) - mean) / std } ?? 0 }
        // Year category 0 is "unknown"; known years count from 1.
        var yearTable = [Int: Int]()
        let yearIndex = itemRows.map { r -> Int in
            guard let y = items.years[r] else { return 0 }
            if let c = yearTable[y] { return c }
            yearTable[y] = yearTable.count + 1
            return yearTable.count
        }
        let g = items.genreNames.count
        var genres = [Float](repeating: 0, count: itemRows.count * g)
        for (i, r) in itemRows.enumerated() { for j in items.genres[r] { genres[i * g + j] = 1 } }
        try self.init(userZipCode: categories(userRows.map { users.zipCodes[$0] }),
                      userOccupation: categories(userRows.map { users.occupations[$0] }),
                      userGender: categories(userRows.map { users.genders[$0] }),
                      userAge: ages, itemYear: yearIndex, itemGenres: genres, genreCount: g)
    }
}
