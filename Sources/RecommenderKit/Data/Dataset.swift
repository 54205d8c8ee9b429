/// A loaded dataset: the ratings plus whatever metadata the source carries.
public struct Dataset: Sendable {
    /// A short name ("ml-100k", "ml-1m", "netflix", ...).
    public var name: String
    /// The rating events.
    public var ratings: Interactions
    /// Item features, when the source has them.
    public var items: ItemMetadata?
    /// User features, when the source has them.
    public var users: UserMetadata?
    /// Extra tables (genome scores, knowledge-graph triples, links), by name, as text rows.
    public var tables: [String: TextTable]
    /// What the loader ignored or changed, one line each (e.g. values in unnamed columns).
    public var notes: [String] = []

    /// Creates a dataset.
    public init(name: String, ratings: Interactions, items: ItemMetadata? = nil,
                users: UserMetadata? = nil, tables: [String: TextTable] = [:]) {
        self.name = name; self.ratings = ratings; self.items = items
        self.users = users; self.tables = tables
    }
}

/// A table of text columns with a header, used for auxiliary files (genome scores,
/// knowledge-graph triples, RecBole `.kg`/`.link`).
public struct TextTable: Sendable, Equatable {
    /// Column names.
    public var columns: [String]
    /// Rows, each with `columns.count` values.
    public var rows: [[String]]

    /// Creates a table.
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns; self.rows = rows
    }

    /// The values of one column, or nil when there is no such column.
    public func column(_ name: String) -> [String]? {
        guard let j = columns.firstIndex(of: name) else { return nil }
        return rows.map { $0[j] }
    }
}
