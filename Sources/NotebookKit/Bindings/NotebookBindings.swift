import Foundation
import ScriptKit

/// Registry rows that NotebookKit itself adds: `show(_:)` for rich display and a `Table`
/// value that shows as a table.
enum NotebookBindings {
    /// Registers the notebook functions and types, and every bound library, in `registry`.
    /// `session` receives what `show` displays (nil when only checking names).
    static func register(in registry: Registry, session: Session?) {
        DisplayBindings.register(in: registry, session: session)
        registry.function("show(_ value: Any)",
                          doc: "Shows a value richly: a table as a table, a figure as an image.") { [weak session] args in
            try session?.show(args[0])
            return .void
        }
        registry.type("Table", doc: "A table of values with named columns, shown as a table in reports.")
            .initializer("init(columns: [String], rows: [[Any]])",
                         doc: "A table; every row must have one value per column.") { args in
                let columns = args.array(0).map { value -> String in
                    if case let .string(s) = value { return s }
                    return value.description
                }
                var rows: [[String]] = []
                for (i, row) in args.array(1).enumerated() {
                    guard case let .array(cells) = row else {
                        throw BindingError("Table(columns:rows:): row \(i) is not an array")
                    }
                    guard cells.count == columns.count else {
                        throw BindingError("Table(columns:rows:): row \(i) has \(cells.count) values, expected \(columns.count) (one per column)")
                    }
                    rows.append(cells.map(TableObject.format))
                }
                return .native(TableObject(DisplayTable(columns: columns, rows: rows)))
            }
            .property("rowCount: Int", doc: "Number of rows.") { this in
                .int(this.native(as: TableObject.self)?.table.rows.count ?? 0)
            }
            .property("columns: [String]", doc: "The column names.") { this in
                .array((this.native(as: TableObject.self)?.table.columns ?? []).map(Value.string))
            }
        TensorKitBindings.register(in: registry)
        RecommenderDataBindings.register(in: registry, session: session)
        RecommenderModelBindings.register(in: registry, session: session)
        AccountsBindings.register(in: registry)
        PlotKitBindings.register(in: registry)
        TestHookBindings.registerIfEnabled(in: registry)
    }
}

/// A table value in scripts.
final class TableObject: NativeObject, DisplayProvider, CustomStringConvertible {
    let table: DisplayTable
    var typeName: String { "Table" }

    init(_ table: DisplayTable) {
        self.table = table
    }

    var description: String { table.plainText }

    func displayItems(figuresDirectory: String, name: String) throws -> [DisplayItem] {
        [.table(table)]
    }

    /// A cell's text: strings bare, numbers with a display precision (as pandas shows a
    /// DataFrame), everything else as Swift prints it.
    static func format(_ value: Value) -> String {
        switch value {
        case let .string(s): return s
        case let .double(d): return formatNumber(d)
        case let .float(f): return formatNumber(Double(f))
        default: return value.description
        }
    }

    /// Four decimals for everyday magnitudes, scientific notation for very small or large
    /// ones (`0.3815`, `2.512e-05`, `1.235e+07`).
    static func formatNumber(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let a = abs(x)
        if a == 0 || (a >= 1e-4 && a < 1e7) { return String(format: "%.4f", x) }
        return String(format: "%.3e", x)
    }
}
