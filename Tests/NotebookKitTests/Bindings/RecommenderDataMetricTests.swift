import Foundation
import RecommenderKit
import ScriptKit
import TensorKit
import XCTest
@testable import NotebookKit

/// Metrics and evaluation through the bindings, checked against the same Swift calls, and
/// the type checker's view of the rows (wrong element types, missing `try`).
final class RecommenderDataMetricTests: XCTestCase {
    static let scores: [Float] = [0.9, 0.1, 0.8, 0.3, 0.2, 0.7, 0.1, 0.5, 0.1, 0.2, 0.3, 0.4]
    static let metrics: [RankingMetric] = [.ndcg(2), .recall(2), .precision(1), .mrr(3), .map(2), .hitRate(1), .f1(2),
                                           .normalizedRecall(2), .itemCoverage(2)]

    func testRankingMetricsMatchSwift() throws {
        let relevant = ItemLists([[0, 2], [1], []])
        let result = try RankingEvaluator.evaluate(scores: Self.scores, userCount: 3, itemCount: 4, relevant: relevant,
                                                   metrics: Self.metrics)
        let excluded = try RankingEvaluator.evaluate(scores: Self.scores, userCount: 3, itemCount: 4, relevant: relevant,
                                                     excluding: ItemLists([[0], [], [3]]), metrics: [.ndcg(3)], nanScores: .rankLast)
        let ranked = try RankingEvaluator.evaluate(rankedLists: [[0, 2], [1]], relevant: ItemLists([[0], [3]]), itemCount: 4,
                                                   metrics: [.hitRate(2), .itemCoverage(2)])
        let summary = MetricSummary(metric: .recall(5), perUser: [0.5, 1.0, 0.25])
        let out = recDataRun(Session(), """
            let relevant = ItemLists([[0, 2], [1], []])
            let scores: [Float] = \(Self.scores)
            let result = try RankingEvaluator.evaluate(scores: scores, userCount: 3, itemCount: 4, relevant: relevant,
                metrics: [.ndcg(2), .recall(2), .precision(1), .mrr(3), .map(2), .hitRate(1), .f1(2), .normalizedRecall(2), .itemCoverage(2)])
            print(result.summaries.map { $0.mean })
            print(result.summaries.map { $0.label }, result.userCount, result.nanScoreCount)
            print(result[.ndcg(2)]!.mean, result["Recall@2"]?.count ?? -1, result["nothing"] == nil)
            let excluded = try RankingEvaluator.evaluate(scores: scores, userCount: 3, itemCount: 4, relevant: relevant,
                excluding: ItemLists([[0], [], [3]]), metrics: [.ndcg(3)], nanScores: .rankLast)
            print(excluded.summaries[0].perUser)
            let ranked = try RankingEvaluator.evaluate(rankedLists: [[0, 2], [1]], relevant: ItemLists([[0], [3]]), itemCount: 4,
                metrics: [.hitRate(2), .itemCoverage(2)])
            print(ranked.summaries.map { $0.mean })
            print(TopK.select(scores, k: 3, excluding: [0]), TopK.select([0.1, 0.5], k: 5))
            print(RankingMetric.ndcg(3).value(hits: [true, false, true], relevantCount: 2), RankingMetric.map(2).k, RankingMetric.mrr(4).label)
            let s = MetricSummary(metric: .recall(5), perUser: [0.5, 1.0, 0.25])
            print(s.mean, s.count, s.standardDeviation, s.standardError, s.confidenceInterval95.lower, s.confidenceInterval95.upper)
            print(relevant.offsets, relevant.indices, relevant.userCount, relevant.list(0), relevant.list(7))
            """)
        let ci = summary.confidenceInterval95
        XCTAssertEqual(out, """
            \(result.summaries.map(\.mean))
            \(result.summaries.map(\.label)) 3 0
            \(result[.ndcg(2)]!.mean) \(result["Recall@2"]!.count) true
            \(excluded.summaries[0].perUser)
            \(ranked.summaries.map(\.mean))
            \(TopK.select(Self.scores, k: 3, excluding: [0])) \(TopK.select([0.1, 0.5], k: 5))
            \(RankingMetric.ndcg(3).value(hits: [true, false, true], relevantCount: 2)) 2 MRR@4
            \(summary.mean) \(summary.count) \(summary.standardDeviation) \(summary.standardError) \(ci.lower) \(ci.upper)
            \(relevant.offsets) \(relevant.indices) 3 \(Array(relevant.list(0))) []

            """)
    }

    func testRatingMetricsTasksAndTensorScoresMatchSwift() throws {
        let r = try RecDataFixture.data().ratings
        let split = try r.randomSplit(testRatio: 0.2, seed: 1)
        let scores = try split.train.denseMatrix(values: .ones)
        let result = try RankingEvaluator.evaluate(scores: scores, relevant: ItemLists(split.test), excluding: ItemLists(split.train),
                                                   metrics: [.ndcg(5), .recall(10)])
        let task = try RankingTask(history: split.train, relevant: split.test)
        let accuracy = try RatingAccuracy(predictions: [1, 2, 3], targets: [1, 3, 3.5])
        let sparseLists = ItemLists(try split.train.sparseMatrix(values: .ratings, duplicates: .last))
        let out = recDataRun(Session(), """
            let r = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings
            let split = try r.randomSplit(testRatio: 0.2, seed: 1)
            let scores = try split.train.denseMatrix(values: .ones)
            let result = try RankingEvaluator.evaluate(scores: scores, relevant: ItemLists(split.test), excluding: ItemLists(split.train),
                metrics: [.ndcg(5), .recall(10)])
            print(result.summaries.map { $0.mean })
            let task = try RankingTask(history: split.train, relevant: split.test)
            print(task.userCount, task.users.prefix(3), task.relevant.indices.count, task.excluded.indices.count)
            let accuracy = try RatingAccuracy(predictions: [1, 2, 3], targets: [1, 3, 3.5])
            print(accuracy.rmse, accuracy.mae, accuracy.count)
            print(try RMSE.value(predictions: [1, 2], targets: [1.5, 2.5]), try MAE.value(predictions: [1, 2], targets: [2, 4]))
            print(ItemCoverage.value(rankedLists: [[0, 1], [1, 2]], itemCount: 4, k: 2))
            let sparse = try split.train.sparseMatrix(values: .ratings, duplicates: .last)
            print(ItemLists(sparse).indices == ItemLists(split.train).indices, ItemLists(try split.train.sparseMatrix()).indices.count == split.train.count)
            """)
        XCTAssertEqual(out, """
            \(result.summaries.map(\.mean))
            \(task.userCount) \(Array(task.users.prefix(3))) \(task.relevant.indices.count) \(task.excluded.indices.count)
            \(accuracy.rmse) \(accuracy.mae) 3
            \(try RMSE.value(predictions: [1, 2], targets: [1.5, 2.5])) \(try MAE.value(predictions: [1, 2], targets: [2, 4]))
            \(ItemCoverage.value(rankedLists: [[0, 1], [1, 2]], itemCount: 4, k: 2))
            \(sparseLists.indices == ItemLists(split.train).indices) \(sparseLists.indices.count == split.train.count)

            """)
    }

    func testTypeErrorsAndMissingTry() {
        let wrongElements = recDataError("""
            let values = [1, 2, 3]
            let s = MetricSummary(metric: .ndcg(5), perUser: values)
            """)
        XCTAssertTrue(wrongElements.contains("cannot convert value of type '[Int]' to expected argument type '[Double]'"), wrongElements)
        let wrongFloats = recDataError("""
            let scores = [0.5, 0.25]
            let top = TopK.select(scores, k: 1)
            """)
        XCTAssertTrue(wrongFloats.contains("'[Double]' to expected argument type '[Float]'"), wrongFloats)
        let noTry = recDataError("let d = SyntheticData.generate(SyntheticConfiguration())")
        XCTAssertTrue(noTry.contains("call can throw but is not marked with 'try'"), noTry)
        let noTryLoad = recDataError("let d = DatasetLoader.load(path: \"/tmp\")")
        XCTAssertTrue(noTryLoad.contains("not marked with 'try'"), noTryLoad)
        let label = recDataError("let t = TopK.select([0.5], count: 1)")
        XCTAssertFalse(label.isEmpty)
        let sizes = recDataError("let e = try RankingEvaluator.evaluate(scores: [0.5], userCount: 2, itemCount: 2, relevant: ItemLists([[0]]), metrics: [.ndcg(1)])")
        XCTAssertTrue(sizes.contains("RankingEvaluator"), sizes)
    }
}

/// `evaluateCourse` is a `RatingModel` extension method: its one row serves every model
/// bound as conforming to `RatingModel` (here a test row hands out a fitted `BiasBaseline`).
final class RecommenderDataCourseTests: XCTestCase {
    func testEvaluateCourseThroughTheRatingModelRow() throws {
        let r = try RecDataFixture.data().ratings
        let split = try r.userRatioSplit([0.8, 0.2], seed: 1)
        let model = try BiasBaseline()
        _ = try model.fit(split.train)
        let e = try model.evaluateCourse(train: split.train, test: split.test, k: 5)
        let session = Session()
        session.interpreter.registry.type("BiasBaseline", doc: "").conforms(to: "RatingModel")
        session.interpreter.registry.function("recDataFittedBaseline(_ train: Interactions) throws -> BiasBaseline", doc: "Test only.") { args in
            let m = try BiasBaseline()
            _ = try m.fit(args.get(0))
            return m.scriptValue
        }
        let out = recDataRun(session, """
            let r = try SyntheticData.generate(\(RecDataFixture.configScript)).ratings
            let split = try r.userRatioSplit([0.8, 0.2], seed: 1)
            let model = try recDataFittedBaseline(split.train)
            let e = try model.evaluateCourse(train: split.train, test: split.test, k: 5)
            print(e.rmse, e.mae, e.precision, e.recall, e.f1, e.k, e.rankedUsers)
            print(e.description)
            """)
        XCTAssertEqual(out, "\(e.rmse) \(e.mae) \(e.precision) \(e.recall) \(e.f1) 5 \(e.rankedUsers)\n\(e.description)\n")
        let noTry = session.execute("let bad = model.evaluateCourse(train: split.train, test: split.test)", origin: "cell")
        XCTAssertTrue(noTry.error?.description.contains("not marked with 'try'") ?? false, "\(String(describing: noTry.error))")
    }
}
