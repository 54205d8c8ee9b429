import Foundation
import TensorKit

/// A rating model judged both ways, as the course report does (seed report 000): RMSE and
/// MAE of the predicted ratings of the held-out pairs, and Precision@k, Recall@k and F1@k
/// of each user's top-k list ranked by predicted rating over the items the user did not
/// rate in training, "relevant" being a held-out rating of at least `relevantAtLeast`.
/// The ranking metrics are means over the users with at least one relevant held-out item.
public struct CourseEvaluation: Sendable, CustomStringConvertible {
    /// Root mean squared error over the held-out ratings.
    public var rmse: Double
    /// Mean absolute error over the held-out ratings.
    public var mae: Double
    /// Precision@k.
    public var precision: Double
    /// Recall@k.
    public var recall: Double
    /// F1@k, per user then averaged.
    public var f1: Double
    /// The list length k.
    public var k: Int
    /// Users with a relevant held-out item (those the ranking metrics average over).
    public var rankedUsers: Int

    /// `RMSE 0.95, MAE 0.75, P@10 0.10, R@10 0.08, F1@10 0.07 (940 users)`.
    public var description: String {
        String(format: "RMSE %.4f, MAE %.4f, P@%d %.4f, R@%d %.4f, F1@%d %.4f (%d users)",
               rmse, mae, k, precision, k, recall, k, f1, rankedUsers)
    }
}

/// What a course evaluation ranks: the users with a relevant held-out item, their relevant
/// items and the training items left out of their lists.
struct CourseRankingTask {
    let users: [Int]
    let relevant: ItemLists
    let excluded: ItemLists
    let itemCount: Int

    init(train: Interactions, test: Interactions, relevantAtLeast: Float) throws {
        guard train.userVocabulary == test.userVocabulary, train.itemVocabulary == test.itemVocabulary else {
            throw DataError("CourseEvaluation: expected training and test tables sharing user and item vocabularies")
        }
        var relevantLists = [[Int32]](repeating: [], count: test.userCount)
        for r in 0..<test.count where test.ratings[r] >= relevantAtLeast {
            relevantLists[Int(test.users[r])].append(test.items[r])
        }
        let seen = train.itemsByUser()
        users = relevantLists.indices.filter { !relevantLists[$0].isEmpty }
        relevant = ItemLists(users.map { relevantLists[$0] })
        excluded = ItemLists(users.map { seen[$0] })
        itemCount = train.itemCount
    }

    /// The pairs (user, item) of every ranked user with every item, row-major.
    var allPairs: (users: [Int], items: [Int]) {
        var u = [Int](), i = [Int]()
        u.reserveCapacity(users.count * itemCount); i.reserveCapacity(users.count * itemCount)
        for user in users { for item in 0..<itemCount { u.append(user); i.append(item) } }
        return (u, i)
    }

    /// The metrics of predicted `ratings` for the held-out `targets` and the `scores` of
    /// `allPairs`.
    func evaluate(ratings: [Float], targets: [Float], scores: [Float], k: Int) throws -> CourseEvaluation {
        let accuracy = try RatingAccuracy(predictions: ratings, targets: targets)
        let result = try RankingEvaluator.evaluate(scores: scores, userCount: users.count, itemCount: itemCount,
                                                   relevant: relevant, excluding: excluded,
                                                   metrics: [.precision(k), .recall(k), .f1(k)])
        return CourseEvaluation(rmse: accuracy.rmse, mae: accuracy.mae, precision: result.summaries[0].mean,
                                recall: result.summaries[1].mean, f1: result.summaries[2].mean, k: k, rankedUsers: users.count)
    }
}

extension RatingModel {
    /// The course report's evaluation of this fitted model on a per-user split: RMSE and
    /// MAE on `test`, and Precision/Recall/F1@k of top-k lists over the items each user did
    /// not rate in `train`, with held-out ratings >= `relevantAtLeast` relevant.
    ///
    /// ```swift
    /// let split = try ratings.userRatioSplit([0.8, 0.2], seed: 1)
    /// try knn.fit(split.train)
    /// print(try knn.evaluateCourse(train: split.train, test: split.test))
    /// ```
    /// - Throws: if the model is not fitted, `test` is empty, the tables do not share
    ///   vocabularies, or k < 1.
    public func evaluateCourse(train: Interactions, test: Interactions, k: Int = 10,
                               relevantAtLeast: Float = 4) throws -> CourseEvaluation {
        guard k >= 1 else { throw ModelError("\(name).evaluateCourse", "k must be >= 1, got \(k)") }
        guard !test.isEmpty else { throw ModelError("\(name).evaluateCourse", "the test set has no ratings") }
        let task = try CourseRankingTask(train: train, test: test, relevantAtLeast: relevantAtLeast)
        let pairs = task.allPairs
        return try task.evaluate(ratings: try predict(test), targets: test.ratings,
                                 scores: try predict(users: pairs.users, items: pairs.items), k: k)
    }
}
