/// User features: one entry per user, in the order of `ids` (raw user ids).
public struct UserMetadata: Sendable {
    /// Raw user ids.
    public var ids: [String]
    /// Age in years (ML-100K), or the age-group code (ML-1M); nil when unknown.
    public var ages: [Int?]
    /// Gender as written ("M", "F").
    public var genders: [String]
    /// Occupation name (ML-1M codes are mapped to their names).
    public var occupations: [String]
    /// Zip code as written.
    public var zipCodes: [String]

    /// Creates a table; every column must have `ids.count` entries.
    public init(ids: [String], ages: [Int?], genders: [String], occupations: [String],
                zipCodes: [String]) throws {
        let n = ids.count
        guard ages.count == n, genders.count == n, occupations.count == n, zipCodes.count == n else {
            throw DataError("UserMetadata(ids:ages:genders:occupations:zipCodes:): expected \(n) values in every column")
        }
        self.ids = ids; self.ages = ages; self.genders = genders
        self.occupations = occupations; self.zipCodes = zipCodes
    }

    /// The number of users.
    public var count: Int { ids.count }
}
