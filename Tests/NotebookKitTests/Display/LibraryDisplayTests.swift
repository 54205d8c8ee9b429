import PlotKit
@testable import RecommenderKit
import ScriptKit
import TensorKit
import XCTest
@testable import NotebookKit

/// How library values show: tables for results, data and histories, Keras-like summaries
/// for models, a figure for `history.plot()`.
final class LibraryDisplayTests: XCTestCase {
    /// 4 users x 3 items with timestamps.
    func interactions() throws -> Interactions {
        try Interactions(rawUsers: ["u1", "u1", "u2", "u3", "u4", "u4"], rawItems: ["a", "b", "a", "c", "b", "c"],
                         ratings: [5, 3, 4, 5, 1, 4], timestamps: [100, 200, 300, 0, 500, 600])
    }

    func tables(_ items: [DisplayItem]) -> [DisplayTable] {
        items.compactMap { if case let .table(t) = $0 { return t } else { return nil } }
    }

    func testEvaluationResultIsATableWithInterval() throws {
        let result = try RankingEvaluator.evaluate(scores: [0.9, 0.1, 0.5, 0.2, 0.8, 0.4], userCount: 2, itemCount: 3,
                                                   relevant: ItemLists([[0], [1]]), metrics: [.ndcg(2), .recall(1)])
        let table = try XCTUnwrap(tables(try result.displayItems(figuresDirectory: "", name: "x")).first)
        XCTAssertEqual(table.columns, ["metric", "mean", "std", "95% CI", "users"])
        XCTAssertEqual(table.rows.map(\.first), ["NDCG@2", "Recall@1"])
        let s = result.summaries[0]
        XCTAssertEqual(table.rows[0][1], String(format: "%.4f", s.mean))
        XCTAssertEqual(table.rows[0][3], String(format: "[%.4f, %.4f]", s.confidenceInterval95.lower, s.confidenceInterval95.upper))
        XCTAssertEqual(table.rows[0][4], "2")
    }

    func testSmallResultsAreOneRowTables() throws {
        let course = CourseEvaluation(rmse: 0.9, mae: 0.7, precision: 0.1, recall: 0.2, f1: 0.15, k: 10, rankedUsers: 42)
        XCTAssertEqual(try course.displayItems(figuresDirectory: "", name: "x"), [.table(DisplayTable(
            columns: ["RMSE", "MAE", "P@10", "R@10", "F1@10", "users"],
            rows: [["0.9000", "0.7000", "0.1000", "0.2000", "0.1500", "42"]]))])
        let recommendations = [ScoredItem(item: 3, score: 0.5), ScoredItem(item: 1, score: 0.25)]
        XCTAssertEqual(DisplayTable.rows(of: recommendations.map(\.scriptValue)),
                       DisplayTable(columns: ["item", "score"], rows: [["3", "0.5"], ["1", "0.25"]]))
    }

    func testHeadIsATableOfInteractionsInAllSessions() throws {
        let data = try interactions()
        let session = Session()
        let table = try XCTUnwrap(DisplayTable.rows(of: data.head(3).map(\.scriptValue)))
        XCTAssertEqual(table.columns, ["user", "item", "rating", "timestamp"])
        XCTAssertEqual(table.rows, [["u1", "a", "5", "100"], ["u1", "b", "3", "200"], ["u2", "a", "4", "300"]])
        XCTAssertEqual(try session.displayItems(for: .array(data.head(3).map(\.scriptValue))), [.table(table)])
        XCTAssertEqual(data.head(5)[3].tableCells, ["u3", "c", "5", ""], "an unknown timestamp is an empty cell")
        XCTAssertEqual(try session.displayItems(for: .array([.int(1), .int(2)])), [.text("[1, 2]\n")],
                       "other arrays are text")
    }

    func testCellValuesOfBoundDataShowAsTables() throws {
        let session = Session()
        let setup = session.execute("""
        let data = try Interactions(rawUsers: ["u1", "u2", "u2"], rawItems: ["a", "a", "b"], ratings: [5, 4, 3], timestamps: [10, 20, 30])
        """, origin: "cell 1")
        XCTAssertNil(setup.error, "\(String(describing: setup.error))")
        let head = session.execute("data.head(2)", origin: "cell 2")
        XCTAssertNil(head.error, "\(String(describing: head.error))")
        XCTAssertEqual(head.resultIndex, 0)
        XCTAssertEqual(head.outputs, [.table(DisplayTable(columns: ["user", "item", "rating", "timestamp"],
                                                          rows: [["u1", "a", "5", "10"], ["u2", "a", "4", "20"]]))])
        let summary = session.execute("show(data)", origin: "cell 3")
        XCTAssertEqual(tables(summary.outputs).count, 2, "counts and rating histogram: \(summary.outputs)")
    }

    func testInteractionsAndDatasetSummaries() throws {
        let data = try interactions()
        let counts = data.countsTable
        XCTAssertEqual(counts.rows[0], ["interactions", "6"])
        XCTAssertEqual(counts.rows[1], ["users", "4"])
        XCTAssertEqual(counts.rows[2], ["items", "3"])
        XCTAssertEqual(counts.rows[5], ["density", "0.500000"])
        let histogram = data.ratingHistogramTable()
        XCTAssertEqual(histogram.rows, [["1", "1", "16.7%"], ["3", "1", "16.7%"], ["4", "2", "33.3%"], ["5", "2", "33.3%"]])
        XCTAssertEqual(data.ratingHistogramTable(maxRows: 2).rows.last, ["(2 more values)", "4", "66.7%"])
        let dataset = Dataset(name: "tiny", ratings: data, tables: ["links": TextTable(columns: ["a"], rows: [["1"]])])
        let items = try dataset.displayItems(figuresDirectory: "", name: "x")
        let summary = try XCTUnwrap(tables(items).first)
        XCTAssertEqual(summary.caption, "tiny")
        XCTAssertEqual(summary.rows.last, ["table links rows", "1"])
        XCTAssertEqual(tables(items).count, 2, "counts and the rating histogram")
    }

    func testTrainingHistoryTableAndPlot() throws {
        var history = TrainingHistory()
        history.epochs = [
            EpochRecord(epoch: 1, losses: ["loss": 10, "kl": 1], validation: ["NDCG@100": 0.2], seconds: 0.5),
            EpochRecord(epoch: 2, losses: ["loss": 8, "kl": 1.5], validation: ["NDCG@100": 0.3], seconds: 0.25),
        ]
        history.bestEpoch = 2
        history.bestValue = 0.3
        history.selectionMetric = "NDCG@100"
        history.stopReason = .cancelled(epoch: 3, batch: 1)
        let items = try history.displayItems(figuresDirectory: "", name: "x")
        let table = try XCTUnwrap(tables(items).first)
        XCTAssertEqual(table.columns, ["epoch", "kl", "loss", "validation NDCG@100", "seconds"])
        XCTAssertEqual(table.rows, [["1", "1", "10", "0.2000", "0.50"], ["2*", "1.5", "8", "0.3000", "0.25"]])
        XCTAssertEqual(items.last, .text("best epoch 2 (NDCG@100 0.3000); cancelled in epoch 3 before batch 1\n"))
        let figure = try history.plot(title: "curves")
        XCTAssertEqual(figure.columns, 2, "loss and validation panels")
        XCTAssertEqual(figure.title, "curves")
        XCTAssertFalse(try figure.pngData().isEmpty)
        XCTAssertEqual(try TrainingHistory().displayItems(figuresDirectory: "", name: "x"),
                       [.text("TrainingHistory (no epoch finished)\n")])
    }

    func testHistoryPlotIsBoundAndShowsAsAFigure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("display-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let session = Session(figuresDirectory: folder, figureStem: "t")
        var history = TrainingHistory()
        history.epochs = [EpochRecord(epoch: 1, losses: ["loss": 3], validation: [:], seconds: 1)]
        session.interpreter.define("history", value: history.scriptValue, constant: true)
        let check = session.execute("let f = try history.plot(width: 400, height: 300)\nlet g: Figure = f", origin: "cell 1")
        XCTAssertNil(check.error, "the result is a Figure: \(String(describing: check.error))")
        let figure = try XCTUnwrap(session.interpreter.global("f")?.host(Figure.self))
        XCTAssertEqual(figure.width, 400)
        XCTAssertNil(session.execute("let d = try history.plot()", origin: "cell 2").error, "defaults as in Swift")
        // Figures show as images through PlotKit's bindings (`Figure: DisplayProvider`).
        guard (figure as Any) is DisplayProvider else { return }
        let result = session.execute("try history.plot()", origin: "cell 3")
        XCTAssertNil(result.error, "\(result.error.map { "\($0)" } ?? "")")
        guard case let .image(image)? = result.outputs.first else { return XCTFail("\(result.outputs)") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: image.path))
    }

    func testFittedNeuralModelSummaryLikeKeras() throws {
        let data = try SyntheticData.generate(SyntheticConfiguration(users: 30, items: 12, ratings: 150, minPerUser: 3,
                                                                      factors: 2, seed: 3))
        let vae = try MultVAE(MultVAE.Configuration(hidden: [8], latent: 4, batchSize: 16, epochs: 1))
        let unfitted = try vae.displayItems(figuresDirectory: "", name: "x")
        XCTAssertEqual(unfitted.first, .text("Mult-VAE (not fitted: its layers are made by fit or load)\n"))
        XCTAssertTrue(tables(unfitted).first?.rows.contains(["hidden", "[8]"]) ?? false, "\(unfitted)")
        _ = try vae.fit(data.ratings.binarized(atLeast: 1))
        let table = try XCTUnwrap(tables(try vae.displayItems(figuresDirectory: "", name: "x")).first)
        let items = vae.itemCount
        XCTAssertEqual(table.caption, "Mult-VAE")
        XCTAssertEqual(table.columns, ["layer", "type", "output shape", "parameters"])
        XCTAssertEqual(table.rows.map(\.first), ["encoder.0", "encoder.1", "decoder.0", "decoder.1", "total"])
        XCTAssertEqual(table.rows[0], ["encoder.0", "Linear", "(batch, 8)", "\(items * 8 + 8)"])
        XCTAssertEqual(table.rows[1], ["encoder.1", "Linear", "(batch, 8)", "\(8 * 8 + 8)"], "mean and log-variance")
        XCTAssertEqual(table.rows[3][2], "(batch, \(items))")
        let total = try vae.state().values.reduce(0) { $0 + $1.count }
        XCTAssertEqual(table.rows.last, ["total", "", "", "\(total)"])
    }

    func testLayersAreOrderedEncoderFirstWithNumbersAsNumbers() {
        let groups = ["autoencoder.decoder.0", "reduce", "autoencoder.encoder.10", "embedding", "autoencoder.encoder.2"]
        XCTAssertEqual(groups.sorted { ModelSummary.ordered($0, $1, ModelSummary.defaultRank) },
                       ["embedding", "reduce", "autoencoder.encoder.2", "autoencoder.encoder.10", "autoencoder.decoder.0"])
        let net = ["out", "bn2", "fc2", "zip_code", "bn1", "fc1", "age"]
        XCTAssertEqual(net.sorted { ModelSummary.ordered($0, $1, RecommenderNet.layerRank) },
                       ["zip_code", "age", "fc1", "bn1", "fc2", "bn2", "out"])
    }

    func testClosedFormModelSummaryListsItsTables() throws {
        let data = try interactions()
        let pop = Popularity()
        _ = try pop.fit(data)
        let items = try pop.displayItems(figuresDirectory: "", name: "x")
        let table = try XCTUnwrap(tables(items).first)
        XCTAssertEqual(table.caption, "Pop")
        XCTAssertTrue(table.rows.dropLast().allSatisfy { $0[1] == "tensor" }, "\(table.rows)")
        XCTAssertEqual(table.rows.last?.first, "total")
    }

    func testTensorKitSequentialSummary() throws {
        var rng = SeededGenerator(seed: 1)
        let model = Sequential(try Linear(4, 3, generator: &rng), Activation.relu, try Dropout(rate: 0.5),
                               try Linear(3, 2, generator: &rng))
        let table = try XCTUnwrap(tables(try model.displayItems(figuresDirectory: "", name: "x")).first)
        XCTAssertEqual(table.rows, [
            ["0", "Linear", "(batch, 3)", "15"], ["1", "Activation(relu)", "(batch, 3)", "0"],
            ["2", "Dropout(0.5)", "(batch, 3)", "0"], ["3", "Linear", "(batch, 2)", "8"], ["total", "", "", "23"],
        ])
    }
}
