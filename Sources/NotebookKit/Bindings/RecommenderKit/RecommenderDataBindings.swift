import Foundation
import RecommenderKit
import ScriptKit

/// Registry rows for RecommenderKit's data side: datasets and loaders, interactions with
/// their preprocessing and splits, synthetic data, metrics and item features. Each row
/// mirrors the Swift API (names, labels, types, defaults, `throws`); where a Swift default
/// is not a literal (`values: .ratings`), the row comes as overloads with and without it.
enum RecommenderDataBindings {
    /// Registers the rows; `session` shows progress bars and receives shown values (nil
    /// when only checking names).
    static func register(in registry: Registry, session: Session?) {
        DataFoundationBindings.register(in: registry)
        DataInteractionsBindings.register(in: registry)
        DataStatsBindings.register(in: registry)
        DataTableBindings.register(in: registry)
        PreprocessBindings.register(in: registry)
        SplitBindings.register(in: registry)
        SyntheticBindings.register(in: registry)
        LoaderBindings.register(in: registry, session: session)
        LoaderParseBindings.register(in: registry)
        MetricBindings.register(in: registry)
        MetricEvaluationBindings.register(in: registry)
        MetricCourseBindings.register(in: registry)
        FeatureBindings.register(in: registry)
    }
}

/// Checks shared by the data rows: the preconditions of the Swift API, as errors instead
/// of traps.
enum DataChecks {
    /// `indices` as `Int32`s in `0..<count`, or a `BindingError` naming the first bad one.
    static func indices(_ values: [Int32], below count: Int, _ what: String) throws -> [Int32] {
        if let bad = values.first(where: { $0 < 0 || Int($0) >= count }) {
            throw BindingError("\(what): expected indices in 0..<\(count), got \(bad)")
        }
        return values
    }

    /// The item metadata, after checking what its settable fields may have broken since
    /// `init` checked them: one genre list per id, each index inside `genreNames`.
    static func genres(_ meta: ItemMetadata, _ what: String) throws -> ItemMetadata {
        guard meta.genres.count == meta.ids.count else {
            throw BindingError("\(what): expected \(meta.ids.count) genre lists (one per id), got \(meta.genres.count)")
        }
        for (row, list) in meta.genres.enumerated() {
            if let bad = list.first(where: { $0 < 0 || $0 >= meta.genreNames.count }) {
                throw BindingError("\(what): expected genre indices in 0..<\(meta.genreNames.count), got \(bad) in row \(row)")
            }
        }
        return meta
    }

    /// The table, after checking that every row has one value per column.
    static func table(_ table: TextTable, _ what: String) throws -> TextTable {
        if let bad = table.rows.firstIndex(where: { $0.count != table.columns.count }) {
            throw BindingError("\(what): expected every row to have \(table.columns.count) values (one per column), row \(bad) has \(table.rows[bad].count)")
        }
        return table
    }

    /// The dataset, after checking its item metadata and extra tables as above.
    static func dataset(_ data: Dataset, _ what: String) throws -> Dataset {
        if let meta = data.items { _ = try genres(meta, what) }
        for (_, t) in data.tables { _ = try table(t, what) }
        return data
    }
}

extension TypeBinding {
    /// `==` and `!=` rows for an `Equatable` library type: its values are boxes, so without
    /// these rows two equal values in different boxes would compare as different.
    @discardableResult
    func equatable<T: ScriptBound & Equatable>(_ type: T.Type) -> TypeBinding {
        binaryOperator("==", doc: "Whether two values are equal (Swift's `Equatable`).") { a, b in
            .bool(try T.fromScript(a) == T.fromScript(b))
        }
        return binaryOperator("!=", doc: "Whether two values differ (Swift's `Equatable`).") { a, b in
            .bool(try T.fromScript(a) != T.fromScript(b))
        }
    }
}
