import Foundation

/// MovieLens 20M / 25M / ml-latest CSV files: `ratings.csv`
/// (`userId,movieId,rating,timestamp`; unnamed extra columns after these, as in the 2016
/// ml-latest-small, are ignored and noted in `Dataset.notes`), `movies.csv` (`movieId,title,genres`, titles
/// quoted when they hold commas, genres separated by `|`), and the tag genome
/// (`genome-scores.csv`: `movieId,tagId,relevance`; `genome-tags.csv`: `tagId,tag`).
public enum MovieLensCSV {
    /// The header `ratings.csv` must start with.
    public static let ratingsHeader = "userId,movieId,rating,timestamp"

    /// Loads a folder holding `ratings.csv` and, when present, `movies.csv` and the genome
    /// files (into `Dataset.tables["genome-scores"]` and `["genome-tags"]`).
    public static func load(directory: URL, name: String? = nil) throws -> Dataset {
        let f = { (n: String) in directory.appendingPathComponent(n) }
        let (ratings, notes) = try RatingsParser.parseWithNotes(readFileData(f("ratings.csv")), file: "ratings.csv",
                                                                layout: ratingsLayout)
        var d = Dataset(name: name ?? directory.lastPathComponent, ratings: ratings)
        d.notes = notes
        if exists(f("movies.csv")) { d.items = try parseMovies(readFileData(f("movies.csv"))) }
        for (file, header) in [("genome-scores", ["movieId", "tagId", "relevance"]),
                               ("genome-tags", ["tagId", "tag"])] where exists(f(file + ".csv")) {
            d.tables[file] = try parseTable(readFileData(f(file + ".csv")), file: file + ".csv", header: header)
        }
        return d
    }

    /// Parses `ratings.csv` with the fast parser (values of unnamed extra columns ignored).
    public static func parseRatings(_ data: Data, file: String = "ratings.csv") throws -> Interactions {
        try RatingsParser.parse(data, file: file, layout: ratingsLayout)
    }

    static let ratingsLayout = RatingsLayout(
        delimiter: [44], delimiterName: "commas", fieldCount: 4,
        user: 0, item: 1, rating: 2, timestamp: 3, header: ratingsHeader, allowsUnnamedColumns: true)

    /// Parses `movies.csv`.
    public static func parseMovies(_ data: Data, file: String = "movies.csv") throws -> ItemMetadata {
        let (_, rows) = try DelimitedText.csv(data, file: file, header: ["movieId", "title", "genres"])
        return try movieTable(rows, genreSeparator: "|", file: file)
    }

    /// Parses a CSV file with the given header into a text table.
    public static func parseTable(_ data: Data, file: String, header: [String]) throws -> TextTable {
        let (h, rows) = try DelimitedText.csv(data, file: file, header: header)
        return TextTable(columns: h, rows: rows.map(\.fields))
    }
}
