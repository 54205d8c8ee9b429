import XCTest
@testable import RecommenderKit
import TensorKit

/// The shared training loop: validation-based selection, early stopping, the NaN guard,
/// cancellation and progress reports.
final class TrainingLoopTests: XCTestCase {
    func testBestEpochIsRestored() throws {
        let vae = try MultVAE(ModelTestData.vae(epochs: 12))
        let history = try vae.fit(ModelTestData.split.train, validation: ModelTestData.validation)
        let series = history["validation NDCG@100"]
        XCTAssertEqual(series.count, 12)
        let best = series.indices.max { series[$0] < series[$1] }! + 1
        XCTAssertEqual(history.bestEpoch, best)
        let now = try vae.evaluate(ModelTestData.validation, metrics: [.ndcg(100)]).summaries[0].mean
        XCTAssertEqual(now, series[best - 1], accuracy: 1e-9, "the model holds the best epoch's weights")
        XCTAssertEqual(history["nll"].count, 12)
        XCTAssertTrue(history.seriesNames.contains("kl"))
        XCTAssertEqual(history["beta"].first ?? -1, 0.01, accuracy: 0.02, "β starts near 0 and rises")
    }

    func testEarlyStoppingWithPatience() throws {
        let dae = try MultDAE(ModelTestData.dae(epochs: 200))
        let history = try dae.fit(ModelTestData.split.train, validation: ModelTestData.validation,
                                  options: FitOptions(patience: 3))
        guard case .earlyStopped(let epoch) = history.stopReason else { return XCTFail("ran \(history.epochs.count) epochs") }
        XCTAssertEqual(epoch, history.epochs.count)
        XCTAssertEqual(epoch - (history.bestEpoch ?? 0), 3)
    }

    func testNaNLossStopsWithLocatedErrorAndUsableModel() throws {
        let vae = try MultVAE(ModelTestData.vae(epochs: 5, learningRate: 1e30))
        XCTAssertThrowsError(try vae.fit(ModelTestData.split.train)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("epoch") && text.contains("batch") && (text.contains("nan") || text.contains("inf")), text)
        }
        let scores = try vae.scores(forUsers: [0, 1])
        XCTAssertTrue(scores.scalars.allSatisfy(\.isFinite), "the last good weights are kept")
    }

    func testCancellationStopsAtNextBatchAndKeepsModel() throws {
        let token = CancellationToken()
        var reports = 0
        let vae = try MultVAE(ModelTestData.vae(epochs: 50))
        let options = FitOptions(progress: { p in reports += 1; if p.epoch == 2 && p.batch == 2 { token.cancel() } },
                                 cancellation: token)
        let history = try vae.fit(ModelTestData.split.train, options: options)
        XCTAssertEqual(history.stopReason, .cancelled(epoch: 2, batch: 3))
        XCTAssertEqual(reports, 5 + 2, "5 batches in epoch 1, 2 in epoch 2")
        XCTAssertEqual(history.epochs.count, 1)
        XCTAssertEqual(try vae.recommend(user: 0, count: 5).count, 5)
    }

    func testProgressReportsRateAndETA() throws {
        var last: TrainingProgress?
        let dae = try MultDAE(ModelTestData.dae(epochs: 3))
        try dae.fit(ModelTestData.split.train, options: FitOptions(progress: { last = $0 }))
        let p = try XCTUnwrap(last)
        XCTAssertEqual(p.epoch, 3)
        XCTAssertEqual(p.batch, p.batches)
        XCTAssertEqual(p.fraction, 1)
        XCTAssertTrue(p.description.contains("epoch 3/3"), p.description)
    }

    func testBadHyperparametersAreErrors() {
        XCTAssertThrowsError(try MultVAE(MultVAE.Configuration(dropout: 1)))
        XCTAssertThrowsError(try MultDAE(MultDAE.Configuration(batchSize: 0)))
        XCTAssertThrowsError(try EASE(EASE.Configuration(l2: -1)))
        XCTAssertThrowsError(try ItemKNN(ItemKNN.Configuration(neighbours: 0)))
    }
}
