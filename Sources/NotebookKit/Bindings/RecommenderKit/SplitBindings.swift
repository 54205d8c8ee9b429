import Foundation
import RecommenderKit
import ScriptKit

/// Rows for the splits: `TrainTestSplit` (with RecBole's benchmark files), the held-out
/// users split (`HeldOutUsersSplit`, `FoldInSet`) and every splitting method of
/// `Interactions`.
enum SplitBindings {
    static func register(in registry: Registry) {
        registerTrainTestSplit(in: registry)
        registerHeldOutUsers(in: registry)
        registerStrategies(in: registry)
    }

    static func registerTrainTestSplit(in registry: Registry) {
        registry.type("TrainTestSplit", doc: "A split of one interactions table into train, optional validation, and test parts.")
            .initializer("init(name: String, train: Interactions, validation: Interactions? = nil, test: Interactions) throws",
                         doc: "Creates a split; the parts must share vocabularies.") { args in
                try TrainTestSplit(name: args.get(0), train: args.get(1), validation: args.get(2), test: args.get(3)).scriptValue
            }
            .field("name: String", \TrainTestSplit.name,
                   doc: "A short description of how the split was made (e.g. `\"random 80/20, seed 42\"`).")
            .field("train: Interactions", \TrainTestSplit.train, doc: "Training rows.")
            .field("validation: Interactions?", \TrainTestSplit.validation, doc: "Validation rows, when the strategy makes them.")
            .field("test: Interactions", \TrainTestSplit.test, doc: "Test rows.")
            .readOnly("userCount: Int", \TrainTestSplit.userCount, doc: "Users in the shared vocabulary.")
            .readOnly("itemCount: Int", \TrainTestSplit.itemCount, doc: "Items in the shared vocabulary.")
            .staticMethod("readRecBole(directory: URL, name: String) throws -> TrainTestSplit",
                          doc: "Reads RecBole's benchmark split files `NAME.train.inter`, `NAME.valid.inter` (optional) and `NAME.test.inter` from `directory`.") { args in
                try TrainTestSplit.readRecBole(directory: args.get(0), name: args.get(1)).scriptValue
            }
            .method("write(to directory: URL, name: String) throws",
                    doc: "Writes the split as RecBole benchmark files (`NAME.train.inter`, `NAME.valid.inter` when there is a validation part, `NAME.test.inter`).") { this, args in
                try TrainTestSplit.fromScript(this).write(to: args.get(0), name: args.get(1))
                return .void
            }
    }

    static func registerHeldOutUsers(in registry: Registry) {
        let matricesDoc = "Fold-in and held-out matrices with one row per entry of `users` (in that order) and one column per item, as vae_cf's `vad_data_tr` / `vad_data_te`."
        func matrices(_ this: Value, _ values: Interactions.MatrixValues) throws -> Value {
            let m = try FoldInSet.fromScript(this).matrices(values: values)
            return .tuple([m.foldIn.scriptValue, m.holdOut.scriptValue], labels: ["foldIn", "holdOut"])
        }
        registry.type("FoldInSet", doc: "The users of one held-out set (validation or test) of a strong-generalisation split: their rows split into a fold-in part (given to the model) and a held-out part (scored).")
            .field("users: [Int]", \FoldInSet.users, doc: "Dense user indices of the held-out users, in permutation order.")
            .field("foldIn: Interactions", \FoldInSet.foldIn, doc: "The fold-in rows of those users.")
            .field("holdOut: Interactions", \FoldInSet.holdOut, doc: "The held-out rows of those users.")
            .method("matrices(values: Interactions.MatrixValues) throws -> (foldIn: SparseMatrix, holdOut: SparseMatrix)",
                    doc: matricesDoc) { this, args in try matrices(this, args.get(0)) }
            .method("matrices() throws -> (foldIn: SparseMatrix, holdOut: SparseMatrix)",
                    doc: matricesDoc + " (values: .ones)") { this, _ in try matrices(this, .ones) }
            .property("holdOutLists: ItemLists",
                      doc: "Held-out item lists per entry of `users`, for `RankingEvaluator` (relevant items).") { this in
                try checkedUsers(this, "FoldInSet.holdOutLists").holdOutLists.scriptValue
            }
            .property("foldInLists: ItemLists",
                      doc: "Fold-in item lists per entry of `users`, for `RankingEvaluator` (excluded items).") { this in
                try checkedUsers(this, "FoldInSet.foldInLists").foldInLists.scriptValue
            }
        let trainDoc = "The training matrix with one row per training user (in `trainUsers` order)."
        registry.type("HeldOutUsersSplit", doc: "Liang et al.'s strong-generalisation split (dawenl/vae_cf): users are permuted (seeded), the last `testUsers` become test users, the `validationUsers` before them validation users, the rest training users.")
            .field("train: Interactions", \HeldOutUsersSplit.train, doc: "The rows of the training users.")
            .field("validation: FoldInSet", \HeldOutUsersSplit.validation, doc: "The validation users.")
            .field("test: FoldInSet", \HeldOutUsersSplit.test, doc: "The test users.")
            .field("trainUsers: [Int]", \HeldOutUsersSplit.trainUsers, doc: "Dense indices of the training users, in permutation order.")
            .readOnly("itemCount: Int", \HeldOutUsersSplit.itemCount, doc: "Items in the shared (training) item vocabulary.")
            .readOnly("userCount: Int", \HeldOutUsersSplit.userCount, doc: "Users in the shared user vocabulary.")
            .method("trainMatrix(values: Interactions.MatrixValues) throws -> SparseMatrix", doc: trainDoc) { this, args in
                try HeldOutUsersSplit.fromScript(this).trainMatrix(values: args.get(0)).scriptValue
            }
            .method("trainMatrix() throws -> SparseMatrix", doc: trainDoc + " (values: .ones)") { this, _ in
                try HeldOutUsersSplit.fromScript(this).trainMatrix().scriptValue
            }
    }

    /// The set, after checking that `users` (a settable field) indexes both tables' users,
    /// as the item-list properties need.
    static func checkedUsers(_ this: Value, _ what: String) throws -> FoldInSet {
        let set = try FoldInSet.fromScript(this)
        let bound = min(set.foldIn.userCount, set.holdOut.userCount)
        if let bad = set.users.first(where: { $0 < 0 || $0 >= bound }) {
            throw BindingError("\(what): expected users in 0..<\(bound), got \(bad)")
        }
        return set
    }

    static func registerStrategies(in registry: Registry) {
        registry.type("Interactions", doc: DataInteractionsBindings.interactionsDoc)
            .method("heldOutUsers(validation: Int, test: Int, foldIn: Double = 0.8, seed: UInt64) throws -> HeldOutUsersSplit",
                    doc: "Splits users into train / validation / test users with a fold-in split for the held-out ones (see `HeldOutUsersSplit`).") { this, args in
                try Interactions.fromScript(this).heldOutUsers(validation: args.get(0), test: args.get(1), foldIn: args.get(2),
                                                              seed: args.get(3)).scriptValue
            }
            .method("kFold(_ folds: Int, seed: UInt64) throws -> [TrainTestSplit]",
                    doc: "K-fold cross-validation over rows: a seeded permutation cut into `folds` parts of near-equal size; split `f` tests on part `f` and trains on the others.") { this, args in
                try Interactions.fromScript(this).kFold(args.get(0), seed: args.get(1)).scriptValue
            }
            .method("leaveOneOut(validation: Bool = true) -> TrainTestSplit",
                    doc: "Leave-one-out (RecBole `LS: valid_and_test`): each user's latest row (by timestamp, ties by table order) goes to test and, with `validation: true`, the one before it to validation.") { this, args in
                try Interactions.fromScript(this).leaveOneOut(validation: args.get(0)).scriptValue
            }
            .method("randomSplit(testRatio: Double, validationRatio: Double = 0, seed: UInt64) throws -> TrainTestSplit",
                    doc: "A random split of the rows (not grouped by user): a seeded permutation, then the first `1 − validation − test` share to train, the next share to validation, the rest to test.") { this, args in
                try Interactions.fromScript(this).randomSplit(testRatio: args.get(0), validationRatio: args.get(1),
                                                             seed: args.get(2)).scriptValue
            }
            .method("temporalSplit(testRatio: Double, validationRatio: Double = 0, perUser: Bool = false) throws -> TrainTestSplit",
                    doc: "A temporal split: rows ordered by timestamp (ties by table order), the earliest `1 − testRatio − validationRatio` share to train, then validation, the latest to test.") { this, args in
                try Interactions.fromScript(this).temporalSplit(testRatio: args.get(0), validationRatio: args.get(1),
                                                               perUser: args.get(2)).scriptValue
            }
            .method("userFolds(_ k: Int, validation: Int, foldIn: Double = 0.8, seed: UInt64) throws -> [HeldOutUsersSplit]",
                    doc: "k-fold cross-validation over users for held-out-user models (the Hybrid-VAE paper's 3-fold protocol).") { this, args in
                try Interactions.fromScript(this).userFolds(args.get(0), validation: args.get(1), foldIn: args.get(2),
                                                           seed: args.get(3)).scriptValue
            }
            .method("userRatioSplit(_ ratios: [Double] = [0.8, 0.1, 0.1], seed: UInt64) throws -> TrainTestSplit",
                    doc: "RecBole's `RS` split with `group_by: user` and random ordering: each user's rows are shuffled (seeded) and cut by `ratios` (e.g. `[0.8, 0.1, 0.1]`) with RecBole's rounding.") { this, args in
                try Interactions.fromScript(this).userRatioSplit(args.get(0), seed: args.get(1)).scriptValue
            }
    }
}
