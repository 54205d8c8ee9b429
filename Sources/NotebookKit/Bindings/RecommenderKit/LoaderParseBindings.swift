import Foundation
import RecommenderKit
import ScriptKit

/// Rows for the parsers behind the loaders: each reads one file's contents (`Data`) and
/// names `file` in its errors. `RecBoleAtomic.Table` is the parsed form of an atomic file.
enum LoaderParseBindings {
    static func register(in registry: Registry) {
        registerMovieLens(in: registry)
        registerOthers(in: registry)
        registerRecBole(in: registry)
    }

    /// Registers `name(_ data: Data, file: String = "default") throws -> Result` on `type`.
    static func parser<T: ScriptConvertible>(_ type: TypeBinding, _ name: String, default file: String, _ result: String, doc: String,
                                             _ parse: @escaping (Data, String) throws -> T) {
        type.staticMethod("\(name)(_ data: Data, file: String = \"\(file)\") throws -> \(result)", doc: doc) { args in
            try parse(args.get(0), args.get(1)).scriptValue
        }
    }

    static func registerMovieLens(in registry: Registry) {
        let ml100k = registry.type("MovieLens100K", doc: "")
        parser(ml100k, "parseRatings", default: "u.data", "Interactions",
               doc: "Parses `u.data`: `user<TAB>item<TAB>rating<TAB>timestamp` per line.", MovieLens100K.parseRatings)
        parser(ml100k, "parseGenres", default: "u.genre", "[String]",
               doc: "Parses `u.genre`: `name|index` lines; indices must be 0, 1, 2, ... in order.", MovieLens100K.parseGenres)
        parser(ml100k, "parseUsers", default: "u.user", "UserMetadata",
               doc: "Parses `u.user`: `id|age|gender|occupation|zip`.", MovieLens100K.parseUsers)
        parser(ml100k, "parseOccupations", default: "u.occupation", "[String]",
               doc: "Parses `u.occupation`: one occupation name per line.", MovieLens100K.parseOccupations)
        // `genres:` defaults to `defaultGenres`, not a literal: one row with it, one without.
        let itemsDoc = "Parses `u.item`: id, title (with year), release date, video release date, IMDb URL, then one 0/1 flag per genre."
        ml100k
            .staticMethod("parseItems(_ data: Data, file: String = \"u.item\", genres: [String]) throws -> ItemMetadata",
                          doc: itemsDoc) { args in
                try MovieLens100K.parseItems(args.get(0), file: args.get(1), genres: args.get(2)).scriptValue
            }
            .staticMethod("parseItems(_ data: Data, file: String = \"u.item\") throws -> ItemMetadata",
                          doc: itemsDoc + " (genres: defaultGenres)") { args in
                try MovieLens100K.parseItems(args.get(0), file: args.get(1)).scriptValue
            }
        let ml1m = registry.type("MovieLens1M", doc: "")
        parser(ml1m, "parseRatings", default: "ratings.dat", "Interactions",
               doc: "Parses `ratings.dat`: `UserID::MovieID::Rating::Timestamp`.", MovieLens1M.parseRatings)
        parser(ml1m, "parseMovies", default: "movies.dat", "ItemMetadata",
               doc: "Parses `movies.dat`: `MovieID::Title (Year)::Genre|Genre`.", MovieLens1M.parseMovies)
        parser(ml1m, "parseUsers", default: "users.dat", "UserMetadata",
               doc: "Parses `users.dat`: `UserID::Gender::Age::Occupation::Zip-code` (age is a group code).", MovieLens1M.parseUsers)
        let csv = registry.type("MovieLensCSV", doc: "")
        parser(csv, "parseRatings", default: "ratings.csv", "Interactions",
               doc: "Parses `ratings.csv` with the fast parser (values of unnamed extra columns ignored).", MovieLensCSV.parseRatings)
        parser(csv, "parseMovies", default: "movies.csv", "ItemMetadata", doc: "Parses `movies.csv`.", MovieLensCSV.parseMovies)
        csv.staticMethod("parseTable(_ data: Data, file: String, header: [String]) throws -> TextTable",
                         doc: "Parses a CSV file with the given header into a text table.") { args in
            try MovieLensCSV.parseTable(args.get(0), file: args.get(1), header: args.get(2)).scriptValue
        }
    }

    static func registerOthers(in registry: Registry) {
        let netflix = registry.type("NetflixPrize", doc: "")
        parser(netflix, "parseRatings", default: "combined_data_1.txt", "Interactions",
               doc: "Parses one file of `MovieID:` blocks.", NetflixPrize.parseRatings)
        parser(netflix, "parseTitles", default: "movie_titles.csv", "ItemMetadata",
               doc: "Parses `movie_titles`: `MovieID,YearOfRelease,Title` (Latin-1; year may be `NULL`).", NetflixPrize.parseTitles)
        parser(registry.type("KaggleNetflix", doc: ""), "parseRatings", default: "Netflix_Dataset_Rating.csv", "Interactions",
               doc: "Parses the CSV.", KaggleNetflix.parseRatings)
    }

    static func registerRecBole(in registry: Registry) {
        registry.type("RecBoleAtomic", doc: "")
            .staticMethod("parseTable(_ data: Data, file: String) throws -> RecBoleAtomic.Table",
                          doc: "Parses any atomic file into a table; every row must have one value per field.") { args in
                try RecBoleAtomic.parseTable(args.get(0), file: args.get(1)).scriptValue
            }
            .staticMethod("parseInteractions(_ data: Data, file: String) throws -> Interactions",
                          doc: "Parses an `.inter` file with the fast ratings parser. Needs `user_id` and `item_id`; `rating` (else every rating is 1) and `timestamp` are optional.") { args in
                try RecBoleAtomic.parseInteractions(args.get(0), file: args.get(1)).scriptValue
            }
            .staticMethod("items(from table: RecBoleAtomic.Table, file: String = \"item\") throws -> ItemMetadata",
                          doc: "Item metadata from an `.item` table: `item_id`, and when present `movie_title`, `release_year`, `class` (space-separated genres); other fields go to `features`.") { args in
                try RecBoleAtomic.items(from: checkedTable(args[0], "RecBoleAtomic.items(from:file:)"), file: args.get(1)).scriptValue
            }
            .staticMethod("users(from table: RecBoleAtomic.Table, file: String = \"user\") throws -> UserMetadata",
                          doc: "User metadata from a `.user` table (`user_id`, `age`, `gender`, `occupation`, `zip_code`).") { args in
                try RecBoleAtomic.users(from: checkedTable(args[0], "RecBoleAtomic.users(from:file:)"), file: args.get(1)).scriptValue
            }
        registry.type("RecBoleAtomic.Table", doc: "A parsed atomic file: its typed header and text rows.").equatable(RecBoleAtomic.Table.self)
            .field("names: [String]", \RecBoleAtomic.Table.names, doc: "Field names, in file order.")
            .field("types: [String]", \RecBoleAtomic.Table.types, doc: "Field types, in file order.")
            .field("rows: [[String]]", \RecBoleAtomic.Table.rows, doc: "Rows of text values, one per field.")
            .method("column(_ name: String) -> [String]?", doc: "The values of one field, or nil.") { this, args in
                try checkedTable(this, "RecBoleAtomic.Table.column(_:)").column(args.get(0)).scriptValue
            }
            .property("textTable: TextTable", doc: "The table as a `TextTable` (names without types).") { this in
                try RecBoleAtomic.Table.fromScript(this).textTable.scriptValue
            }
    }

    /// The table, after checking that every row has one value per field (its fields are
    /// settable, and a short row would trap in Swift).
    static func checkedTable(_ value: Value, _ what: String) throws -> RecBoleAtomic.Table {
        let table = try RecBoleAtomic.Table.fromScript(value)
        if let bad = table.rows.firstIndex(where: { $0.count != table.names.count }) {
            throw BindingError("\(what): expected every row to have \(table.names.count) values (one per field), row \(bad) has \(table.rows[bad].count)")
        }
        return table
    }
}
