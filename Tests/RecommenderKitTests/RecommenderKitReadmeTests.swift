import XCTest
import RecommenderKit

/// The README's RecommenderKit example, run on the real ML-100K when `data/ml-100k` exists.
final class RecommenderKitReadmeTests: XCTestCase {
    func testPopularityBaselineOnML100K() throws {
        guard FileManager.default.fileExists(atPath: PackageRoot.data.appendingPathComponent("ml-100k").path) else {
            throw XCTSkip("data/ml-100k is not present")
        }
        // README example starts here (the README omits `dataRoot:`).
        let ml = try MovieLens.load("ml-100k", dataRoot: PackageRoot.data) // fetches into data/ when missing
        let liked = ml.ratings.binarized(atLeast: 4)                 // ratings >= 4 become positives
        let split = try liked.userRatioSplit([0.8, 0.2], seed: 42)   // RecBole's per-user RS split
        let popularity = split.train.countsPerItem().map(Float.init) // one score per item
        let scores = [Float]((0..<split.userCount).map { _ in popularity }.joined())
        let result = try RankingEvaluator.evaluate(
            scores: scores, userCount: split.userCount, itemCount: split.itemCount,
            relevant: ItemLists(split.test), excluding: ItemLists(split.train),
            metrics: [.recall(20), .ndcg(10), .hitRate(10)])
        print(result)                                                // mean, std, 95% CI per metric
        // README example ends here.
        XCTAssertEqual(liked.count, 55_375)
        let recall = try XCTUnwrap(result["Recall@20"]).mean
        let ndcg = try XCTUnwrap(result["NDCG@10"]).mean
        XCTAssertGreaterThan(recall, 0.05, "popularity beats random (about 20/1682)")
        XCTAssertLessThan(recall, 0.6)
        XCTAssertGreaterThan(ndcg, 0.02)
        XCTAssertLessThan(ndcg, 0.6)
    }

    /// The README's RecommenderKit section shows exactly the code of the test above.
    func testReadmeShowsThisExample() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try XCTUnwrap(source.range(of: "// README example starts here"))
        let end = try XCTUnwrap(source.range(of: "// README example ends here."))
        let body = source[start.upperBound..<end.lowerBound].split(separator: "\n").dropFirst()
            .map { normalized($0.replacingOccurrences(of: ", dataRoot: PackageRoot.data", with: "")) }
            .filter { !$0.isEmpty }
        let readme = try String(contentsOf: PackageRoot.url.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try XCTUnwrap(readme.range(of: "## RecommenderKit"))
        let readmeLines = Set(readme[section.upperBound...].split(separator: "\n").map(normalized))
        for line in body { XCTAssertTrue(readmeLines.contains(line), "README's RecommenderKit example lacks: \(line)") }
    }

    /// The line with runs of spaces collapsed and the ends trimmed (alignment may differ).
    private func normalized<S: StringProtocol>(_ line: S) -> String {
        line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
