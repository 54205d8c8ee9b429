import Foundation

/// The Kaggle "Netflix movie rating" CSV: header `User_ID,Rating,Movie_ID`, one rating per
/// line, no timestamps (they read as 0).
public enum KaggleNetflix {
    /// The header the file must start with.
    public static let header = "User_ID,Rating,Movie_ID"

    /// Loads the first `*.csv` of a folder whose header is `User_ID,Rating,Movie_ID`.
    public static func load(file url: URL) throws -> Dataset {
        Dataset(name: "netflix-kaggle", ratings: try parseRatings(readFileData(url), file: url.lastPathComponent))
    }

    /// Parses the CSV.
    public static func parseRatings(_ data: Data, file: String = "Netflix_Dataset_Rating.csv") throws -> Interactions {
        try RatingsParser.parse(data, file: file, layout: RatingsLayout(
            delimiter: [44], delimiterName: "commas", fieldCount: 3,
            user: 0, item: 2, rating: 1, timestamp: nil, header: header))
    }
}
