import RecommenderKit
import ScriptKit

/// Rows for a loaded `Dataset` and its parts: `TextTable`, `ItemMetadata`, `UserMetadata`,
/// and the `DataError` that reading and transforming data throws.
enum DataTableBindings {
    static func register(in registry: Registry) {
        registry.type("Dataset", doc: "A loaded dataset: the ratings plus whatever metadata the source carries.")
            .initializer("init(name: String, ratings: Interactions, items: ItemMetadata? = nil, users: UserMetadata? = nil, tables: [String: TextTable] = [:])",
                         doc: "Creates a dataset.") { args in
                try Dataset(name: args.get(0), ratings: args.get(1), items: args.get(2), users: args.get(3),
                            tables: args.get(4)).scriptValue
            }
            .field("name: String", \Dataset.name, doc: "A short name (\"ml-100k\", \"ml-1m\", \"netflix\", ...).")
            .field("ratings: Interactions", \Dataset.ratings, doc: "The rating events.")
            .field("items: ItemMetadata?", \Dataset.items, doc: "Item features, when the source has them.")
            .field("users: UserMetadata?", \Dataset.users, doc: "User features, when the source has them.")
            .field("tables: [String: TextTable]", \Dataset.tables,
                   doc: "Extra tables (genome scores, knowledge-graph triples, links), by name, as text rows.")
            .field("notes: [String]", \Dataset.notes,
                   doc: "What the loader ignored or changed, one line each (e.g. values in unnamed columns).")
        registry.type("TextTable", doc: "A table of text columns with a header, used for auxiliary files (genome scores, knowledge-graph triples, RecBole `.kg`/`.link`).").equatable(TextTable.self)
            .initializer("init(columns: [String], rows: [[String]])", doc: "Creates a table.") { args in
                try TextTable(columns: args.get(0), rows: args.get(1)).scriptValue
            }
            .field("columns: [String]", \TextTable.columns, doc: "Column names.")
            .field("rows: [[String]]", \TextTable.rows, doc: "Rows, each with `columns.count` values.")
            .method("column(_ name: String) -> [String]?",
                    doc: "The values of one column, or nil when there is no such column.") { this, args in
                // A row shorter than the header would trap in Swift: name it instead.
                try DataChecks.table(TextTable.fromScript(this), "TextTable.column(_:)").column(args.get(0)).scriptValue
            }
        registerMetadata(in: registry)
        registry.type("DataError", doc: "An error raised while reading, fetching or transforming recommender data.").equatable(DataError.self)
            .initializer("init(file: String? = nil, line: Int? = nil, _ message: String)",
                         doc: "Creates an error with an optional file and line.") { args in
                try DataError(file: args.get(0), line: args.get(1), args.get(2)).scriptValue
            }
            .field("file: String?", \DataError.file,
                   doc: "The file being read, when the error comes from a file (its last path component).")
            .field("line: Int?", \DataError.line, doc: "The 1-based line number, when known.")
            .field("message: String", \DataError.message, doc: "What went wrong, in words.")
            .readOnly("description: String", \DataError.description, doc: "`file, line N: message`, or the message alone.")
    }

    static func registerMetadata(in registry: Registry) {
        registry.type("ItemMetadata", doc: "Item features: one entry per item, in the order of `ids` (raw item ids).")
            .initializer("init(ids: [String], titles: [String], years: [Int?], genres: [[Int]], genreNames: [String], features: [String: [String]] = [:]) throws",
                         doc: "Creates a table; all per-item columns must have `ids.count` entries.") { args in
                try ItemMetadata(ids: args.get(0), titles: args.get(1), years: args.get(2), genres: args.get(3),
                                 genreNames: args.get(4), features: args.get(5)).scriptValue
            }
            .field("ids: [String]", \ItemMetadata.ids, doc: "Raw item ids, one per item.")
            .field("titles: [String]", \ItemMetadata.titles, doc: "Titles (without the trailing year where the source writes one).")
            .field("years: [Int?]", \ItemMetadata.years, doc: "Release year when known.")
            .field("genres: [[Int]]", \ItemMetadata.genres, doc: "Genre indices into `genreNames`, per item.")
            .field("genreNames: [String]", \ItemMetadata.genreNames, doc: "All genre names, indexed by the values in `genres`.")
            .field("features: [String: [String]]", \ItemMetadata.features, doc: "Other columns, by name; each array has one value per item.")
            .readOnly("count: Int", \ItemMetadata.count, doc: "The number of items.")
            .method("index(of id: String) -> Int?", doc: "The row of a raw item id, or nil.") { this, args in
                try ItemMetadata.fromScript(this).index(of: args.get(0)).scriptValue
            }
            .method("genreNames(ofRow i: Int) -> [String]", doc: "Genre names of item row `i` (empty when out of range).") { this, args in
                let meta = try DataChecks.genres(ItemMetadata.fromScript(this), "ItemMetadata.genreNames(ofRow:)")
                return meta.genreNames(ofRow: try args.get(0)).scriptValue
            }
            .method("genreMatrix() -> [Float]",
                    doc: "A 0/1 matrix [count x genreNames.count] in row-major order (multi-hot genres).") { this, _ in
                try DataChecks.genres(ItemMetadata.fromScript(this), "ItemMetadata.genreMatrix()").genreMatrix().scriptValue
            }
        registry.type("UserMetadata", doc: "User features: one entry per user, in the order of `ids` (raw user ids).")
            .initializer("init(ids: [String], ages: [Int?], genders: [String], occupations: [String], zipCodes: [String]) throws",
                         doc: "Creates a table; every column must have `ids.count` entries.") { args in
                try UserMetadata(ids: args.get(0), ages: args.get(1), genders: args.get(2), occupations: args.get(3),
                                 zipCodes: args.get(4)).scriptValue
            }
            .field("ids: [String]", \UserMetadata.ids, doc: "Raw user ids.")
            .field("ages: [Int?]", \UserMetadata.ages, doc: "Age in years (ML-100K), or the age-group code (ML-1M); nil when unknown.")
            .field("genders: [String]", \UserMetadata.genders, doc: "Gender as written (\"M\", \"F\").")
            .field("occupations: [String]", \UserMetadata.occupations, doc: "Occupation name (ML-1M codes are mapped to their names).")
            .field("zipCodes: [String]", \UserMetadata.zipCodes, doc: "Zip code as written.")
            .readOnly("count: Int", \UserMetadata.count, doc: "The number of users.")
    }
}
