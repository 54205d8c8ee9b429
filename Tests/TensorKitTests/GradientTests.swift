import XCTest
import TensorKit
import TestSupport

/// Every differentiable op against central finite differences, one line each.
final class GradientTests: XCTestCase {
    func testArithmeticWithBroadcasting() {
        checkGradient([[2, 3], [2, 3]]) { try $0[0] + $0[1] }
        checkGradient([[2, 3], [3]]) { try $0[0] + $0[1] }
        checkGradient([[2, 1], [1, 3]]) { try $0[0] - $0[1] }
        checkGradient([[2, 3], [2, 1]]) { try $0[0] * $0[1] }
        checkGradient([[3], [2, 3]], range: 0.5...2) { try $0[0] / $0[1] }
        checkGradient([[2, 3]]) { $0[0] * 3 - 1 }
        checkGradient([[2, 3]], range: 0.5...2) { 2 / $0[0] }
    }

    func testUnaryMath() {
        checkGradient([[2, 3]]) { $0[0].exp() }
        checkGradient([[2, 3]], range: 0.5...2) { $0[0].log() }
        checkGradient([[2, 3]]) { $0[0].tanh() }
        checkGradient([[2, 3]]) { $0[0].sigmoid() }
        checkGradient(values: [Tensor([-1, -0.5, 0.3, 2])]) { $0[0].relu() }
        checkGradient([[2, 3]], range: 0.5...2) { $0[0].sqrt() }
        checkGradient(values: [Tensor([-1, -0.5, 0.3, 2])]) { $0[0].abs() }
        checkGradient([[2, 3]], range: 0.5...2) { $0[0].pow(2.5) }
        checkGradient(values: [Tensor([-1, -0.2, 0.3, 2])]) { try $0[0].clamped(-0.5, 1) }
    }

    func testReductions() {
        checkGradient([[2, 3]]) { $0[0].sum() }
        checkGradient([[2, 3]]) { $0[0].mean() }
        checkGradient([[2, 3, 2]]) { try $0[0].sum(axis: 1) }
        checkGradient([[2, 3]]) { try $0[0].mean(axis: 0, keepDims: true) }
        checkGradient([[3, 4]]) { try $0[0].max(axis: 1) }
        checkGradient([[3, 4]]) { try $0[0].min(axis: 0) }
        checkGradient([[3, 4]]) { try $0[0].max() }
    }

    func testMatrixProducts() {
        checkGradient([[2, 3], [3, 4]]) { try $0[0].matmul($0[1]) }
        checkGradient([[3, 2], [3, 4]]) { try $0[0].matmul($0[1], transposeSelf: true) }
        checkGradient([[2, 3], [4, 3]]) { try $0[0].matmul($0[1], transposeOther: true) }
        checkGradient([[3, 2], [4, 3]]) { try $0[0].matmul($0[1], transposeSelf: true, transposeOther: true) }
        checkGradient([[2, 3], [3, 4], [4]]) { try Tensor.linear($0[0], weight: $0[1], bias: $0[2]) }
    }

    func testSparseInputs() throws {
        let x = try SparseMatrix(rows: 3, columns: 5, entries: [(0, 1, 1), (0, 4, 2), (2, 0, -1), (2, 1, 0.5)])
        checkGradient([[5, 2]]) { try x.matmul($0[0]) }
        checkGradient([[5, 2], [2]]) { try SparseMatrix.linear(x, weight: $0[0], bias: $0[1]) }
        checkGradient([[3, 5]]) { try Loss.multinomialNLL(logits: $0[0], targets: x.mapValues(Swift.abs)) }
    }

    func testMovementAndSelection() {
        checkGradient([[2, 3]]) { $0[0].transposed() }
        checkGradient([[2, 3]]) { try $0[0].reshaped([3, 2]) }
        checkGradient([[3, 2]]) { try $0[0].rows([2, 0, 2]) }
        checkGradient([[2, 3], [2, 1]]) { try Tensor.concatenate([$0[0], $0[1]], axis: 1) }
        checkGradient([[2, 3], [3]]) { try Tensor.where(Tensor([1, 0, 1]), $0[0], $0[1]) }
        checkGradient([[2, 4]]) { try $0[0].logSoftmax() }
        checkGradient([[2, 4]]) { try $0[0].softmax() }
    }

    func testLosses() throws {
        let t = try Tensor([[0, 1, 1], [1, 0, 0]])
        checkGradient([[2, 3]]) { try Loss.mse($0[0], t) }
        checkGradient([[2, 3]], range: 0.1...0.9) { try Loss.bce(probabilities: $0[0], targets: t) }
        checkGradient([[2, 3]]) { try Loss.bceWithLogits($0[0], targets: t) }
        checkGradient([[2, 3]]) { try Loss.multinomialNLL(logits: $0[0], targets: t) }
        checkGradient([[2, 3], [2, 3]]) { try Loss.gaussianKL(mean: $0[0], logVariance: $0[1]) }
        checkGradient([[2, 3], [3]]) { try Loss.l2([$0[0], $0[1]]) }
    }

    func testGradientsAccumulateAndZero() throws {
        let w = try Tensor([1, 2]).requiringGrad()
        try (w * w).sum().backward()
        try (w * 3).sum().backward()
        XCTAssertEqual(w.grad?.scalars, [5, 7])
        w.zeroGrad()
        XCTAssertNil(w.grad)
        let y = try withNoGrad { try (w * w).sum() }
        XCTAssertFalse(y.requiresGrad)
        assertThrowsTensorError("does not require a gradient") { try y.backward() }
    }

    func testSharedSubexpressionGetsBothContributions() throws {
        let x = try Tensor([3]).requiringGrad()
        let y = x * 2
        try (y * y + y).sum().backward()     // d/dx (4x² + 2x) = 8x + 2
        XCTAssertEqual(x.grad?.scalars, [26])
    }

    func testBackwardTwiceOnReleasedGraphThrows() throws {
        let x = try Tensor([3]).requiringGrad()
        let y = (x * 2).sum()
        try y.backward()
        assertThrowsTensorError("already released") { try y.backward() }
    }
}

final class SliceGradientTests: XCTestCase {
    func testSlice() {
        checkGradient([[2, 5]]) { try $0[0].slice(axis: 1, 1..<3) }
        checkGradient([[4, 2]]) { try $0[0].slice(axis: 0, 0..<4) }
    }
}
