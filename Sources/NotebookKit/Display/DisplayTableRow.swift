import ScriptKit

/// A library value that is one row of a table (an `Interaction`, a `ScoredItem`): an array
/// of them, as a cell's last value or shown with `show`, displays as one table, as
/// `ratings.head(5)` does.
public protocol DisplayTableRow {
    /// The column headings of a table of such rows.
    static var tableColumns: [String] { get }
    /// This value's cells, one per column.
    var tableCells: [String] { get }
}

extension DisplayTable {
    /// The table of `values` when every one is a host value of one `DisplayTableRow` type
    /// (and there is at least one); nil otherwise.
    static func rows(of values: [Value]) -> DisplayTable? {
        guard let first = values.first?.host(Any.self) as? DisplayTableRow else { return nil }
        let type = Swift.type(of: first)
        var rows: [[String]] = []
        rows.reserveCapacity(values.count)
        for value in values {
            guard let row = value.host(Any.self) as? DisplayTableRow, ObjectIdentifier(Swift.type(of: row)) == ObjectIdentifier(type) else { return nil }
            rows.append(row.tableCells)
        }
        return DisplayTable(columns: type.tableColumns, rows: rows)
    }
}
