import Foundation
import RecommenderKit
import ScriptKit
import TensorKit
import XCTest
@testable import NotebookKit

/// Training from scripts (progress, cancellation by Ctrl-C and by token, the history),
/// analysis (KMeans, PCA, t-SNE, trustworthiness) and fetching from a local folder.
final class RecommenderModelTrainingTests: XCTestCase {
    static let small = "MultVAE.Configuration(hidden: [8], latent: 4, totalAnnealSteps: 10, batchSize: 8, epochs: 4, seed: 2)"

    func testProgressSummaryAndHistory() {
        let session = ModelBindingData.session()
        let out = ModelBindingData.run(session, """
            let m = try MultVAE(\(Self.small))
            var seen = 0
            let h = try m.fit(_trainMatrix(), validation: _task(), options: FitOptions(validationMetrics: _ndcg10(), patience: 10, progress: { p in seen += 1 }))
            print(seen, h.epochs.count, h.selectionMetric ?? "none", h.seriesNames.contains("loss"), h["loss"].count, h.bestEpoch != nil)
            print(h.epochs[0].epoch, h.epochs[0].losses["loss"] != nil, h.epochs[0].validation["NDCG@10"] != nil)
            """, progress: true)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, out)
        XCTAssertTrue(lines[0].hasPrefix("Training MultVAE: 4 epochs in "), out)
        XCTAssertTrue(lines[0].contains("completed, best NDCG@10 "), out)
        // 40 users, about 32 with positives, in batches of 8: 4 or 5 batches per epoch.
        XCTAssertTrue(lines[1].hasSuffix(" 4 NDCG@10 true 4 true"), out)
        XCTAssertEqual(lines[2], "1 true true")
    }

    func testInterruptDuringFitCancelsAndKeepsTheModelUsable() {
        let session = ModelBindingData.session()
        // Ctrl-C (here requested from the progress callback of batch 1) stops training at the
        // next batch; fit returns the history, and the chunk stops at its next check point.
        let r = session.execute("""
            let m = try MultVAE(\(Self.small))
            let h = try m.fit(_trainMatrix(), options: FitOptions(progress: { p in if p.epoch == 1 && p.batch == 1 { _interrupt() } }))
            """, origin: "cell")
        XCTAssertNil(r.error, "\(String(describing: r.error))")
        let out = ModelBindingData.run(session, """
            print(h.stopReason == StopReason.cancelled(epoch: 1, batch: 2), h.epochs.count)
            print(try m.recommend(user: 0, count: 2).count)
            """)
        XCTAssertEqual(out, "true 0\n2\n")
        // The next chunk starts with no pending interrupt and trains in full.
        XCTAssertEqual(ModelBindingData.run(session, "print(try m.fit(_trainMatrix()).epochs.count)"), "4\n")
    }

    func testScriptTokenAndCallbackErrors() {
        let session = ModelBindingData.session()
        let out = ModelBindingData.run(session, """
            let token = CancellationToken()
            let m = try MultVAE(\(Self.small))
            let h = try m.fit(_trainMatrix(), options: FitOptions(progress: { p in if p.epoch == 2 { token.cancel() } }, cancellation: token))
            print(h.epochs.count, token.isCancelled, h.stopReason == StopReason.cancelled(epoch: 2, batch: 2))
            token.reset()
            print(token.isCancelled)
            """)
        XCTAssertEqual(out, "1 true true\nfalse\n")
        let failing = ModelBindingData.error(session, """
            let m3 = try MultVAE(\(Self.small))
            try m3.fit(_trainMatrix(), options: FitOptions(progress: { p in let xs = [1]; print(xs[p.batch]) }))
            """)
        XCTAssertTrue(failing.contains("out of range"), failing)
    }

    func testAnalysisMatchesSwift() throws {
        let session = ModelBindingData.session()
        let values = (0..<40).map { Double(($0 * 7) % 11) / 3 }
        let literal = "[" + values.map { "\($0)" }.joined(separator: ", ") + "]"
        let out = ModelBindingData.run(session, """
            let x = _tensor(10, 4, \(literal))
            let k = try KMeans(fitting: x, configuration: KMeans.Configuration(clusters: 2, restarts: 2, seed: 1))
            print(k.labels, try k.predict(x) == k.labels, k.inertia)
            let p = try PCA(fitting: x, components: 2)
            print(p.explainedVarianceRatio.count, p.mean.count)
            let y = try TSNE(TSNE.Configuration(perplexity: 3, iterations: 100, explorationIterations: 50, method: .exact)).embed(x)
            let t = try trustworthiness(original: x, embedding: y, neighbours: 3)
            print(t >= 0 && t <= 1)
            """)
        let x = try Tensor(shape: [10, 4], scalars: values.map { Float($0) })
        let k = try KMeans(fitting: x, configuration: KMeans.Configuration(clusters: 2, restarts: 2, seed: 1))
        XCTAssertEqual(out, "\(k.labels) true \(k.inertia)\n2 4\ntrue\n")
        // t-SNE calls the script's progress closure every 50 iterations and at the end.
        let seen = ModelBindingData.run(session, """
            var its: [Int] = []
            let z = try TSNE(TSNE.Configuration(perplexity: 3, iterations: 120, explorationIterations: 50)).embed(x, progress: { p in its.append(p.iteration) })
            print(its, _shape(z))
            """)
        XCTAssertEqual(seen, "[50, 100, 120] [10, 2]\n")
    }

    /// Values a script can build that would make the library's arithmetic trap are refused.
    func testTrappingValuesAreRefused() {
        let session = ModelBindingData.session()
        XCTAssertEqual(ModelBindingData.run(session, """
            let p = TrainingProgress(epoch: 2, epochs: 4, batch: 1, batches: 2, loss: 0.5, elapsed: 3)
            print(p.fraction, p.batchesPerSecond)
            """), "0.375 1.0\n")
        let huge = ModelBindingData.error(session, "var q = TrainingProgress(epoch: 1, epochs: 2, batch: 1, batches: 2, loss: 0, elapsed: 1)\nq.epochs = Int.max\nprint(q.fraction)")
        XCTAssertTrue(huge.contains("epochs must be in 0...2147483647"), huge)
        let eta = ModelBindingData.error(session, "print(TrainingProgress(epoch: 1, epochs: 2, batch: 1, batches: 2, loss: 0, elapsed: 1e300).description)")
        XCTAssertTrue(eta.contains("too large to print"), eta)
        let bytes = ModelBindingData.error(session, "StderrFetchProgress().report(FetchEvent.bytes(received: 200, total: 100))")
        XCTAssertTrue(bytes.contains("expected 0 <= received <= total"), bytes)
    }

    func testMovieLensLoadFromALocalFolderAndFetcherList() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-ml-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ml-100k"), withIntermediateDirectories: true)
        try Data("196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n".utf8)
            .write(to: root.appendingPathComponent("ml-100k/u.data"))
        try Data("abc".utf8).write(to: root.appendingPathComponent("abc"))
        let session = ModelBindingData.session()
        let out = ModelBindingData.run(session, """
            let root = URL(fileURLWithPath: "\(root.path)")
            let d = try MovieLens.load("ml-100k", dataRoot: root, offline: true)
            print(d.ratings.count)
            let entry = DatasetFetcher.list(dataRoot: root).first { $0.name == "ml-100k" }!
            print(entry.isInstalled, entry.path?.lastPathComponent ?? "none")
            print(DatasetSource.known.map { $0.name }.contains("ml-100k"))
            print(FetchEvent.step("a") == FetchEvent.step("a"), FetchEvent.bytes(received: 1, total: nil) == FetchEvent.done("x"))
            """)
        XCTAssertEqual(out, "3\ntrue ml-100k\ntrue\ntrue false\n")
        XCTAssertEqual(ModelBindingData.run(session, """
            print(DatasetFetcher.md5Hex(try Data(contentsOf: URL(fileURLWithPath: "\(root.path)/abc"))))
            """), "900150983cd24fb0d6963f7d28e17f72\n")
        let offline = ModelBindingData.error(session, "let e = try MovieLens.load(\"ml-1m\", dataRoot: URL(fileURLWithPath: \"\(root.path)\"), offline: true)")
        XCTAssertTrue(offline.contains("offline"), offline)
    }
}
