import RecommenderKit
import ScriptKit
import TensorKit

/// Rows for the statistics of an `Interactions` table and its matrices (CSR and dense),
/// with `Interactions.MatrixValues` and `Interactions.DuplicateRule`.
enum DataStatsBindings {
    static func register(in registry: Registry) {
        registry.type("Interactions", doc: DataInteractionsBindings.interactionsDoc)
            .method("countsPerUser() -> [Int]", doc: "Number of rows per dense user index (length `userCount`).") { this, _ in
                try Interactions.fromScript(this).countsPerUser().scriptValue
            }
            .method("countsPerItem() -> [Int]", doc: "Number of rows per dense item index (length `itemCount`).") { this, _ in
                try Interactions.fromScript(this).countsPerItem().scriptValue
            }
            .method("ratingHistogram() -> [(rating: Float, count: Int)]",
                    doc: "How many rows carry each rating value, sorted by value.") { this, _ in
                .array(try Interactions.fromScript(this).ratingHistogram().map {
                    .tuple([$0.rating.scriptValue, $0.count.scriptValue], labels: ["rating", "count"])
                })
            }
            .readOnly("activeUserCount: Int", \Interactions.activeUserCount, doc: "The number of users with at least one row.")
            .readOnly("activeItemCount: Int", \Interactions.activeItemCount, doc: "The number of items with at least one row.")
            .readOnly("density: Double", \Interactions.density,
                      doc: "Fraction of the user x item matrix that has a row (duplicates counted once each).")
            .method("rowsByUser() -> [[Int]]",
                    doc: "Row positions grouped by dense user index (length `userCount`), in table order.") { this, _ in
                try Interactions.fromScript(this).rowsByUser().scriptValue
            }
            .method("itemsByUser() -> [[Int32]]",
                    doc: "Dense item indices grouped by dense user index (length `userCount`), in table order.") { this, _ in
                try Interactions.fromScript(this).itemsByUser().scriptValue
            }
        registerMatrices(in: registry)
    }

    /// `sparseMatrix(values: = .ratings, duplicates: = .sum)` and `denseMatrix(values: = .ratings)`:
    /// the defaults are enum cases, so each call form is its own overload.
    static func registerMatrices(in registry: Registry) {
        let sparseDoc = "The table as a sparse [userCount x itemCount] CSR matrix."
        let denseDoc = "The table as a dense [userCount x itemCount] tensor (duplicates summed); meant for small data such as ML-100K (943 x 1682)."
        func sparse(_ this: Value, _ values: Interactions.MatrixValues, _ rule: Interactions.DuplicateRule) throws -> Value {
            try Interactions.fromScript(this).sparseMatrix(values: values, duplicates: rule).scriptValue
        }
        registry.type("Interactions", doc: DataInteractionsBindings.interactionsDoc)
            .method("sparseMatrix(values: Interactions.MatrixValues, duplicates: Interactions.DuplicateRule) throws -> SparseMatrix",
                    doc: sparseDoc) { this, args in try sparse(this, args.get(0), args.get(1)) }
            .method("sparseMatrix(values: Interactions.MatrixValues) throws -> SparseMatrix",
                    doc: sparseDoc + " (duplicates: .sum)") { this, args in try sparse(this, args.get(0), .sum) }
            .method("sparseMatrix(duplicates: Interactions.DuplicateRule) throws -> SparseMatrix",
                    doc: sparseDoc + " (values: .ratings)") { this, args in try sparse(this, .ratings, args.get(0)) }
            .method("sparseMatrix() throws -> SparseMatrix",
                    doc: sparseDoc + " (values: .ratings, duplicates: .sum)") { this, _ in try sparse(this, .ratings, .sum) }
            .method("denseMatrix(values: Interactions.MatrixValues) throws -> Tensor", doc: denseDoc) { this, args in
                try Interactions.fromScript(this).denseMatrix(values: args.get(0)).scriptValue
            }
            .method("denseMatrix() throws -> Tensor", doc: denseDoc + " (values: .ratings)") { this, _ in
                try Interactions.fromScript(this).denseMatrix().scriptValue
            }
        registry.type("Interactions.MatrixValues", doc: "What a CSR matrix built from the table stores.").equatable(Interactions.MatrixValues.self)
            .staticProperty("ratings: Interactions.MatrixValues", doc: "The rating of each row.") {
                Interactions.MatrixValues.ratings.scriptValue
            }
            .staticProperty("ones: Interactions.MatrixValues",
                            doc: "1 for every row (implicit feedback, counts when duplicates are summed).") {
                Interactions.MatrixValues.ones.scriptValue
            }
        registry.type("Interactions.DuplicateRule", doc: "What to do when a (user, item) pair occurs in several rows.").equatable(Interactions.DuplicateRule.self)
            .staticProperty("sum: Interactions.DuplicateRule", doc: "Add the values (scipy's `csr_matrix` convention).") {
                Interactions.DuplicateRule.sum.scriptValue
            }
            .staticProperty("last: Interactions.DuplicateRule", doc: "Keep the value of the last row in table order.") {
                Interactions.DuplicateRule.last.scriptValue
            }
            .staticProperty("reject: Interactions.DuplicateRule", doc: "Throw an error naming the pair.") {
                Interactions.DuplicateRule.reject.scriptValue
            }
    }
}
