import Foundation
import RecommenderKit

/// One evaluation setting: how the data is split for a seed, and which metrics are reported.
struct TopNProtocol {
    /// A short name for tables ("A (RecBole)").
    var name: String
    /// The reported test metrics, in column order.
    var metrics: [RankingMetric]
    /// The validation and test tasks and the training matrix for one seed.
    var prepare: (UInt64) throws -> (train: Interactions, validation: RankingTask, test: RankingTask)
    /// Whether the seed changes the split (A) or only the models' initialisation (B).
    var seedsSplit: Bool
    /// The same-user split of a seed, for protocols that RecBole can run too.
    var split: ((UInt64) throws -> TrainTestSplit)? = nil
}

/// RecBole's protocol on ML-100K: ratings >= 4 are positives (942 users, 1,447 items,
/// 55,375 interactions), a per-user random 80/10/10 split (RecBole `RS`), full ranking over
/// the items a user has not seen in training (nor in validation when testing), Recall@k =
/// hits / |test items|, NDCG with binary gains.
func recBoleProtocol(_ ratings: Interactions) -> TopNProtocol {
    let clicks = ratings.binarized(atLeast: 4).compacted()
    return TopNProtocol(
        name: "A: RecBole, per-user 80/10/10 of ratings >= 4 (\(clicks.activeUserCount) users, \(clicks.activeItemCount) items, \(clicks.count) interactions)",
        metrics: [.recall(20), .recall(50), .ndcg(100), .ndcg(10)],
        prepare: { seed in try tasks(try clicks.userRatioSplit([0.8, 0.1, 0.1], seed: seed)) },
        seedsSplit: true,
        split: { seed in try clicks.userRatioSplit([0.8, 0.1, 0.1], seed: seed) })
}

/// The same-user tasks of a three-part split.
func tasks(_ split: TrainTestSplit) throws -> (train: Interactions, validation: RankingTask, test: RankingTask) {
    guard let validation = split.validation else { throw ModelError("recommenderkit-eval", "the split has no validation part") }
    return (split.train,
            try RankingTask(history: split.train, relevant: validation),
            try RankingTask(history: split.train, relevant: split.test, excluding: [validation]))
}

/// Liang et al.'s strong generalisation on ML-100K: ratings > 3.5, users with >= 5 items,
/// users permuted with seed 98765, 100 validation and 100 test users with an 80/20
/// fold-in/held-out split; NDCG@100 and Recall@k = hits / min(k, |held-out|).
func liangProtocol(_ ratings: Interactions) throws -> TopNProtocol {
    let clicks = ratings.binarized(atLeast: 4).filteredByMinCount(users: 5, items: 0, iterative: false)
    let split = try clicks.heldOutUsers(validation: 100, test: 100, foldIn: 0.8, seed: 98765)
    let validation = try RankingTask(split.validation), test = try RankingTask(split.test)
    return TopNProtocol(
        name: "B: Liang's strong generalisation, 100 + 100 held-out users, 80/20 fold-in (\(split.trainUsers.count) training users, \(split.itemCount) items)",
        metrics: [.ndcg(100), .normalizedRecall(20), .normalizedRecall(50)],
        prepare: { _ in (split.train, validation, test) },
        seedsSplit: false)
}

/// RecBole's own split files (NAME.train.inter / .valid.inter / .test.inter) read as they are.
func recBoleFilesProtocol(directory: URL, name: String) throws -> TopNProtocol {
    let split = try TrainTestSplit.readRecBole(directory: directory, name: name)
    let prepared = try tasks(split)
    return TopNProtocol(
        name: "A on RecBole's split files \(directory.path)/\(name).{train,valid,test}.inter",
        metrics: [.recall(20), .recall(50), .ndcg(100), .ndcg(10)],
        prepare: { _ in prepared }, seedsSplit: false)
}
