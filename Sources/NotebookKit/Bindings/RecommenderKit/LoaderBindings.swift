import Foundation
import RecommenderKit
import ScriptKit

/// Rows for loading datasets from disk: `DatasetLoader` with format detection, and the
/// `load` function and constants of each format (`MovieLens100K`, `MovieLens1M`,
/// `MovieLensCSV`, `NetflixPrize`, `KaggleNetflix`, `RecBoleAtomic`). Every loader throws
/// a `DataError` naming the file and line when a file is missing or malformed.
enum LoaderBindings {
    static func register(in registry: Registry, session: Session?) {
        registerDatasetLoader(in: registry)
        registry.type("MovieLens100K", doc: "The native MovieLens 100K files (GroupLens, 1998): `u.data`, `u.item`, `u.user`, `u.genre` and `u.occupation`.")
            .staticProperty("defaultGenres: [String]", doc: "The 19 genres of ML-100K in column order, used when `u.genre` is absent.") {
                MovieLens100K.defaultGenres.scriptValue
            }
            .staticMethod("load(directory: URL) throws -> Dataset",
                          doc: "Loads a folder holding `u.data` and, when present, `u.item`, `u.user`, `u.genre`.") { args in
                try MovieLens100K.load(directory: args.get(0)).scriptValue
            }
        registry.type("MovieLens1M", doc: "MovieLens 1M (GroupLens, 2003): `ratings.dat`, `movies.dat`, `users.dat`, fields separated by `::`, Latin-1 text; genres in `movies.dat` are separated by `|`.")
            .staticProperty("genres: [String]", doc: "The 18 genres of ML-1M, in the order of its README.") {
                MovieLens1M.genres.scriptValue
            }
            .staticProperty("occupations: [String]", doc: "Occupation names for the codes 0-20 of `users.dat`.") {
                MovieLens1M.occupations.scriptValue
            }
            .staticMethod("load(directory: URL) throws -> Dataset",
                          doc: "Loads a folder holding `ratings.dat` and, when present, `movies.dat` and `users.dat`.") { args in
                try MovieLens1M.load(directory: args.get(0)).scriptValue
            }
        registry.type("MovieLensCSV", doc: "MovieLens 20M / 25M / ml-latest CSV files: `ratings.csv`, `movies.csv` and the tag genome (`genome-scores.csv`, `genome-tags.csv`).")
            .staticProperty("ratingsHeader: String", doc: "The header `ratings.csv` must start with.") {
                MovieLensCSV.ratingsHeader.scriptValue
            }
            .staticMethod("load(directory: URL, name: String? = nil) throws -> Dataset",
                          doc: "Loads a folder holding `ratings.csv` and, when present, `movies.csv` and the genome files.") { args in
                try MovieLensCSV.load(directory: args.get(0), name: args.get(1)).scriptValue
            }
        registry.type("NetflixPrize", doc: "The Netflix Prize rating files (`combined_data_*.txt`, or `training_set/mv_*.txt`).")
            .staticMethod("load(directory: URL) throws -> Dataset",
                          doc: "Loads every `combined_data_*.txt` (or `training_set/mv_*.txt`) of a folder, in name order, into one table, with titles when `movie_titles.txt`/`.csv` is present.") { args in
                try NetflixPrize.load(directory: args.get(0)).scriptValue
            }
        registry.type("KaggleNetflix", doc: "The Kaggle \"Netflix movie rating\" CSV: header `User_ID,Rating,Movie_ID`, one rating per line, no timestamps (they read as 0).")
            .staticProperty("header: String", doc: "The header the file must start with.") { KaggleNetflix.header.scriptValue }
            .staticMethod("load(file url: URL) throws -> Dataset",
                          doc: "Loads a Kaggle Netflix CSV file (header `User_ID,Rating,Movie_ID`).") { args in
                try KaggleNetflix.load(file: args.get(0)).scriptValue
            }
        registry.type("RecBoleAtomic", doc: "RecBole's atomic files: tab-separated, with a header of `name:type` fields (types `token`, `token_seq`, `float`, `float_seq`).")
            .staticProperty("fieldTypes: Set<String>", doc: "The field types RecBole defines.") {
                .set(ScriptSet(RecBoleAtomic.fieldTypes.sorted().map(Value.string)))
            }
            .staticMethod("load(directory: URL, name: String? = nil) throws -> Dataset",
                          doc: "Loads `NAME.inter` from a folder, with `NAME.item`, `NAME.user`, `NAME.kg` and `NAME.link` when present.") { args in
                try RecBoleAtomic.load(directory: args.get(0), name: args.get(1)).scriptValue
            }
    }

    static func registerDatasetLoader(in registry: Registry) {
        let format = registry.type("DatasetFormat", doc: "The file formats `DatasetLoader.load(_:)` recognises.")
        for f in DatasetFormat.allCases {
            format.staticProperty("\(f): DatasetFormat", doc: "\(f.rawValue).") { f.scriptValue }
        }
        format
            .staticProperty("allCases: [DatasetFormat]", doc: "Every format, in declaration order.") {
                DatasetFormat.allCases.scriptValue
            }
            .readOnly("rawValue: String", \DatasetFormat.rawValue, doc: "The format's description, e.g. `ml-1m (ratings.dat)`.")
            .equatable(DatasetFormat.self)
        registry.type("DatasetLoader", doc: "Loads a dataset from a folder (or a single file), detecting the format from the files present.")
            .staticMethod("detect(_ url: URL) -> DatasetFormat?",
                          doc: "The format of the dataset at `url`, or nil when none is recognised.") { args in
                DatasetLoader.detect(try args.get(0)).scriptValue
            }
            .staticMethod("load(_ url: URL) throws -> Dataset",
                          doc: "Loads the dataset at `url` (a folder, a `.inter` file or a Kaggle Netflix CSV).") { args in
                try DatasetLoader.load(args.get(0, as: URL.self)).scriptValue
            }
            .staticMethod("load(path: String) throws -> Dataset", doc: "Loads `path` (a string path) — see `load(_:)`.") { args in
                try DatasetLoader.load(path: args.get(0)).scriptValue
            }
    }
}
