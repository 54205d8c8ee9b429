import XCTest
import TensorKit
import TestSupport

final class SparseMatrixTests: XCTestCase {
    let sample = try! SparseMatrix(rows: 3, columns: 4,
                                   entries: [(2, 3, 1), (0, 1, 2), (0, 0, 1), (2, 0, 4), (0, 1, 3)])

    func testTriplesAreSortedAndDuplicatesSummed() {
        XCTAssertEqual(sample.rowOffsets, [0, 2, 2, 4])
        XCTAssertEqual(sample.columnIndices, [0, 1, 0, 3])
        XCTAssertEqual(sample.values, [1, 5, 4, 1])
        XCTAssertEqual(sample.nnz, 4)
        XCTAssertEqual(sample.nnzPerRow(), [2, 0, 2])
    }

    func testRejectedDuplicatesAndBadEntriesThrow() {
        assertThrowsTensorError("duplicate entry at (0, 1)") {
            try SparseMatrix(rows: 1, columns: 2, entries: [(0, 1, 1), (0, 1, 2)], duplicates: .reject)
        }
        assertThrowsTensorError("outside a 2 x 2 matrix") {
            try SparseMatrix(rows: 2, columns: 2, entries: [(0, 2, 1)])
        }
        assertThrowsTensorError("out of range") { try sample.rows([3]) }
        assertThrowsTensorError("not increasing") {
            try SparseMatrix(rowCount: 1, columnCount: 3, rowOffsets: [0, 2], columnIndices: [2, 1], values: [1, 1])
        }
    }

    func testRowsTransposeDenseAndNormalisation() throws {
        XCTAssertEqual(try sample.rows([2, 0]).toDense().scalars, [4, 0, 0, 1, 1, 5, 0, 0])
        XCTAssertEqual(try sample.rows(1..<3).toDense().scalars, [0, 0, 0, 0, 4, 0, 0, 1])
        XCTAssertEqual(sample.transposed().toDense(), sample.toDense().transposed())
        let n = sample.rowNormalizedL2().toDense()
        assertClose(try (n * n).sum(axis: 1), Tensor([1, 0, 1]))
    }

    func testSparseTimesDenseMatchesDenseProduct() throws {
        var rng = SeededGenerator(seed: 5)
        let w = try Tensor.normal([4, 3], generator: &rng), b = try Tensor.normal([3], generator: &rng)
        assertClose(try sample.matmul(w), try sample.toDense().matmul(w))
        assertClose(try SparseMatrix.linear(sample, weight: w, bias: b), try sample.toDense().matmul(w) + b)
        assertThrowsTensorError("SparseMatrix.matmul: shapes [3, 4] and [3, 3] are incompatible (4 != 3)") {
            try sample.matmul(try Tensor.zeros([3, 3]))
        }
    }
}
