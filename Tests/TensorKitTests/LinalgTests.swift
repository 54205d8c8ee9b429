import XCTest
@testable import TensorKit

final class LinalgTests: XCTestCase {
    func testInverseOfKnownMatrix() throws {
        let g = try Tensor([[4, 2], [2, 3]])
        let p = try g.symmetricPositiveDefiniteInverse()
        XCTAssertEqual(p.shape, [2, 2])
        for (a, b) in zip(p.scalars, [0.375, -0.25, -0.25, 0.5] as [Float]) { XCTAssertEqual(a, b, accuracy: 1e-6) }
    }

    func testInverseTimesMatrixIsIdentity() throws {
        // 150 is not a multiple of the 64-wide tiles that mirror the triangle.
        var rng = SeededGenerator(seed: 3)
        let n = 150
        let a = try Tensor.normal([160, n], generator: &rng)
        let g = try a.matmul(a, transposeSelf: true) + Tensor.eye(n)
        let p = try g.symmetricPositiveDefiniteInverse()
        let id = try g.matmul(p).scalars
        var worst: Float = 0
        for i in 0..<n { for j in 0..<n { worst = max(worst, abs(id[i * n + j] - (i == j ? 1 : 0))) } }
        XCTAssertLessThan(worst, 1e-3)
        XCTAssertEqual(p, p.transposed(), "the inverse is exactly symmetric")
        var inPlace = g
        try inPlace.invertSymmetricPositiveDefinite()
        XCTAssertEqual(inPlace, p)
        XCTAssertNotEqual(g, p, "the non-mutating form leaves its input alone")
    }

    func testRejectsBadInput() throws {
        XCTAssertThrowsError(try Tensor([[1, 2, 3]]).symmetricPositiveDefiniteInverse()) {
            XCTAssertTrue("\($0)".contains("square"), "\($0)")
        }
        XCTAssertThrowsError(try Tensor([[1, 2], [2, 1]]).symmetricPositiveDefiniteInverse()) {
            XCTAssertTrue("\($0)".contains("not positive definite"), "\($0)")
        }
        XCTAssertThrowsError(try Tensor([[Float.nan, 0], [0, 1]]).symmetricPositiveDefiniteInverse())
    }
}
