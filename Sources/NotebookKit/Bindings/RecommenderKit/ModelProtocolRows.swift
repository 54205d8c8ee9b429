import Foundation
import RecommenderKit
import ScriptKit
import TensorKit

/// The rows every `Recommender` and every `RatingModel` has (the protocol requirements and
/// their extension methods), added to a model's binding or to the protocol's own binding.
/// `FitOptions()` is not a literal default, so each `fit` is bound twice: without `options`,
/// and with `options` required. On the protocol's own binding (`requirement`), a protocol
/// requirement that has no defaults in Swift has none here either.
extension TypeBinding {
    /// `Recommender`'s rows for the models that `model` reads from a script value.
    @discardableResult
    func recommenderRows(session: Session?, requirement: Bool = false,
                         _ model: @escaping (Value) throws -> any Recommender) -> TypeBinding {
        let title = name
        for train in ["SparseMatrix", "Interactions"] {
            let fitDoc = train == "SparseMatrix"
                ? "Fits the model to `train` [users, items]."
                : "Fits to the rows of `train` as implicit feedback (every row counts as a one; a repeated pair counts once)."
            func fit(_ m: any Recommender, _ args: Arguments, _ options: FitOptions) throws -> Value {
                let validation = try args.get(1, as: RankingTask?.self)
                return try TrainingFit.run(title, args, options: options, session: session) { o in
                    if train == "SparseMatrix" {
                        return try m.fit(try args.get(0, as: SparseMatrix.self), validation: validation, options: o)
                    }
                    return try m.fit(try args.get(0, as: Interactions.self), validation: validation, options: o)
                }
            }
            // `Recommender.fit(_: SparseMatrix, validation:options:)` is the requirement, without defaults.
            if requirement && train == "SparseMatrix" {
                method("fit(_ train: SparseMatrix, validation: RankingTask?, options: FitOptions) throws -> TrainingHistory",
                       doc: fitDoc) { this, args in
                    try fit(try model(this), args, try args.get(2, as: FitOptions.self))
                }
                continue
            }
            method("fit(_ train: \(train), validation: RankingTask? = nil) throws -> TrainingHistory", doc: fitDoc) { this, args in
                try fit(try model(this), args, FitOptions())
            }
            method("fit(_ train: \(train), validation: RankingTask? = nil, options: FitOptions) throws -> TrainingHistory",
                   doc: fitDoc) { this, args in
                try fit(try model(this), args, try args.get(2, as: FitOptions.self))
            }
        }
        method("scores(history: SparseMatrix) throws -> Tensor",
               doc: "Scores of every item for each history row: [history.rowCount, itemCount].") { this, args in
            try model(this).scores(history: try args.get(0)).scriptValue
        }
        method("scores(forUsers users: [Int]) throws -> Tensor",
               doc: "Scores of every item for the given users of the training matrix, from their training histories: [users.count, itemCount].") { this, args in
            try model(this).scores(forUsers: try args.get(0)).scriptValue
        }
        method("recommend(user: Int, count: Int = 10, excludingSeen: Bool = true) throws -> [ScoredItem]",
               doc: "The `count` best items for a user of the training matrix, best first; with `excludingSeen`, items in the user's training history are left out.") { this, args in
            ModelSupport.scored(try model(this).recommend(user: try args.get(0), count: try args.get(1), excludingSeen: try args.get(2)))
        }
        method("recommend(history: SparseMatrix, count: Int = 10, excludingSeen: Bool = true) throws -> [[ScoredItem]]",
               doc: "The `count` best items for each history row, best first; with `excludingSeen`, the row's own items are left out.") { this, args in
            try model(this).recommend(history: try args.get(0), count: try args.get(1), excludingSeen: try args.get(2)).scriptValue
        }
        method("evaluate(_ task: RankingTask, metrics: [RankingMetric]) throws -> EvaluationResult",
               doc: "Ranks every item for each user of `task` and measures `metrics` (full ranking, the task's excluded items left out).") { this, args in
            try model(this).evaluate(try args.get(0), metrics: try args.get(1)).scriptValue
        }
        stateRows(ModelState { try model($0) })
        property("itemCount: Int", doc: "The number of items the model was fitted on (0 before `fit`).") { this in
            try model(this).itemCount.scriptValue
        }
        property("trainingMatrix: SparseMatrix?", doc: "The training matrix of the last `fit`, or nil.") { this in
            try model(this).trainingMatrix.scriptValue
        }
        return self
    }

    /// `RatingModel`'s rows for the models that `model` reads from a script value.
    @discardableResult
    func ratingModelRows(session: Session?, requirement: Bool = false,
                         _ model: @escaping (Value) throws -> any RatingModel) -> TypeBinding {
        let title = name
        let fitDoc = "Fits the model to the rating rows of `ratings` (a repeated (user, item) pair keeps its last rating)."
        func fit(_ m: any RatingModel, _ args: Arguments, validation: Interactions?, _ options: FitOptions) throws -> Value {
            try TrainingFit.run(title, args, options: options, session: session) { o in
                try m.fit(try args.get(0, as: Interactions.self), validation: validation, options: o)
            }
        }
        method("fit(_ ratings: Interactions) throws -> TrainingHistory", doc: "Fits without validation and with default options.") { this, args in
            try fit(try model(this), args, validation: nil, FitOptions())
        }
        // `RatingModel.fit(_:validation:options:)` is the requirement, without defaults.
        if requirement {
            method("fit(_ ratings: Interactions, validation: Interactions?, options: FitOptions) throws -> TrainingHistory",
                   doc: fitDoc) { this, args in
                try fit(try model(this), args, validation: try args.get(1), try args.get(2, as: FitOptions.self))
            }
        } else {
            method("fit(_ ratings: Interactions, validation: Interactions?) throws -> TrainingHistory",
                   doc: fitDoc) { this, args in
                try fit(try model(this), args, validation: try args.get(1), FitOptions())
            }
            method("fit(_ ratings: Interactions, validation: Interactions? = nil, options: FitOptions) throws -> TrainingHistory",
                   doc: fitDoc) { this, args in
                try fit(try model(this), args, validation: try args.get(1), try args.get(2, as: FitOptions.self))
            }
        }
        method("predict(users: [Int], items: [Int]) throws -> [Float]",
               doc: "Predicted ratings of the pairs (users[k], items[k]), clamped to the training scale.") { this, args in
            let users: [Int] = try args.get(0), items: [Int] = try args.get(1)
            try ModelSupport.checkPairs(users, items, "\(title).predict(users:items:)")
            return try model(this).predict(users: users, items: items).scriptValue
        }
        method("predict(user: Int, item: Int) throws -> Float", doc: "The predicted rating of one pair.") { this, args in
            try model(this).predict(user: try args.get(0), item: try args.get(1)).scriptValue
        }
        method("predict(_ pairs: Interactions) throws -> [Float]",
               doc: "Predicted ratings of every row of `pairs` (their ratings are ignored), in row order.") { this, args in
            try model(this).predict(try args.get(0, as: Interactions.self)).scriptValue
        }
        method("evaluate(_ test: Interactions) throws -> RatingAccuracy",
               doc: "RMSE and MAE of the predictions for the rows of `test` against their ratings.") { this, args in
            try model(this).evaluate(try args.get(0)).scriptValue
        }
        stateRows(ModelState { try model($0) })
        return self
    }

    /// The rows both model protocols have alike: `name`, `state()`, `restore(_:)`,
    /// `save(to:)` and `load(from:)`.
    private func stateRows(_ model: ModelState) {
        let title = name
        method("save(to url: URL) throws", doc: "Writes the fitted state to a safetensors file, with the model's name in its metadata.") { this, args in
            try model.save(this, try ModelSupport.url(args, 0, "\(title).save(to:)"))
            return .void
        }
        method("load(from url: URL) throws", doc: "Loads a state saved by `save(to:)` from a model of the same kind and configuration.") { this, args in
            try model.load(this, try ModelSupport.url(args, 0, "\(title).load(from:)"))
            return .void
        }
        method("state() throws -> [String: Tensor]", doc: "The fitted state as named tensors (what `save(to:)` writes).") { this, _ in
            try model.state(this).scriptValue
        }
        method("restore(_ state: [String: Tensor]) throws", doc: "Restores a state written by `state()`.") { this, args in
            try model.restore(this, try ModelSupport.state(args, 0, "\(title).restore"))
            return .void
        }
        property("name: String", doc: "The model's short name, used in tables and saved files.") { this in
            try model.name(this).scriptValue
        }
    }
}

/// The saving side of a model read from a script value, whichever protocol it conforms to
/// (`Recommender` and `RatingModel` declare the same members, with their own `save(to:)`).
private struct ModelState {
    let name: (Value) throws -> String
    let state: (Value) throws -> [String: Tensor]
    let restore: (Value, [String: Tensor]) throws -> Void
    let save: (Value, URL) throws -> Void
    let load: (Value, URL) throws -> Void

    init(_ model: @escaping (Value) throws -> any Recommender) {
        name = { try model($0).name }
        state = { try model($0).state() }
        restore = { try model($0).restore($1) }
        save = { try model($0).save(to: $1) }
        load = { try model($0).load(from: $1) }
    }

    init(_ model: @escaping (Value) throws -> any RatingModel) {
        name = { try model($0).name }
        state = { try model($0).state() }
        restore = { try model($0).restore($1) }
        save = { try model($0).save(to: $1) }
        load = { try model($0).load(from: $1) }
    }
}
