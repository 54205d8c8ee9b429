import Foundation

/// MovieLens 1M (GroupLens, 2003): `ratings.dat`, `movies.dat`, `users.dat`, fields
/// separated by `::`, Latin-1 text; genres in `movies.dat` are separated by `|`.
public enum MovieLens1M {
    /// The 18 genres of ML-1M, in the order of its README.
    public static let genres = [
        "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
        "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
        "Thriller", "War", "Western",
    ]

    /// Occupation names for the codes 0-20 of `users.dat`.
    public static let occupations = [
        "other", "academic/educator", "artist", "clerical/admin", "college/grad student",
        "customer service", "doctor/health care", "executive/managerial", "farmer", "homemaker",
        "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
        "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer",
    ]

    /// Loads a folder holding `ratings.dat` and, when present, `movies.dat` and `users.dat`.
    public static func load(directory: URL) throws -> Dataset {
        let f = { (name: String) in directory.appendingPathComponent(name) }
        var d = Dataset(name: "ml-1m", ratings: try parseRatings(readFileData(f("ratings.dat"))))
        if exists(f("movies.dat")) { d.items = try parseMovies(readFileData(f("movies.dat"))) }
        if exists(f("users.dat")) { d.users = try parseUsers(readFileData(f("users.dat"))) }
        return d
    }

    /// Parses `ratings.dat`: `UserID::MovieID::Rating::Timestamp`.
    public static func parseRatings(_ data: Data, file: String = "ratings.dat") throws -> Interactions {
        try RatingsParser.parse(data, file: file, layout: RatingsLayout(
            delimiter: [58, 58], delimiterName: "\"::\"", fieldCount: 4,
            user: 0, item: 1, rating: 2, timestamp: 3, header: nil))
    }

    /// Parses `movies.dat`: `MovieID::Title (Year)::Genre|Genre`.
    public static func parseMovies(_ data: Data, file: String = "movies.dat") throws -> ItemMetadata {
        let records = try DelimitedText.records(data, file: file, delimiter: [58, 58],
                                                delimiterName: "\"::\"", fieldCount: 3, encoding: .latin1)
        guard !records.isEmpty else { throw DataError(file: file, "the file is empty; expected movie lines") }
        return try movieTable(records, genreSeparator: "|", file: file)
    }

    /// Parses `users.dat`: `UserID::Gender::Age::Occupation::Zip-code` (age is a group code).
    public static func parseUsers(_ data: Data, file: String = "users.dat") throws -> UserMetadata {
        let records = try DelimitedText.records(data, file: file, delimiter: [58, 58],
                                                delimiterName: "\"::\"", fieldCount: 5, encoding: .latin1)
        guard !records.isEmpty else { throw DataError(file: file, "the file is empty; expected user lines") }
        var ages = [Int?](), occ = [String]()
        for r in records {
            guard let a = Int(r.fields[2]) else {
                throw DataError(file: file, line: r.line, "expected a numeric age code, found \"\(r.fields[2])\"")
            }
            guard let o = Int(r.fields[3]), o >= 0, o < occupations.count else {
                throw DataError(file: file, line: r.line, "expected an occupation code 0-20, found \"\(r.fields[3])\"")
            }
            ages.append(a); occ.append(occupations[o])
        }
        return try UserMetadata(ids: records.map { $0.fields[0] }, ages: ages,
                                genders: records.map { $0.fields[1] }, occupations: occ,
                                zipCodes: records.map { $0.fields[4] })
    }
}

/// Builds item metadata from (id, "Title (Year)", "G1|G2") records; genre names in
/// first-seen order ("(no genres listed)" counts as none).
func movieTable(_ records: [TextRecord], genreSeparator: Character, file: String) throws -> ItemMetadata {
    var names = [String](), index = [String: Int]()
    var ids = [String](), titles = [String](), years = [Int?](), genres = [[Int]]()
    for r in records {
        let (title, year) = splitTitleYear(r.fields[1])
        ids.append(r.fields[0]); titles.append(title); years.append(year)
        var g = [Int]()
        for name in r.fields[2].split(separator: genreSeparator).map(String.init)
        where name != "(no genres listed)" && !name.isEmpty {
            if index[name] == nil { index[name] = names.count; names.append(name) }
            if let i = index[name] { g.append(i) }
        }
        genres.append(g)
    }
    return try ItemMetadata(ids: ids, titles: titles, years: years, genres: genres, genreNames: names)
}
