import Foundation
import TensorKit

/// A top-N recommender over implicit feedback: it is fitted on a users x items matrix of
/// interactions and scores every item for any history row, the shape RecBole's
/// `full_sort_predict` and Liang's `vae_cf` share.
///
/// Shapes: `fit` takes a [users, items] matrix (ones where a user interacted);
/// `scores(history:)` maps [rows, items] histories to [rows, items] scores (higher is
/// better; only the order within a row matters). A model scores a user it never saw
/// (a fold-in user) from that user's history alone.
///
/// ```swift
/// let vae = try MultVAE(MultVAE.Configuration(epochs: 50))
/// let history = try vae.fit(split.train, validation: try RankingTask(split.validation))
/// let result = try vae.evaluate(try RankingTask(split.test), metrics: [.ndcg(100), .recall(20)])
/// let top10 = try vae.recommend(user: 0, count: 10)
/// ```
public protocol Recommender: AnyObject {
    /// The model's short name (`"Mult-VAE"`), used in tables and saved files.
    var name: String { get }
    /// The number of items the model was fitted on (0 before `fit`).
    var itemCount: Int { get }
    /// The training matrix of the last `fit` (its rows are the users' histories), or nil.
    var trainingMatrix: SparseMatrix? { get }
    /// Fits the model to `train` [users, items]. With `validation`, the metrics of
    /// `options` are measured after every epoch and the best epoch's state is kept.
    /// - Throws: `ModelError` for data the model cannot use or training that diverged.
    func fit(_ train: SparseMatrix, validation: RankingTask?, options: FitOptions) throws -> TrainingHistory
    /// Scores of every item for each history row: [history.rowCount, itemCount].
    /// - Throws: if the model is not fitted or the history has the wrong item count.
    func scores(history: SparseMatrix) throws -> Tensor
    /// The fitted state as named tensors (what `save(to:)` writes).
    func state() throws -> [String: Tensor]
    /// Restores a state written by `state()`.
    /// - Throws: if a tensor is missing or has the wrong shape.
    func restore(_ state: [String: Tensor]) throws
}

/// One recommended item and its score.
public struct ScoredItem: Equatable, Sendable, CustomStringConvertible {
    /// The dense item index.
    public var item: Int
    /// The model's score (higher is better).
    public var score: Float
    /// Creates a scored item.
    public init(item: Int, score: Float) { self.item = item; self.score = score }
    /// `item 50 (score 3.21)`.
    public var description: String { "item \(item) (score \(score))" }
}

extension Recommender {
    /// Fits to the rows of `train` as implicit feedback (every row counts as a one; a
    /// repeated pair counts once).
    @discardableResult
    public func fit(_ train: Interactions, validation: RankingTask? = nil,
                    options: FitOptions = FitOptions()) throws -> TrainingHistory {
        try fit(try train.sparseMatrix(values: .ones, duplicates: .last), validation: validation, options: options)
    }

    /// Scores of every item for the given users of the training matrix, from their
    /// training histories: [users.count, itemCount].
    /// - Throws: if the model is not fitted or a user index is out of range.
    public func scores(forUsers users: [Int]) throws -> Tensor {
        let train = try fittedMatrix("scores(forUsers:)")
        guard let bad = users.first(where: { $0 < 0 || $0 >= train.rowCount }) else {
            return try scores(history: try train.rows(users))
        }
        throw ModelError("\(name).scores(forUsers:)", "user \(bad) is outside 0..<\(train.rowCount)")
    }

    /// The `count` best items for a user of the training matrix, best first; with
    /// `excludingSeen`, items in the user's training history are left out.
    /// - Throws: if the model is not fitted or the user is out of range.
    public func recommend(user: Int, count: Int = 10, excludingSeen: Bool = true) throws -> [ScoredItem] {
        let train = try fittedMatrix("recommend(user:count:excludingSeen:)")
        guard user >= 0, user < train.rowCount else {
            throw ModelError("\(name).recommend(user:count:excludingSeen:)", "user \(user) is outside 0..<\(train.rowCount)")
        }
        return try recommend(history: try train.rows([user]), count: count, excludingSeen: excludingSeen)[0]
    }

    /// The `count` best items for each history row, best first; with `excludingSeen`, the
    /// row's own items are left out.
    /// - Throws: if the model is not fitted, the history does not fit, or count < 0.
    public func recommend(history: SparseMatrix, count: Int = 10, excludingSeen: Bool = true) throws -> [[ScoredItem]] {
        guard count >= 0 else { throw ModelError("\(name).recommend", "count must be >= 0, got \(count)") }
        let s = try scores(history: history)
        let n = itemCount
        return try s.withUnsafeBufferPointer { p in
            try (0..<history.rowCount).map { r in
                let row = Array(p[(r * n)..<((r + 1) * n)])
                let seen = excludingSeen ? Array(history.columnIndices[history.rowOffsets[r]..<history.rowOffsets[r + 1]]) : []
                if let bad = row.firstIndex(where: \.isNaN) {
                    throw ModelError("\(name).recommend", "the score of item \(bad) for history row \(r) is NaN")
                }
                return TopK.select(row, k: count, excluding: seen).map { ScoredItem(item: Int($0), score: row[Int($0)]) }
            }
        }
    }

    /// Ranks every item for each user of `task` and measures `metrics` (full ranking,
    /// the task's excluded items left out). Users are scored in chunks, so the
    /// users x items score matrix never has to fit in memory at once.
    /// - Throws: if the model is not fitted, the task does not fit, a score is NaN, or
    ///   item coverage is asked for over more than one chunk.
    public func evaluate(_ task: RankingTask, metrics: [RankingMetric]) throws -> EvaluationResult {
        let n = max(itemCount, 1)
        let chunk = max(1, (1 << 25) / n)
        if task.userCount > chunk, metrics.contains(where: { if case .itemCoverage = $0 { return true }; return false }) {
            throw ModelError("\(name).evaluate", "item coverage needs every user in one chunk (at most \(chunk) users for \(n) items)")
        }
        var perUser = [[Double]](repeating: [], count: metrics.count)
        var last: EvaluationResult?
        for start in stride(from: 0, to: task.userCount, by: chunk) {
            let range = start..<min(task.userCount, start + chunk)
            let whole = range.count == task.userCount
            let relevant = whole ? task.relevant : ItemLists(range.map { Array(task.relevant.list($0)) })
            let excluded = whole ? task.excluded : ItemLists(range.map { Array(task.excluded.list($0)) })
            let s = try scores(history: whole ? task.history : try task.history.rows(range))
            // The evaluator counts NaN scores of ranked items while it ranks; only when there
            // are some is the first one looked up, to name the task's user.
            let result = try RankingEvaluator.evaluate(scores: s, relevant: relevant, excluding: excluded,
                                                       metrics: metrics, nanScores: .rankLast)
            if result.nanScoreCount > 0 { throw nanScoreError(s, excluded: excluded, users: Array(task.users[range])) }
            for (m, summary) in result.summaries.enumerated() { perUser[m] += summary.perUser }
            last = result
        }
        guard let last else { return EvaluationResult(summaries: metrics.map { MetricSummary(metric: $0, perUser: []) }, userCount: 0) }
        if task.userCount <= chunk { return last }
        return EvaluationResult(summaries: zip(metrics, perUser).map { MetricSummary(metric: $0, perUser: $1) },
                                userCount: task.userCount)
    }

    /// The error for the first NaN score of a ranked (not excluded) item in `scores`, naming
    /// the user (from `users`, one per row) and the item.
    private func nanScoreError(_ scores: Tensor, excluded: ItemLists, users: [Int]) -> ModelError {
        let n = itemCount
        return scores.withUnsafeBufferPointer { p in
            for (r, user) in users.enumerated() {
                let skip = Set(excluded.list(r))
                if let j = (0..<n).first(where: { p[r * n + $0].isNaN && !skip.contains(Int32($0)) }) {
                    return ModelError("\(name).evaluate", "the score of item \(j) for user \(user) is NaN")
                }
            }
            return ModelError("\(name).evaluate", "a score is NaN")
        }
    }

    /// Writes the fitted state to a safetensors file, with the model's name in its metadata.
    /// - Throws: if the model is not fitted or the file cannot be written.
    public func save(to url: URL) throws {
        try Safetensors.save(try state(), to: url, metadata: ["model": name, "items": String(itemCount)])
    }

    /// Loads a state saved by `save(to:)` from a model of the same kind and configuration.
    /// The training matrix is not part of the file: score histories with `scores(history:)`.
    /// - Throws: if the file is unreadable, was written by another kind of model, or a
    ///   tensor is missing or has another shape.
    public func load(from url: URL) throws {
        let meta = try Safetensors.metadata(from: url)
        guard meta["model"] == name else {
            throw ModelError("\(name).load", "\(url.lastPathComponent) holds a \(meta["model"].map { "'\($0)'" } ?? "file without a model name"), expected '\(name)'")
        }
        try restore(try Safetensors.load(from: url))
    }

    /// The training matrix, or an error naming `operation` when the model is not fitted.
    func fittedMatrix(_ operation: String) throws -> SparseMatrix {
        guard let m = trainingMatrix else {
            throw ModelError("\(name).\(operation)", "the model has no training data: call fit first")
        }
        return m
    }

    /// Checks that `history` has this model's item count.
    func checkHistory(_ history: SparseMatrix) throws {
        guard itemCount > 0 else { throw ModelError("\(name).scores", "the model is not fitted: call fit or load first") }
        guard history.columnCount == itemCount else {
            throw ModelError("\(name).scores", "the history has \(history.columnCount) items, the model was fitted on \(itemCount)")
        }
    }

    /// One validation pass: every metric of `options` by label.
    func validationMetrics(_ task: RankingTask, _ options: FitOptions) throws -> [String: Double] {
        let result = try evaluate(task, metrics: options.validationMetrics)
        var out: [String: Double] = [:]
        for s in result.summaries { out[s.label] = s.mean }
        return out
    }

    /// A tensor from `state` with the expected shape, or an error naming it.
    func stateTensor(_ state: [String: Tensor], _ key: String, shape: [Int]? = nil) throws -> Tensor {
        guard let t = state[key] else { throw ModelError("\(name).load", "the state has no tensor '\(key)'") }
        if let shape, t.shape != shape {
            throw ModelError("\(name).load", "'\(key)' has shape \(t.shape), expected \(shape)")
        }
        return t
    }
}

extension Recommender {
    /// The history of a model fitted in one step (see `EpochLoop.closedForm`).
    func closedFormHistory(_ validation: RankingTask?, _ options: FitOptions, _ start: Date) throws -> TrainingHistory {
        try EpochLoop.closedForm(selection: try rankingSelection(validation, options), options: options, start: start)
    }
}
