import Foundation
import XCTest
@testable import NotebookKit

/// A notebook that uses every area of the TensorKit and PlotKit bindings runs in the
/// interpreter, and its export type-checks with swiftc against the real libraries: the rows
/// mirror the Swift API (labels, `Float` types, `throws`, `inout` generators, `layer(x)`).
final class TensorKitPlotKitSwiftcTests: XCTestCase {
    static let notebookText = """
        // %% Tensors
        var rng = SeededGenerator(seed: 3)
        let x = try Tensor.normal([4, 3], generator: &rng)
        let w = try Tensor.uniform([3, 2], low: -1, high: 1, generator: &rng).requiringGrad()
        let y = try x.matmul(w).relu() * 2 + 1
        let centred = try y - y.mean(axis: 0, keepDims: true)
        try centred.pow(2).sum().backward()
        let z = withNoGrad { w * 3 }
        print(w.grad!.shape, z.requiresGrad, try y.argmax(axis: 1), try x.topKIndices(k: 1))

        // %% Layers, losses and optimizers
        let model = Sequential(try Linear(3, 4, generator: &rng), Activation.tanh, try Dropout(rate: 0.1), try Linear(4, 1, generator: &rng))
        let optimizer = try Adam(model.parameters, learningRate: 0.01)
        optimizer.zeroGrad()
        let loss = try Loss.mse(try model(x), Tensor.zeros([4, 1]))
        try loss.backward()
        try clipGradientNorm(model.parameters, maxNorm: 1)
        optimizer.step()
        let sgd: Optimizer = try SGD(model.parameters, learningRate: 0.1)
        sgd.learningRate = 0.05
        func count(_ m: Module) -> Int { m.parameterCount }
        let table = try Embedding(10, 2, generator: &rng)
        print(count(model), try table([1, 2]).shape, try BatchNorm1d(3).callAsFunction(x).shape)

        // %% Sparse and safetensors
        let s = try SparseMatrix(rows: 2, columns: 3, entries: [(row: 0, column: 1, value: 2), (row: 1, column: 2, value: 1)])
        let dense = try s.matmul(try Tensor.ones([3, 2]))
        let nll = try Loss.multinomialNLL(logits: try Tensor.zeros([2, 3]), targets: s)
        let file = URL(fileURLWithPath: "/tmp").appendingPathComponent("swiftnb-swiftc-check.safetensors")
        try Safetensors.save(["dense": dense], to: file)
        print(try Safetensors.load(from: file)["dense"]!.shape, try nll.item())

        // %% Figures
        let fig = Figure(width: 640, height: 360, title: "Check", rows: 1, columns: 2, theme: .white, sharesY: true)
        let left = try fig.axes(row: 0, column: 0)
        try left.line([1, 10, 100], label: "loss", std: [0.5, 1, 5], marker: true)
        left.yScale(.log)
        left.legend(position: .upperLeft)
        left.grid(true, minor: true)
        let right = try fig.axes(row: 0, column: 1)
        try right.histogram([1, 2, 2, 3, 5], range: 0...6, density: true, color: Color(hex: 0x336699))
        try right.errorBars([1, 2], errors: [0.1, 0.2], connect: false)
        right.setTitle("Histogram")
        let heat = Figure(inches: 3, 2)
        try heat.heatmap([[1, 2], [3, 4]], rowLabels: ["a", "b"], colormap: Colormap.rdBu.reversed(), annotate: true, format: "%.1f")
        try heat.scatter(x: [1, 2], y: [2, 1], categories: ["u", "v"])
        fig.title = "Checked"
        print(fig.sizeInInches.width, OutputFormat(path: "x.pdf") == .pdf, Theme.seaborn.color(1) == Theme.seaborn.palette[1])
        """

    func testTheNotebookRunsAndItsExportTypeChecksWithSwiftc() throws {
        let nb = Notebook(text: Self.notebookText)
        let session = Session(figuresDirectory: NSTemporaryDirectory() + "swiftnb-swiftc-\(UUID().uuidString)")
        for cell in nb.cells where cell.kind == .code {
            let r = session.execute(cell.source, origin: cell.title ?? "cell")
            XCTAssertNil(r.error, "\(cell.title ?? ""): \(r.error.map { "\($0)" } ?? "")")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = SwiftPackageExport(notebook: nb, name: "bindings.swiftnb", swiftnbPackagePath: PublicSymbols.packageRoot)
        try export.write(to: dir)
        XCTAssertEqual(try SwiftcOracle.typeCheck(package: dir, product: export.productName), "", "swiftc rejects the exported notebook")
        // The oracle is not blind: a seed where Swift wants `generator: &rng` is an error.
        try "let t = try Tensor.normal([1], seed: 1)\n".write(toFile: dir + "/Sources/\(export.productName)/Wrong.swift", atomically: true, encoding: .utf8)
        XCTAssertTrue(try SwiftcOracle.typeCheck(package: dir, product: export.productName).contains("error"))
    }
}
