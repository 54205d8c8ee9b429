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
    /// Where the publisher's MD5 sidecar is, for an archive updated in place (no fixed
    /// `md5`): it is downloaded and checked against instead.
    public var md5URL: URL?
    /// The folder inside the official zip whose files make up the dataset (`ml-100k/`).
    public var archiveFolder: String?
    /// The PyPI requirement whose wheel carries a copy (`recbole==1.2.1`), and the wheel
    /// folder holding it.
    public var wheelRequirement: String?
    /// The folder inside the wheel, with a trailing slash.
    public var wheelFolder: String?

    /// The datasets `swiftnb data fetch` can obtain: the MovieLens archives the loaders
    /// read, each checked against GroupLens's published MD5.
    public static let known: [DatasetSource] = [
        DatasetSource(
            name: "ml-100k",
            summary: "MovieLens 100K: 100,000 ratings (1-5) of 1,682 movies by 943 users, with genres and demographics",
            officialURL: URL(string: "https://files.grouplens.org/datasets/movielens/ml-100k.zip"),
            md5: "0e33842e24a9c977be4e0107933c0723",
            archiveFolder: "ml-100k/",
            wheelRequirement: "recbole==1.2.1",
            wheelFolder: "recbole/dataset_example/ml-100k/"),
        DatasetSource(
            name: "ml-1m",
            summary: "MovieLens 1M: 1,000,209 ratings (1-5) of 3,706 movies by 6,040 users, with genres and demographics",
            officialURL: URL(string: "https://files.grouplens.org/datasets/movielens/ml-1m.zip"),
            md5: "c4d9eecfca2ab87c1945afe126590906",
            archiveFolder: "ml-1m/"),
        DatasetSource(
            name: "ml-20m",
            summary: "MovieLens 20M: 20,000,263 ratings (0.5-5) of 26,744 movies by 138,493 users, with the tag genome",
            officialURL: URL(string: "https://files.grouplens.org/datasets/movielens/ml-20m.zip"),
            md5: "cd245b17a1ae2cc31bb14903e1204af3",
            archiveFolder: "ml-20m/"),
        DatasetSource(
            name: "ml-latest-small",
            summary: "MovieLens latest small: about 100,000 ratings (0.5-5) of 9,000 movies by 600 users (updated by GroupLens)",
            officialURL: URL(string: "https://files.grouplens.org/datasets/movielens/ml-latest-small.zip"),
            md5URL: URL(string: "https://files.grouplens.org/datasets/movielens/ml-latest-small.zip.md5"),
            archiveFolder: "ml-latest-small/"),
    ]
}
