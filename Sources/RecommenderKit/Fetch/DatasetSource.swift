import Foundation

/// A dataset that `DatasetFetcher` knows how to obtain.
public struct DatasetSource: Sendable {
    /// The folder name under the data root (`ml-100k`).
    public var name: String
    /// A one-line description.
    public var summary: String
    /// The official archive.
    public var officialURL: URL?
    /// The archive's expected MD5 (lowercase hex), checked before extraction.
    public var md5: String?
    /// The folder inside the official zip whose files make up the dataset (`ml-100k/`).
    public var archiveFolder: String?
    /// The PyPI requirement whose wheel carries a copy (`recbole==1.2.1`), and the wheel
    /// folder holding it.
    public var wheelRequirement: String?
    /// The folder inside the wheel, with a trailing slash.
    public var wheelFolder: String?

    /// The datasets `swiftnb data fetch` can obtain.
    public static let known: [DatasetSource] = [
        DatasetSource(
            name: "ml-100k",
            summary: "MovieLens 100K: 100,000 ratings (1-5) of 1,682 movies by 943 users, with genres and demographics",
            officialURL: URL(string: "https://files.grouplens.org/datasets/movielens/ml-100k.zip"),
            md5: "0e33842e24a9c977be4e0107933c0723",
            archiveFolder: "ml-100k/",
            wheelRequirement: "recbole==1.2.1",
            wheelFolder: "recbole/dataset_example/ml-100k/"),
    ]
}
