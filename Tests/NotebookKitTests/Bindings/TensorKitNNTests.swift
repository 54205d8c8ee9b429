import Foundation
import TensorKit
import XCTest
@testable import NotebookKit

/// Autodiff, layers, losses, optimizers, sparse matrices, safetensors and the seeded
/// generator through the interpreter, checked against the same calls in Swift.
final class TensorKitNNTests: XCTestCase {
    func testLinearForwardAndBackwardWithASeed() throws {
        let r = ScriptRunner()
        let out = r.run("""
            var rng = SeededGenerator(seed: 7)
            let layer = try Linear(3, 2, generator: &rng)
            let x = try Tensor([[1, 2, 3], [4, 5, 6]])
            let y = try layer(x)
            let loss = try Loss.mse(y, Tensor.zeros([2, 2]))
            try loss.backward()
            print(y.scalars)
            print(layer.weight.grad!.scalars, layer.bias!.grad!.scalars)
            print(layer.parameterCount, layer.namedParameters.map { $0.name }, y.requiresGrad)
            """)
        var g = SeededGenerator(seed: 7)
        let layer = try Linear(3, 2, generator: &g)
        let y = try layer(try Tensor([[1, 2, 3], [4, 5, 6]]))
        try Loss.mse(y, try Tensor.zeros([2, 2])).backward()
        XCTAssertEqual(out, """
            \(y.scalars)
            \(layer.weight.grad!.scalars) \(layer.bias!.grad!.scalars)
            8 ["weight", "bias"] true

            """)
    }

    func testAdamAndSGDStepsAndClipping() throws {
        let r = ScriptRunner()
        let out = r.run("""
            let p = Parameter(Tensor([1, -2, 3]))
            let adam = try Adam([p], learningRate: 0.1)
            try (p.value * p.value).sum().backward()
            print(try clipGradientNorm([p], maxNorm: 100))
            adam.step()
            print(p.value.scalars, adam.stepCount)
            adam.zeroGrad()
            let q = Parameter(Tensor([1, 2]))
            let sgd: Optimizer = try SGD([q], learningRate: 0.5, momentum: 0.9)
            try (q.value * 3).sum().backward()
            sgd.step()
            sgd.learningRate = 0.25
            print(q.value.scalars, sgd.learningRate, p.grad == nil)
            """)
        let p = Parameter(Tensor([1, -2, 3]))
        let adam = try Adam([p], learningRate: 0.1)
        try (p.value * p.value).sum().backward()
        let norm = try clipGradientNorm([p], maxNorm: 100)
        adam.step()
        let q = Parameter(Tensor([1, 2]))
        let sgd = try SGD([q], learningRate: 0.5, momentum: 0.9)
        try (q.value * 3).sum().backward()
        sgd.step()
        XCTAssertEqual(out, "\(norm)\n\(p.value.scalars) 1\n\(q.value.scalars) 0.25 true\n")
    }

    func testSequentialModulesAndProtocols() throws {
        let r = ScriptRunner()
        let out = r.run("""
            var rng = SeededGenerator(seed: 1)
            let model = Sequential(try Linear(2, 4, generator: &rng), Activation.relu, try Dropout(rate: 0.5, seed: 3), try Linear(4, 1, generator: &rng))
            func size(_ m: Module) -> Int { m.parameterCount }
            let first: Layer = model.layers[0]
            model.eval()
            let x = try Tensor([[0.5, -1], [2, 1]])
            print(size(model), model.namedParameters.map { $0.name }, model.children.count, first.isTraining)
            print(try model(x).scalars, try first.callAsFunction(x).shape)
            let norm = try BatchNorm1d(2)
            print(norm.namedState.map { $0.name }, try norm.callAsFunction(x).shape)
            let table = try Embedding(5, 3, generator: &rng)
            print(try table([4, 0]).shape, Activation(.tanh).function == .tanh)
            """)
        var rng = SeededGenerator(seed: 1)
        let model = Sequential(try Linear(2, 4, generator: &rng), Activation.relu, try Dropout(rate: 0.5, seed: 3),
                               try Linear(4, 1, generator: &rng))
        model.eval()
        let y = try model(try Tensor([[0.5, -1], [2, 1]]))
        XCTAssertEqual(out, """
            17 ["0.weight", "0.bias", "3.weight", "3.bias"] 4 false
            \(y.scalars) [2, 4]
            ["weight", "bias", "running_mean", "running_var"] [2, 2]
            [2, 3] true

            """)
        XCTAssertTrue(r.error("var g = SeededGenerator(seed: 1)\ntry Linear(2, 2, generator: &g).callAsFunction(Tensor([1, 2, 3]))").contains("Linear"))
    }

    func testAutodiffAndNoGrad() throws {
        let r = ScriptRunner()
        let out = r.run("""
            let w = Tensor([1, 2, 3]).requiringGrad()
            try (w * w).sum().backward()
            print(w.grad!.scalars)
            let z = withNoGrad { w * 2 }
            print(z.requiresGrad, w.requiresGrad)
            w.zeroGrad()
            print(w.grad == nil)
            """)
        XCTAssertEqual(out, "[2.0, 4.0, 6.0]\nfalse true\ntrue\n")
    }

    func testSparseMatmulAndRows() throws {
        let r = ScriptRunner()
        let out = r.run("""
            let s = try SparseMatrix(rows: 2, columns: 3, entries: [(row: 0, column: 2, value: 1.5), (row: 1, column: 0, value: 2), (row: 1, column: 0, value: 1)])
            let d = try Tensor([[1, 2], [3, 4], [5, 6]])
            print(try s.matmul(d).scalars, s.nnz, s.columnIndices, s.rowSums())
            print(s.transposed().shape, try s.rows([1]).toDense().scalars, s.mapValues { $0 * 2 }.values)
            print(try Loss.multinomialNLL(logits: Tensor.zeros([2, 3]), targets: s).item())
            """)
        let s = try SparseMatrix(rows: 2, columns: 3, entries: [(0, 2, 1.5), (1, 0, 2), (1, 0, 1)])
        let d = try Tensor([[1, 2], [3, 4], [5, 6]])
        let nll = try Loss.multinomialNLL(logits: try Tensor.zeros([2, 3]), targets: s).item()
        XCTAssertEqual(out, "\(try s.matmul(d).scalars) 2 [2, 0] \(s.rowSums())\n[3, 2] [3.0, 0.0, 0.0] [3.0, 6.0]\n\(nll)\n")
        XCTAssertTrue(r.error("try SparseMatrix(rows: 1, columns: 1, entries: [(row: 0, column: 0, value: 1), (row: 0, column: 0, value: 1)], duplicates: .reject)")
            .contains("SparseMatrix"))
    }

    func testSafetensorsRoundTripAndModuleCheckpoints() throws {
        let dir = NSTemporaryDirectory() + "swiftnb-safetensors-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = ScriptRunner()
        let out = r.run("""
            let url = URL(fileURLWithPath: "\(dir)/t.safetensors")
            try Safetensors.save(["w": Tensor([1, 2, 3]), "b": try Tensor([[4], [5]])], to: url, metadata: ["by": "test"])
            let back = try Safetensors.load(from: url)
            print(back["w"]!.scalars, back["b"]!.shape, try Safetensors.metadata(from: url))
            let contents = try Safetensors.read(from: url)
            print(contents.tensors.count, contents.integers.count, Safetensors.encode(["w": Tensor([1])]).count > 8)
            var rng = SeededGenerator(seed: 1)
            let a = try Linear(2, 2, generator: &rng)
            let b = try Linear(2, 2, generator: &rng)
            let file = URL(fileURLWithPath: "\(dir)/linear.safetensors")
            try a.save(to: file)
            try b.load(from: file)
            print(a.weight.value == b.weight.value)
            """)
        let loaded = try Safetensors.load(from: URL(fileURLWithPath: dir + "/t.safetensors"))
        XCTAssertEqual(loaded["w"]?.scalars, [1, 2, 3])
        XCTAssertEqual(out, "[1.0, 2.0, 3.0] [2, 1] [\"by\": \"test\"]\n2 0 true\ntrue\n")
    }

    func testSeededGeneratorIsMutatedInPlace() throws {
        let r = ScriptRunner()
        let out = r.run("""
            var rng = SeededGenerator(seed: 5)
            let a = rng.nextUniform()
            let b = rng.nextNormal()
            let c = rng.nextDouble()
            print(a, b, c)
            """)
        var g = SeededGenerator(seed: 5)
        let a = g.nextUniform(), b = g.nextNormal(), c = g.nextDouble()
        XCTAssertEqual(out, "\(a) \(b) \(c)\n")
    }
}
