import XCTest
import TensorKit
@testable import RecommenderKit

/// Hand-checked cases per metric. Ranked list flags: [hit, miss, hit, miss, miss] with
/// |R| = 3 unless said otherwise.
final class MetricTests: XCTestCase {
    let flags = [true, false, true, false, false]

    func v(_ m: RankingMetric, _ hits: [Bool]? = nil, rel: Int = 3) -> Double {
        m.value(hits: hits ?? flags, relevantCount: rel)
    }

    func testPrecision() {
        XCTAssertEqual(v(.precision(1)), 1)
        XCTAssertEqual(v(.precision(3)), 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(v(.precision(10)), 0.2, accuracy: 1e-15)      // k > list: denominator stays k
    }

    func testRecallAndNormalizedRecall() {
        XCTAssertEqual(v(.recall(1)), 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(v(.recall(5)), 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(v(.normalizedRecall(1)), 1)                    // 1 / min(1, 3)
        XCTAssertEqual(v(.normalizedRecall(3)), 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(v(.normalizedRecall(5)), 2.0 / 3, accuracy: 1e-15)
    }

    func testF1() {
        // P@5 = 0.4, R@5 = 2/3: F1 = 2 * 0.4 * 2/3 / (0.4 + 2/3) = 0.5
        XCTAssertEqual(v(.f1(5)), 0.5, accuracy: 1e-15)
        XCTAssertEqual(v(.f1(2), [false, false]), 0)
    }

    func testNDCG() {
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; IDCG@5 with |R| = 3 = 1 + 1/log2(3) + 1/2
        let idcg = 1 + 1 / log2(3.0) + 0.5
        XCTAssertEqual(v(.ndcg(5)), 1.5 / idcg, accuracy: 1e-15)
        XCTAssertEqual(v(.ndcg(2)), 1 / (1 + 1 / log2(3.0)), accuracy: 1e-15)
        XCTAssertEqual(v(.ndcg(3), [true, true, true]), 1, accuracy: 1e-15)   // perfect
        XCTAssertEqual(v(.ndcg(3), [false, false, false]), 0)                   // no hit
    }

    func testHitRateAndMRR() {
        XCTAssertEqual(v(.hitRate(1)), 1)
        XCTAssertEqual(v(.hitRate(2), [false, false, true]), 0)
        XCTAssertEqual(v(.hitRate(3), [false, false, true]), 1)
        XCTAssertEqual(v(.mrr(5), [false, false, true]), 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(v(.mrr(2), [false, false, true]), 0)
    }

    func testMAP() {
        // AP@5 = (1/1 + 2/3) / min(5, 3)
        XCTAssertEqual(v(.map(5)), (1 + 2.0 / 3) / 3, accuracy: 1e-15)
        // AP@2 = (1/1) / min(2, 3)
        XCTAssertEqual(v(.map(2)), 0.5, accuracy: 1e-15)
        XCTAssertEqual(v(.map(3), [true, true], rel: 2), 1, accuracy: 1e-15)
    }

    func testEdgeCases() {
        for m: RankingMetric in [.precision(5), .recall(5), .normalizedRecall(5), .f1(5), .ndcg(5), .hitRate(5), .mrr(5), .map(5)] {
            XCTAssertTrue(v(m, flags, rel: 0).isNaN, "\(m) with no relevant items must be NaN")
            XCTAssertEqual(v(m, [], rel: 2), 0, "\(m) of an empty list")
            XCTAssertEqual(v(m, [false, false, false], rel: 2), 0, "\(m) with no hit")
            XCTAssertTrue(RankingMetric.ndcg(0).value(hits: flags, relevantCount: 2).isNaN)
        }
        XCTAssertEqual(v(.recall(50), [true, true], rel: 2), 1)       // k larger than the list
        XCTAssertEqual(v(.ndcg(50), [true, true], rel: 2), 1, accuracy: 1e-15)
        XCTAssertEqual(RankingMetric.ndcg(100).label, "NDCG@100")
    }

    func testItemCoverage() {
        XCTAssertEqual(ItemCoverage.value(rankedLists: [[0, 1], [1, 2]], itemCount: 4, k: 2), 0.75)
        XCTAssertEqual(ItemCoverage.value(rankedLists: [[0, 1], [1, 2]], itemCount: 4, k: 1), 0.5)
        XCTAssertEqual(ItemCoverage.value(rankedLists: [], itemCount: 0, k: 1), 0)
    }

    func testRatingErrors() throws {
        XCTAssertEqual(try RMSE.value(predictions: [1, 2, 3], targets: [1, 2, 5]), (4.0 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(try MAE.value(predictions: [1, 2, 3], targets: [2, 2, 5]), 1, accuracy: 1e-12)
        XCTAssertThrowsError(try RMSE.value(predictions: [], targets: []))
        XCTAssertThrowsError(try MAE.value(predictions: [1], targets: [1, 2]))
    }

    func testSummaryStatistics() {
        let s = MetricSummary(metric: .recall(2), perUser: [1, 0, .nan, 0.5])
        XCTAssertEqual(s.count, 3)
        XCTAssertEqual(s.mean, 0.5, accuracy: 1e-15)
        XCTAssertEqual(s.standardDeviation, 0.5, accuracy: 1e-15)
        XCTAssertEqual(s.confidenceInterval95.lower, 0.5 - 1.96 * 0.5 / 3.0.squareRoot(), accuracy: 1e-12)
    }
}
