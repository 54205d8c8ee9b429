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
        var rng = SeededGenerator(seed: 3)
        let a = try Tensor.normal([40, 30], generator: &rng)
        let g = try a.matmul(a, transposeSelf: true) + Tensor.eye(30)
        let p = try g.symmetricPositiveDefiniteInverse()
        let id = try g.matmul(p)
        for i in 0..<30 {
            for j in 0..<30 { XCTAssertEqual(try id.scalar(at: [i, j]), i == j ? 1 : 0, accuracy: 1e-3) }
        }
        XCTAssertEqual(p, p.transposed(), "the inverse is exactly symmetric")
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
