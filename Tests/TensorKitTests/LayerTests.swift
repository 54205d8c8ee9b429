import XCTest
import TensorKit
import TestSupport

final class LayerTests: XCTestCase {
    func testLinearGlorotInitAndNamedParameters() throws {
        var rng = SeededGenerator(seed: 1)
        let layer = try Linear(30, 20, generator: &rng)
        let limit = (6 / Float(50)).squareRoot()
        XCTAssertTrue(layer.weight.value.scalars.allSatisfy { Swift.abs($0) <= limit })
        XCTAssertGreaterThan(try layer.weight.value.max().item(), limit * 0.9)
        XCTAssertEqual(layer.bias?.value.scalars, [Float](repeating: 0, count: 20))
        let model = Sequential(layer, Activation.relu, try Linear(20, 1, bias: false, generator: &rng))
        XCTAssertEqual(model.namedParameters.map(\.name), ["0.weight", "0.bias", "2.weight"])
        XCTAssertEqual(model.parameterCount, 30 * 20 + 20 + 20)
        assertThrowsTensorError("linear: shapes [4, 3] and [30, 20] are incompatible (3 != 30)") {
            try layer(try Tensor.zeros([4, 3]))
        }
    }

    func testLinearAcceptsSparseInput() throws {
        var rng = SeededGenerator(seed: 2)
        let layer = try Linear(5, 3, generator: &rng)
        let x = try SparseMatrix(rows: 2, columns: 5, entries: [(0, 1, 1), (1, 4, 2)])
        assertClose(try layer(x), try layer(x.toDense()))
    }

    func testEmbeddingLooksUpRowsAndScattersGradients() throws {
        var rng = SeededGenerator(seed: 3)
        let table = try Embedding(4, 2, generator: &rng)
        let v = try table([3, 1, 3])
        XCTAssertEqual(v.shape, [3, 2])
        try v.sum().backward()
        XCTAssertEqual(table.weight.grad?.scalars, [0, 0, 1, 1, 0, 0, 2, 2])
        assertThrowsTensorError("Embedding: row 4 is out of range") { try table([4]) }
    }

    func testBatchNormTrainAndEval() throws {
        let bn = try BatchNorm1d(2, momentum: 0.5)
        let x = try Tensor([[1, 10], [3, 30]])
        let y = try bn(x)
        assertClose(y, try Tensor([[-1, -1], [1, 1]]), rtol: 1e-3, atol: 1e-3)
        // Running stats moved halfway to the batch mean [2, 20] and unbiased variance [2, 200].
        assertClose(bn.runningMean.value, Tensor([1, 10]))
        assertClose(bn.runningVariance.value, Tensor([1.5, 100.5]))
        bn.eval()
        assertClose(try bn(x), try (x - Tensor([1, 10])) / (Tensor([1.5, 100.5]) + 1e-5).sqrt())
        XCTAssertEqual(bn.namedState.map(\.name), ["weight", "bias", "running_mean", "running_var"])
        bn.train()
        assertThrowsTensorError("more than one row") { try bn(try Tensor([[1, 2]])) }
    }

    func testDropoutIsSeededScaledAndOffInEval() throws {
        let a = try Dropout(rate: 0.5, seed: 9), b = try Dropout(rate: 0.5, seed: 9)
        let x = try Tensor.ones([1000])
        let ya = try a(x), yb = try b(x)
        XCTAssertEqual(ya, yb)
        XCTAssertTrue(ya.scalars.allSatisfy { $0 == 0 || $0 == 2 })
        XCTAssertEqual(try ya.mean().item(), 1, accuracy: 0.1)
        a.eval()
        XCTAssertEqual(try a(x), x)
        assertThrowsTensorError("rate must be in [0, 1)") { try Dropout(rate: 1) }
        let s = try SparseMatrix(rows: 1, columns: 3, entries: [(0, 0, 1), (0, 2, 1)])
        XCTAssertEqual(b(s).nnz, 2)
    }
}
