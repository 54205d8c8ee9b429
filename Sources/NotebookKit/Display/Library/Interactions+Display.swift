import RecommenderKit

/// An interaction is a row of the table that `ratings.head(5)` shows: user, item, rating,
/// timestamp (raw ids, as in the source files; the timestamp empty when unknown).
extension Interaction: DisplayTableRow {
    public static var tableColumns: [String] { ["user", "item", "rating", "timestamp"] }

    public var tableCells: [String] {
        [userID, itemID, DisplayNumber.rating(rating), timestamp == 0 ? "" : String(timestamp)]
    }
}

/// A table of interactions shows as its summary: counts, density, rating histogram.
extension Interactions: DisplayProvider {
    /// Interactions, users and items (in the vocabularies and with at least one interaction) and density.
    public var countsTable: DisplayTable {
        DisplayTable(columns: ["statistic", "value"], rows: [
            ["interactions", DisplayNumber.count(count)],
            ["users", DisplayNumber.count(userCount)],
            ["items", DisplayNumber.count(itemCount)],
            ["users with interactions", DisplayNumber.count(activeUserCount)],
            ["items with interactions", DisplayNumber.count(activeItemCount)],
            ["density", String(format: "%.6f", density)],
        ])
    }

    /// How many interactions carry each rating value, with their share; at most
    /// `maxRows` values (the rest counted on a last row).
    public func ratingHistogramTable(maxRows: Int = 20) -> DisplayTable {
        let histogram = ratingHistogram()
        let total = max(1, count)
        var rows = histogram.prefix(maxRows).map { entry -> [String] in
            [DisplayNumber.rating(entry.rating), DisplayNumber.count(entry.count),
             String(format: "%.1f%%", Double(entry.count) * 100 / Double(total))]
        }
        if histogram.count > maxRows {
            let rest = histogram.dropFirst(maxRows).reduce(0) { $0 + $1.count }
            rows.append(["(\(histogram.count - maxRows) more values)", DisplayNumber.count(rest),
                         String(format: "%.1f%%", Double(rest) * 100 / Double(total))])
        }
        return DisplayTable(columns: ["rating", "count", "share"], rows: rows, caption: "Rating histogram")
    }

    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(countsTable), .table(ratingHistogramTable())]
    }
}

/// A dataset shows as its summary: its name, counts and density, what metadata it carries,
/// and the rating histogram.
extension Dataset: DisplayProvider {
    /// Counts, density and the metadata present.
    public var summaryTable: DisplayTable {
        var table = ratings.countsTable
        table.caption = name
        if let items { table.rows.append(["item metadata rows", DisplayNumber.count(items.count)]) }
        if let users { table.rows.append(["user metadata rows", DisplayNumber.count(users.count)]) }
        for (key, extra) in tables.sorted(by: { $0.key < $1.key }) {
            table.rows.append(["table \(key) rows", DisplayNumber.count(extra.rows.count)])
        }
        return table
    }

    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        var items: [DisplayItem] = [.table(summaryTable), .table(ratings.ratingHistogramTable())]
        if !notes.isEmpty { items.append(.text(notes.map { "note: \($0)\n" }.joined())) }
        return items
    }
}

/// A text table (genome scores, knowledge-graph triples) shows as a table of its first
/// `DisplayLimits.rows` rows.
extension TextTable: DisplayProvider {
    public func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        let shown = Array(rows.prefix(DisplayLimits.rows))
        let caption = rows.count > shown.count ? "first \(shown.count) of \(rows.count) rows" : nil
        return [.table(DisplayTable(columns: columns, rows: shown, caption: caption))]
    }
}

/// How much of a long table is shown.
enum DisplayLimits {
    /// Rows of a long table shown.
    static let rows = 20
}

/// A recommendation is a row of the table that `recommend(user:count:)` shows: item, score.
extension ScoredItem: DisplayTableRow {
    public static var tableColumns: [String] { ["item", "score"] }

    public var tableCells: [String] { [String(item), DisplayNumber.value(Double(score))] }
}

/// A dataset of the data root is a row of the table that `DatasetFetcher.list()` shows:
/// name, state, format, description.
extension DatasetFetcher.Entry: DisplayTableRow {
    public static var tableColumns: [String] { ["dataset", "state", "format", "description"] }

    public var tableCells: [String] {
        let state = isInstalled ? "installed" : problem.map { "not usable: \($0)" } ?? "not fetched"
        return [name, state, format?.rawValue ?? "", summary]
    }
}
