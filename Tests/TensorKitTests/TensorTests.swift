import XCTest
import TensorKit
import TestSupport

final class TensorTests: XCTestCase {
    func testCreationAndShape() throws {
        let t = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        XCTAssertEqual(t.shape, [2, 3])
        XCTAssertEqual(t.rank, 2)
        XCTAssertEqual(t.count, 6)
        XCTAssertEqual(try Tensor.eye(2).scalars, [1, 0, 0, 1])
        XCTAssertEqual(try Tensor.arange(4).scalars, [0, 1, 2, 3])
        XCTAssertEqual(try Tensor.arange(from: 1, to: 2, step: 0.25).scalars, [1, 1.25, 1.5, 1.75])
        XCTAssertEqual(try Tensor.full([2], value: 7).scalars, [7, 7])
        XCTAssertEqual(try Tensor([[1, 2], [3, 4]]).scalars, [1, 2, 3, 4])
        XCTAssertEqual(try t.scalar(at: [1, 2]), 6)
    }

    func testBadInputThrowsInsteadOfTrapping() {
        assertThrowsTensorError("needs 6 scalars, got 5") { try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5]) }
        assertThrowsTensorError("negative dimension") { try Tensor.zeros([2, -1]) }
        assertThrowsTensorError("row 1 has 1 values") { try Tensor([[1, 2], [3]]) }
        assertThrowsTensorError("matmul: shapes [2, 3] and [4, 5] are incompatible (3 != 4)") {
            try Tensor.zeros([2, 3]).matmul(try Tensor.zeros([4, 5]))
        }
        assertThrowsTensorError("add: shapes [2, 3] and [2] are incompatible") {
            try Tensor.zeros([2, 3]) + Tensor.zeros([2])
        }
        assertThrowsTensorError("out of range") { try Tensor.zeros([2, 3]).rows([2]) }
        assertThrowsTensorError("out of range") { try Tensor.zeros([2, 3]).scalar(at: [0, 3]) }
        assertThrowsTensorError("axis 2 is out of range") { try Tensor.zeros([2, 3]).sum(axis: 2) }
        assertThrowsTensorError("12 != 10 elements") { try Tensor.zeros([3, 4]).reshaped([5, 2]) }
        assertThrowsTensorError("k must be >= 0") { try Tensor.zeros([1, 3]).topKIndices(k: -1) }
    }

    func testCopyOnWriteKeepsValueSemantics() throws {
        let a = try Tensor.zeros([3])
        var b = a
        b.withUnsafeMutableBufferPointer { $0[0] = 5 }
        XCTAssertEqual(a.scalars, [0, 0, 0])
        XCTAssertEqual(b.scalars, [5, 0, 0])
    }

    func testBroadcastingArithmetic() throws {
        let x = try Tensor([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(try (x + Tensor([10, 20, 30])).scalars, [11, 22, 33, 14, 25, 36])
        XCTAssertEqual(try (x * Tensor([[2], [3]])).scalars, [2, 4, 6, 12, 15, 18])
        XCTAssertEqual(try (Tensor([[1], [2]]) - Tensor([1, 2, 3])).shape, [2, 3])
        XCTAssertEqual((x * 2 + 1).scalars, [3, 5, 7, 9, 11, 13])
        XCTAssertEqual((-x).scalars, [-1, -2, -3, -4, -5, -6])
        assertClose((1 / x), try Tensor(shape: [2, 3], scalars: [1, 0.5, 1 / 3, 0.25, 0.2, 1 / 6]))
    }

    func testReductions() throws {
        let x = try Tensor([[1, 5, 3], [4, 2, 6]])
        XCTAssertEqual(try x.sum().item(), 21)
        XCTAssertEqual(try x.sum(axis: 0).scalars, [5, 7, 9])
        XCTAssertEqual(try x.sum(axis: 1, keepDims: true).shape, [2, 1])
        XCTAssertEqual(try x.mean(axis: -1).scalars, [3, 4])
        XCTAssertEqual(try x.max(axis: 1).scalars, [5, 6])
        XCTAssertEqual(try x.min(axis: 0).scalars, [1, 2, 3])
        XCTAssertEqual(try x.argmax(axis: 1), [1, 2])
        XCTAssertEqual(try x.argmax(), 5)
        XCTAssertEqual(try x.max().item(), 6)
    }

    func testMatmulWithTransposeFlagsMatchesExplicitTranspose() throws {
        var rng = SeededGenerator(seed: 3)
        let a = try Tensor.normal([3, 4], generator: &rng), b = try Tensor.normal([5, 4], generator: &rng)
        let reference = try a.matmul(b.transposed())
        assertClose(try a.matmul(b, transposeOther: true), reference)
        assertClose(try a.transposed().matmul(b, transposeSelf: true, transposeOther: true), reference)
        XCTAssertEqual(try Tensor([[1, 2], [3, 4]]).matmul(try Tensor([[5], [6]])).scalars, [17, 39])
    }

    func testMovement() throws {
        let x = try Tensor([[1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(x.transposed().scalars, [1, 3, 5, 2, 4, 6])
        XCTAssertEqual(try x.rows([2, 0]).scalars, [5, 6, 1, 2])
        XCTAssertEqual(try x.rows(1..<3).scalars, [3, 4, 5, 6])
        XCTAssertEqual(try Tensor.concatenate([x, x], axis: 1).shape, [3, 4])
        XCTAssertEqual(try Tensor.concatenate([x, x], axis: 1).scalars[0..<4], [1, 2, 1, 2])
        XCTAssertEqual(try x.reshaped([2, -1]).shape, [2, 3])
        XCTAssertEqual(try Tensor.arange(24).reshaped([2, 3, 4]).transposed().shape, [4, 3, 2])
        XCTAssertEqual(try Tensor.arange(24).reshaped([2, 3, 4]).transposed().scalars[0..<3], [0, 12, 4])
    }

    func testMasksWhereAndTopK() throws {
        let x = try Tensor([[0.1, 0.9, 0.5, 0.9], [3, -1, 2, 0]])
        XCTAssertEqual(x.greater(than: 0.5).scalars, [0, 1, 0, 1, 1, 0, 1, 0])
        XCTAssertEqual(try Tensor.where(x.greater(than: 0.5), x, Tensor(scalar: 0)).scalars,
                       [0, 0.9, 0, 0.9, 3, 0, 2, 0])
        XCTAssertEqual(try x.topKIndices(k: 2), [[1, 3], [0, 2]])
        XCTAssertEqual(try x.topKIndices(k: 10), [[1, 3, 2, 0], [0, 2, 3, 1]])
        XCTAssertEqual(try Tensor([[.nan, 1, 2]]).topKIndices(k: 3), [[2, 1, 0]])
    }

    func testSoftmaxRowsSumToOne() throws {
        let x = try Tensor([[1, 2, 3], [1000, 1000, -1000]])
        let p = try x.softmax()
        assertClose(try p.sum(axis: 1), Tensor([1, 1]))
        assertClose(try x.logSoftmax().rows([1]), try Tensor([[-0.6931472, -0.6931472, -2000.6931]]), rtol: 1e-5)
    }

    func testMathFunctions() throws {
        let x = try Tensor([[-2, 0.5], [1, 4]])
        XCTAssertEqual(x.relu().scalars, [0, 0.5, 1, 4])
        XCTAssertEqual(x.abs().scalars, [2, 0.5, 1, 4])
        XCTAssertEqual(try x.clamped(0, 1).scalars, [0, 0.5, 1, 1])
        assertClose(x.sigmoid(), try Tensor(shape: [2, 2], scalars: [0.11920292, 0.62245933, 0.7310586, 0.98201376]))
        XCTAssertEqual(Tensor([-200, 200]).sigmoid().scalars, [0, 1])
        assertClose(Tensor([4, 9]).sqrt(), Tensor([2, 3]))
        assertClose(Tensor([2, 3]).pow(3), Tensor([8, 27]))
    }

    func testDescriptionPrintsLikePyTorch() throws {
        XCTAssertEqual(try Tensor([[1, 2, 3], [4, 5, 6]]).description,
                       "tensor([[1., 2., 3.],\n        [4., 5., 6.]], shape: [2, 3])")
        XCTAssertEqual(Tensor([0.5, 1.25]).description, "tensor([0.5000, 1.2500], shape: [2])")
        let big = try Tensor.arange(2000).reshaped([2, 1000]).description
        XCTAssertTrue(big.contains("[   0.,    1.,    2., ...,  997.,  998.,  999.]"), big)
        XCTAssertTrue(big.hasSuffix("shape: [2, 1000])"))
    }
}
