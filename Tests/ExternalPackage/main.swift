// A program of another package that depends on SwiftNB by version and calls each of its
// libraries once. Built and run by check.sh (not part of `swift test`).
import Foundation
import NotebookKit
import PlotKit
import RecommenderKit
import ScriptKit
import TensorKit

// TensorKit: a product and its gradient.
let w = try Tensor([[1, 2], [3, 4]]).requiringGrad()
try (w.matmul(w) * 0.5).sum().backward()
print("TensorKit: grad", w.grad?.scalars ?? [])

// RecommenderKit: synthetic ratings, a split and a metric.
let data = try SyntheticData.generate(SyntheticConfiguration(users: 50, items: 40, ratings: 1_000, seed: 7))
let split = try data.ratings.randomSplit(testRatio: 0.2, seed: 7)
print("RecommenderKit: \(data.ratings.count) ratings, \(split.test.count) in the test split")

// PlotKit: a chart saved as PNG.
let figure = Figure(width: 300, height: 200, title: "consumer")
try figure.line([1, 3, 2], label: "y")
let png = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-consumer-\(getpid()).png")
try figure.save(png.path)
print("PlotKit: wrote \((try? FileManager.default.attributesOfItem(atPath: png.path)[.size]) ?? 0) bytes")
try? FileManager.default.removeItem(at: png)

// ScriptKit: the interpreter alone.
let interpreter = Interpreter()
print("ScriptKit:", try interpreter.run("let a = 20\na * 2 + 2", origin: "consumer")?.description ?? "nil")

// NotebookKit: a notebook parsed and a cell run in a session.
let notebook = Notebook(text: "// %% [markdown]\n// # Hello\n\n// %%\nlet x = try Tensor.ones([2, 2]).sum()\n")
let session = Session(figuresDirectory: NSTemporaryDirectory(), figureStem: "consumer")
let run = session.execute(notebook.cells[1].source, origin: "consumer")
print("NotebookKit: \(notebook.cells.count) cells, error: \(run.error.map { "\($0)" } ?? "none")")
