import RecommenderKit
import ScriptKit

/// Rows for `Interactions` (construction, columns, rows, subsets), `Interaction` and
/// `Vocabulary`.
enum DataInteractionsBindings {
    /// The doc line of the `Interactions` type; the files that add its methods pass it too.
    static let interactionsDoc = "A columnar table of user-item interactions: one row per rating event."

    static func register(in registry: Registry) {
        registerInteractions(in: registry)
        registerInteraction(in: registry)
        registerVocabulary(in: registry)
    }

    static func registerInteractions(in registry: Registry) {
        registry.type("Interactions", doc: interactionsDoc)
            .initializer("init(users: [Int32], items: [Int32], ratings: [Float], timestamps: [Int64]? = nil, userVocabulary: Vocabulary, itemVocabulary: Vocabulary) throws",
                         doc: "Creates a table from dense columns, checking that the columns have equal lengths and that every index lies inside its vocabulary.") { args in
                try Interactions(users: args.get(0), items: args.get(1), ratings: args.get(2), timestamps: args.get(3),
                                 userVocabulary: args.get(4), itemVocabulary: args.get(5)).scriptValue
            }
            .initializer("init(rawUsers: [String], rawItems: [String], ratings: [Float], timestamps: [Int64]? = nil) throws",
                         doc: "Creates a table from raw ids, building the vocabularies in first-seen order.") { args in
                try Interactions(rawUsers: args.get(0), rawItems: args.get(1), ratings: args.get(2),
                                 timestamps: args.get(3)).scriptValue
            }
            .readOnly("users: [Int32]", \Interactions.users, doc: "Dense user index per row.")
            .readOnly("items: [Int32]", \Interactions.items, doc: "Dense item index per row.")
            .readOnly("ratings: [Float]", \Interactions.ratings, doc: "Rating (or 1 for implicit feedback) per row.")
            .readOnly("timestamps: [Int64]", \Interactions.timestamps, doc: "Timestamp per row, in seconds (0 when unknown).")
            .readOnly("userVocabulary: Vocabulary", \Interactions.userVocabulary, doc: "Raw user ids.")
            .readOnly("itemVocabulary: Vocabulary", \Interactions.itemVocabulary, doc: "Raw item ids.")
            .readOnly("count: Int", \Interactions.count, doc: "The number of rows.")
            .readOnly("userCount: Int", \Interactions.userCount,
                      doc: "The number of users in the vocabulary (some may have no rows in a subset).")
            .readOnly("itemCount: Int", \Interactions.itemCount,
                      doc: "The number of items in the vocabulary (some may have no rows in a subset).")
            .readOnly("isEmpty: Bool", \Interactions.isEmpty, doc: "True when there are no rows.")
            .method("subset(_ rows: [Int]) -> Interactions",
                    doc: "The rows at the given positions, in that order, with the same vocabularies.") { this, args in
                try Interactions.fromScript(this).subset(args.get(0)).scriptValue
            }
            .method("filter(_ keep: (Interaction) -> Bool) -> Interactions",
                    doc: "The rows for which `keep` returns true, with the same vocabularies.") { this, args in
                // The script closure may throw or be interrupted, which Swift's non-throwing
                // `filter` cannot pass on: ask it row by row, then take the same subset.
                let table = try Interactions.fromScript(this)
                var kept: [Int] = []
                for i in 0..<table.count {
                    if i % 4096 == 0 { try args.checkInterrupt() }
                    guard let row = table.row(at: i) else { continue }
                    if try Bool.fromScript(args.call(args[0], [row.scriptValue])) { kept.append(i) }
                }
                return table.subset(kept).scriptValue
            }
            .method("withRatings(_ newRatings: [Float]) throws -> Interactions",
                    doc: "The same rows with every rating replaced.") { this, args in
                try Interactions.fromScript(this).withRatings(args.get(0)).scriptValue
            }
            .method("appending(_ other: Interactions) throws -> Interactions",
                    doc: "Rows of this table followed by rows of `other`, which must share the vocabularies.") { this, args in
                try Interactions.fromScript(this).appending(args.get(0)).scriptValue
            }
            .method("row(at i: Int) -> Interaction?", doc: "Row `i`, or nil when `i` is out of range.") { this, args in
                try Interactions.fromScript(this).row(at: args.get(0)).scriptValue
            }
            .method("head(_ n: Int = 5) -> [Interaction]",
                    doc: "The first `n` rows (fewer when the table is shorter), for display.") { this, args in
                try Interactions.fromScript(this).head(args.get(0)).scriptValue
            }
            .method("compacted() -> Interactions",
                    doc: "The same rows with users and items that have no rows removed from the vocabularies; the kept ids keep their relative order.") { this, _ in
                try Interactions.fromScript(this).compacted().scriptValue
            }
            .method("restrictingItems(to keep: [Int32]) -> Interactions",
                    doc: "The rows whose item is in `keep`, with the item vocabulary reduced to `keep` in the given order.") { this, args in
                try Interactions.fromScript(this).restrictingItems(to: args.get(0)).scriptValue
            }
    }

    static func registerInteraction(in registry: Registry) {
        registry.type("Interaction", doc: "One row of an `Interactions` table, with raw and dense ids.").equatable(Interaction.self)
            .field("user: Int", \Interaction.user, doc: "Dense user index.")
            .field("item: Int", \Interaction.item, doc: "Dense item index.")
            .field("userID: String", \Interaction.userID, doc: "Raw user id.")
            .field("itemID: String", \Interaction.itemID, doc: "Raw item id.")
            .field("rating: Float", \Interaction.rating, doc: "Rating value.")
            .field("timestamp: Int64", \Interaction.timestamp, doc: "Timestamp in seconds (0 when unknown).")
    }

    static func registerVocabulary(in registry: Registry) {
        registry.type("Vocabulary", doc: "A two-way mapping between raw ids (as written in the data files) and dense indices `0..<count`, in first-seen order.")
            .initializer("init()", doc: "An empty vocabulary.") { _ in Vocabulary().scriptValue }
            .initializer("init(_ ids: [String])",
                         doc: "A vocabulary over the given raw ids, in order. Repeated ids keep their first index.") { args in
                Vocabulary(try args.get(0)).scriptValue
            }
            .readOnly("ids: [String]", \Vocabulary.ids, doc: "The raw ids; `ids[i]` is the raw id of dense index `i`.")
            .readOnly("count: Int", \Vocabulary.count, doc: "The number of distinct ids.")
            .mutatingMethod("insert(_ id: String) -> Int32",
                            doc: "The dense index of `id`, adding it at the end when it is new.") { this, args in
                var v = try Vocabulary.fromScript(this)
                let index = v.insert(try args.get(0))
                this = v.scriptValue
                return index.scriptValue
            }
            .method("index(of id: String) -> Int?", doc: "The dense index of a raw id, or nil when the id is unknown.") { this, args in
                try Vocabulary.fromScript(this).index(of: args.get(0)).scriptValue
            }
            .method("id(at index: Int) -> String?", doc: "The raw id of a dense index, or nil when the index is out of range.") { this, args in
                try Vocabulary.fromScript(this).id(at: args.get(0)).scriptValue
            }
            .method("subset(_ indices: [Int32]) -> Vocabulary",
                    doc: "A vocabulary holding only the given dense indices, in the given order.") { this, args in
                let v = try Vocabulary.fromScript(this)
                return v.subset(try DataChecks.indices(args.get(0), below: v.count, "Vocabulary.subset(_:)")).scriptValue
            }
            .equatable(Vocabulary.self)
    }
}
