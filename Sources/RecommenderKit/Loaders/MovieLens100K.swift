import Foundation

/// The native MovieLens 100K files (GroupLens, 1998): `u.data` (user, item, rating,
/// timestamp; tab-separated), `u.item` and `u.user` (pipe-separated, Latin-1),
/// `u.genre` (`name|index`) and `u.occupation` (one name per line).
public enum MovieLens100K {
    /// The 19 genres of ML-100K in column order, used when `u.genre` is absent.
    public static let defaultGenres = [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime",
        "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
        "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ]

    /// Loads a folder holding `u.data` and, when present, `u.item`, `u.user`, `u.genre`.
    public static func load(directory: URL) throws -> Dataset {
        let f = { (name: String) in directory.appendingPathComponent(name) }
        let ratings = try parseRatings(readFileData(f("u.data")), file: "u.data")
        var genres = defaultGenres
        if exists(f("u.genre")) { genres = try parseGenres(readFileData(f("u.genre")), file: "u.genre") }
        let items = exists(f("u.item"))
            ? try parseItems(readFileData(f("u.item")), file: "u.item", genres: genres) : nil
        let users = exists(f("u.user")) ? try parseUsers(readFileData(f("u.user")), file: "u.user") : nil
        return Dataset(name: "ml-100k", ratings: ratings, items: items, users: users)
    }

    /// Parses `u.data`: `user<TAB>item<TAB>rating<TAB>timestamp` per line.
    public static func parseRatings(_ data: Data, file: String = "u.data") throws -> Interactions {
        try RatingsParser.parse(data, file: file, layout: RatingsLayout(
            delimiter: [9], delimiterName: "tabs", fieldCount: 4,
            user: 0, item: 1, rating: 2, timestamp: 3, header: nil))
    }

    /// Parses `u.genre`: `name|index` lines; indices must be 0, 1, 2, ... in order.
    public static func parseGenres(_ data: Data, file: String = "u.genre") throws -> [String] {
        let records = try DelimitedText.records(data, file: file, delimiter: [124],
                                                delimiterName: "\"|\"", fieldCount: 2, encoding: .latin1)
        guard !records.isEmpty else { throw DataError(file: file, "the file is empty; expected genre lines") }
        for (k, r) in records.enumerated() where Int(r.fields[1]) != k {
            throw DataError(file: file, line: r.line, "expected genre index \(k), found \"\(r.fields[1])\"")
        }
        return records.map { $0.fields[0] }
    }

    /// Parses `u.item`: id, title (with year), release date, video release date, IMDb URL,
    /// then one 0/1 flag per genre.
    public static func parseItems(_ data: Data, file: String = "u.item",
                                  genres: [String] = defaultGenres) throws -> ItemMetadata {
        let n = 5 + genres.count
        let records = try DelimitedText.records(data, file: file, delimiter: [124], delimiterName: "\"|\"",
                                                fieldCount: n, encoding: .latin1)
        guard !records.isEmpty else { throw DataError(file: file, "the file is empty; expected item lines") }
        var ids = [String](), titles = [String](), years = [Int?](), g = [[Int]]()
        var dates = [String](), urls = [String]()
        for r in records {
            let f = r.fields
            var flags = [Int]()
            for j in 0..<genres.count {
                switch f[5 + j] {
                case "1": flags.append(j)
                case "0": break
                default: throw DataError(file: file, line: r.line, "expected 0 or 1 for genre \"\(genres[j])\", found \"\(f[5 + j])\"")
                }
            }
            let (title, titleYear) = splitTitleYear(f[1])
            ids.append(f[0]); titles.append(title); g.append(flags)
            years.append(titleYear ?? Int(f[2].suffix(4)))
            dates.append(f[2]); urls.append(f[4])
        }
        return try ItemMetadata(ids: ids, titles: titles, years: years, genres: g, genreNames: genres,
                                features: ["release_date": dates, "imdb_url": urls])
    }

    /// Parses `u.user`: `id|age|gender|occupation|zip`.
    public static func parseUsers(_ data: Data, file: String = "u.user") throws -> UserMetadata {
        let records = try DelimitedText.records(data, file: file, delimiter: [124], delimiterName: "\"|\"",
                                                fieldCount: 5, encoding: .latin1)
        guard !records.isEmpty else { throw DataError(file: file, "the file is empty; expected user lines") }
        var ages = [Int?]()
        for r in records {
            guard let a = Int(r.fields[1]) else {
                throw DataError(file: file, line: r.line, "expected a numeric age, found \"\(r.fields[1])\"")
            }
            ages.append(a)
        }
        return try UserMetadata(ids: records.map { $0.fields[0] }, ages: ages,
                                genders: records.map { $0.fields[2] },
                                occupations: records.map { $0.fields[3] },
                                zipCodes: records.map { $0.fields[4] })
    }

    /// Parses `u.occupation`: one occupation name per line.
    public static func parseOccupations(_ data: Data, file: String = "u.occupation") throws -> [String] {
        let records = try DelimitedText.records(data, file: file, delimiter: [124], delimiterName: "\"|\"",
                                                fieldCount: 1, encoding: .latin1)
        guard !records.isEmpty else { throw DataError(file: file, "the file is empty; expected occupation lines") }
        return records.map { $0.fields[0] }
    }
}

func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }
