import Foundation

/// RecBole's atomic files: tab-separated, with a header of `name:type` fields
/// (types `token`, `token_seq`, `float`, `float_seq`). `NAME.inter` holds interactions
/// (`user_id`, `item_id`, optional `rating`, `timestamp`), `NAME.item` and `NAME.user`
/// features, `NAME.kg` knowledge-graph triples and `NAME.link` item-entity links.
public enum RecBoleAtomic {
    /// The field types RecBole defines.
    public static let fieldTypes: Set<String> = ["token", "token_seq", "float", "float_seq"]

    /// A parsed atomic file: its typed header and text rows.
    public struct Table: Sendable, Equatable {
        /// Field names, in file order.
        public var names: [String]
        /// Field types, in file order.
        public var types: [String]
        /// Rows of text values, one per field.
        public var rows: [[String]]

        /// The values of one field, or nil.
        public func column(_ name: String) -> [String]? {
            guard let j = names.firstIndex(of: name) else { return nil }
            return rows.map { $0[j] }
        }

        /// The table as a `TextTable` (names without types).
        public var textTable: TextTable { TextTable(columns: names, rows: rows) }
    }

    /// Parses a `name:type` header line into names and types.
    static func parseHeader(_ line: String, file: String) throws -> (names: [String], types: [String]) {
        var names = [String](), types = [String]()
        for field in line.split(separator: "\t", omittingEmptySubsequences: false) {
            let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, fieldTypes.contains(String(parts[1])) else {
                throw DataError(file: file, line: 1, "expected a header of tab-separated name:type fields (types token, token_seq, float, float_seq), found \"\(field.prefix(40))\""
                                + InvisibleCharacters.note(in: String(field)))
            }
            guard !names.contains(String(parts[0])) else {
                throw DataError(file: file, line: 1, "expected distinct field names, found \"\(parts[0])\" twice")
            }
            names.append(String(parts[0])); types.append(String(parts[1]))
        }
        return (names, types)
    }

    /// The first line of a file (without `\r`), or an error when the file is empty.
    static func firstLine(_ data: Data, file: String) throws -> String {
        try scan(data, file: file) { s in
            guard !s.atEnd else { throw s.error("the file is empty; expected a name:type header") }
            return s.string(s.restOfLine())
        }
    }

    /// Parses any atomic file into a table; every row must have one value per field.
    public static func parseTable(_ data: Data, file: String) throws -> Table {
        let header = try parseHeader(firstLine(data, file: file), file: file)
        let records = try DelimitedText.records(data, file: file, delimiter: [9], delimiterName: "tabs")
        var rows = [[String]]()
        for r in records.dropFirst() {
            guard r.fields.count == header.names.count else {
                throw DataError(file: file, line: r.line, "expected \(header.names.count) tab-separated fields, found \(r.fields.count)")
            }
            if r.fields.enumerated().allSatisfy({ $0.element == "\(header.names[$0.offset]):\(header.types[$0.offset])" }) {
                throw DataError(file: file, line: r.line, "found a second header line; expected data rows")
            }
            for (j, t) in header.types.enumerated() where t == "float" && !r.fields[j].isEmpty && Double(r.fields[j]) == nil {
                throw DataError(file: file, line: r.line, "expected a number in float field \"\(header.names[j])\", found \"\(r.fields[j].prefix(40))\"")
            }
            rows.append(r.fields)
        }
        return Table(names: header.names, types: header.types, rows: rows)
    }

    /// Parses an `.inter` file with the fast ratings parser. Needs `user_id` and `item_id`;
    /// `rating` (else every rating is 1) and `timestamp` are optional.
    public static func parseInteractions(_ data: Data, file: String) throws -> Interactions {
        let line = try firstLine(data, file: file)
        let (names, _) = try parseHeader(line, file: file)
        guard let u = names.firstIndex(of: "user_id"), let i = names.firstIndex(of: "item_id") else {
            throw DataError(file: file, line: 1, "expected user_id and item_id fields in the header, found \(names.joined(separator: ", "))")
        }
        return try RatingsParser.parse(data, file: file, layout: RatingsLayout(
            delimiter: [9], delimiterName: "tabs", fieldCount: names.count, user: u, item: i,
            rating: names.firstIndex(of: "rating"), timestamp: names.firstIndex(of: "timestamp"),
            header: line))
    }

    /// Loads `NAME.inter` from a folder, with `NAME.item`, `NAME.user`, `NAME.kg` and
    /// `NAME.link` when present (the last two go to `Dataset.tables["kg"]`/`["link"]`).
    public static func load(directory: URL, name: String? = nil) throws -> Dataset {
        let base = name ?? directory.lastPathComponent
        let f = { (ext: String) in directory.appendingPathComponent("\(base).\(ext)") }
        let ratings = try parseInteractions(readFileData(f("inter")), file: "\(base).inter")
        var dataset = Dataset(name: base, ratings: ratings)
        if exists(f("item")) {
            dataset.items = try items(from: parseTable(readFileData(f("item")), file: "\(base).item"), file: "\(base).item")
        }
        if exists(f("user")) {
            dataset.users = try users(from: parseTable(readFileData(f("user")), file: "\(base).user"), file: "\(base).user")
        }
        for ext in ["kg", "link"] where exists(f(ext)) {
            dataset.tables[ext] = try parseTable(readFileData(f(ext)), file: "\(base).\(ext)").textTable
        }
        return dataset
    }

    /// Item metadata from an `.item` table: `item_id`, and when present `movie_title`,
    /// `release_year`, `class` (space-separated genres); other fields go to `features`.
    public static func items(from table: Table, file: String = "item") throws -> ItemMetadata {
        guard let ids = table.column("item_id") else {
            throw DataError(file: file, line: 1, "expected an item_id field in the header")
        }
        let blank = [String](repeating: "", count: ids.count)
        let titles: [String] = table.column("movie_title") ?? table.column("title") ?? blank
        let yearText: [String] = table.column("release_year") ?? blank
        let years: [Int?] = yearText.map { Int($0) }
        let classText: [String] = table.column("class") ?? table.column("genre") ?? blank
        let classes: [[String]] = classText.map { $0.split(separator: " ").map(String.init) }
        var seen = [String]()
        for c in classes { for g in c where !seen.contains(g) { seen.append(g) } }
        let known = MovieLens100K.defaultGenres
        let names = seen.allSatisfy(known.contains) ? known.filter(seen.contains) : seen
        let genres = classes.map { $0.compactMap { names.firstIndex(of: $0) } }
        var features = [String: [String]]()
        for (j, n) in table.names.enumerated()
        where !["item_id", "movie_title", "title", "release_year", "class", "genre"].contains(n) {
            features[n] = table.rows.map { $0[j] }
        }
        return try ItemMetadata(ids: ids, titles: titles, years: years, genres: genres,
                                genreNames: names, features: features)
    }

    /// User metadata from a `.user` table (`user_id`, `age`, `gender`, `occupation`, `zip_code`).
    public static func users(from table: Table, file: String = "user") throws -> UserMetadata {
        guard let ids = table.column("user_id") else {
            throw DataError(file: file, line: 1, "expected a user_id field in the header")
        }
        let blank = [String](repeating: "", count: ids.count)
        let ageText: [String] = table.column("age") ?? blank
        return try UserMetadata(ids: ids, ages: ageText.map { Int($0) },
                                genders: table.column("gender") ?? blank,
                                occupations: table.column("occupation") ?? blank,
                                zipCodes: table.column("zip_code") ?? blank)
    }
}
