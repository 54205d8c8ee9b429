import XCTest
import TensorKit
@testable import RecommenderKit

final class RankingEvaluatorTests: XCTestCase {
    func testTopKOrderTiesNaNAndExclusion() {
        let s: [Float] = [0.5, .nan, 0.9, 0.5, 0.1, 0.9]
        XCTAssertEqual(TopK.select(s, k: 4), [2, 5, 0, 3])
        XCTAssertEqual(TopK.select(s, k: 10), [2, 5, 0, 3, 4, 1])
        XCTAssertEqual(TopK.select(s, k: 3, excluding: [2, 0]), [5, 3, 4])
        XCTAssertEqual(TopK.select(s, k: 0), [])
        XCTAssertEqual(TopK.select([], k: 3), [])
    }

    func testMatchesRecBoleReference() throws {
        let R = RecBoleReferenceData.self
        let names: [String: (Int) -> RankingMetric] = ["hit": { .hitRate($0) }, "mrr": { .mrr($0) }, "map": { .map($0) },
                                                       "recall": { .recall($0) }, "ndcg": { .ndcg($0) }, "precision": { .precision($0) }]
        var metrics = [RankingMetric]()
        for (_, make) in names { for k in [1, 3, 5, 10, 20] { metrics.append(make(k)) } }
        metrics += [.itemCoverage(5), .itemCoverage(20)]
        let result = try RankingEvaluator.evaluate(scores: R.scores, userCount: R.users, itemCount: R.items,
                                                   relevant: ItemLists(R.relevant), excluding: ItemLists(R.excluded),
                                                   metrics: metrics)
        for (name, make) in names {
            for (k, expected) in R.means[name] ?? [:] {
                let got = try XCTUnwrap(result[make(k)]).mean
                XCTAssertEqual(got, expected, accuracy: 1e-12, "\(name)@\(k)")
            }
            let perUser = try XCTUnwrap(result[make(10)]).perUser
            for (u, expected) in (R.perUserAt10[name] ?? []).enumerated() {
                XCTAssertEqual(perUser[u], expected, accuracy: 1e-12, "\(name)@10 user \(u)")
            }
        }
        XCTAssertEqual(result[.itemCoverage(5)]?.mean ?? -1, R.itemCoverage5, accuracy: 1e-12)
        XCTAssertEqual(result[.itemCoverage(20)]?.mean ?? -1, R.itemCoverage20, accuracy: 1e-12)
        for u in 0..<R.users {
            let row = Array(R.scores[(u * R.items)..<((u + 1) * R.items)])
            XCTAssertEqual(TopK.select(row, k: 20, excluding: R.excluded[u]), R.topK[u], "user \(u)")
        }
    }

    func testTensorScoresAndNaNUsers() throws {
        let scores = try Tensor(shape: [3, 4], scalars: [0.9, 0.1, 0.8, 0.2,
                                                         0.1, 0.2, 0.3, 0.4,
                                                         1, 1, 1, 1])
        let result = try RankingEvaluator.evaluate(scores: scores, relevant: ItemLists([[2], [], [0, 1]]),
                                                   excluding: ItemLists([[0], [], []]), metrics: [.ndcg(1), .recall(2)])
        let ndcg = try XCTUnwrap(result[.ndcg(1)])
        XCTAssertEqual(ndcg.perUser[0], 1)          // item 0 excluded, item 2 first
        XCTAssertTrue(ndcg.perUser[1].isNaN)        // no relevant items
        XCTAssertEqual(ndcg.perUser[2], 1)          // ties: item 0 first
        XCTAssertEqual(ndcg.count, 2)
        XCTAssertEqual(result["Recall@2"]?.perUser[2], 1)
        XCTAssertTrue(result.description.contains("NDCG@1"))
    }

    func testBadInputThrows() throws {
        let s: [Float] = [0, 1, 2, 3]
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: s, userCount: 2, itemCount: 3, relevant: ItemLists([[0], [1]]), metrics: [.ndcg(1)]))
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: s, userCount: 2, itemCount: 2, relevant: ItemLists([[0]]), metrics: [.ndcg(1)]))
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: s, userCount: 2, itemCount: 2, relevant: ItemLists([[0], [5]]), metrics: [.ndcg(1)]))
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: s, userCount: 2, itemCount: 2, relevant: ItemLists([[0], [-1]]), metrics: [.ndcg(1)]))
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: s, userCount: 2, itemCount: 2, relevant: ItemLists([[0], [1]]), metrics: [.ndcg(0)]))
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: s, userCount: 2, itemCount: 2, relevant: ItemLists([[0], [1]]), metrics: []))
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: try Tensor(shape: [4], scalars: s), relevant: ItemLists([[0]]), metrics: [.ndcg(1)]))
    }

    func testRankedListsPath() throws {
        let r = try RankingEvaluator.evaluate(rankedLists: [[1, 0], [2]], relevant: ItemLists([[0], [2]]), itemCount: 3,
                                              metrics: [.mrr(2), .itemCoverage(2)])
        XCTAssertEqual(r[.mrr(2)]?.perUser, [0.5, 1])
        XCTAssertEqual(r[.itemCoverage(2)]?.mean ?? 0, 1, accuracy: 1e-15)
    }

    /// A NaN score is an error naming the user and item; ranked last only when asked,
    /// and then counted.
    func testNaNScoresAreAnErrorUnlessRankedLast() throws {
        let scores: [Float] = [0.9, 0.1, 0.5,  0.2, .nan, 0.8]
        let relevant = ItemLists([[0], [1]])
        XCTAssertThrowsError(try RankingEvaluator.evaluate(scores: scores, userCount: 2, itemCount: 3, relevant: relevant,
                                                           metrics: [.recall(1)])) { e in
            XCTAssertTrue("\(e)".contains("the score of user 1, item 1 is NaN (1 NaN scores in all)"), "\(e)")
            XCTAssertTrue("\(e)".contains("nanScores: .rankLast"), "\(e)")
        }
        // An excluded item's NaN is never ranked, so it is not an error.
        let excluded = try RankingEvaluator.evaluate(scores: scores, userCount: 2, itemCount: 3, relevant: relevant,
                                                     excluding: ItemLists([[], [1]]), metrics: [.recall(1)])
        XCTAssertEqual(excluded.nanScoreCount, 0)
        let last = try RankingEvaluator.evaluate(scores: scores, userCount: 2, itemCount: 3, relevant: relevant,
                                                 metrics: [.recall(2)], nanScores: .rankLast)
        XCTAssertEqual(last.nanScoreCount, 1)
        XCTAssertEqual(last[.recall(2)]?.perUser, [1, 0])
        XCTAssertTrue(last.description.contains("(1 NaN scores were ranked last)"))
    }
}
