import Foundation
import TensorKit
import XCTest
@testable import NotebookKit

/// Tensor creation, arithmetic, math, movement and reductions through the interpreter,
/// checked against the same calls in Swift.
final class TensorKitTensorTests: XCTestCase {
    func testCreationUsesFloatRowsAndLiteralTyping() throws {
        let r = ScriptRunner()
        let out = r.run("""
            let a = Tensor([1, 2, 3])
            let b = Tensor([1.5, 2])
            let m = try Tensor([[1, 2], [3, 4]])
            print(a.scalars, b.scalars, m.shape, Tensor(scalar: 2).rank)
            print(try Tensor.arange(from: 0, to: 1, step: 0.25).scalars)
            print(Tensor.full(like: m, value: 7).scalars, try Tensor.eye(2).scalar(at: [1, 1]))
            var rng = SeededGenerator(seed: 9)
            print(try Tensor.normal([3], mean: 1, std: 2, generator: &rng).scalars, rng.nextUniform())
            """)
        var g = SeededGenerator(seed: 9)
        let normal = try Tensor.normal([3], mean: 1, std: 2, generator: &g)
        XCTAssertEqual(out, """
            \(Tensor([1, 2, 3]).scalars) \(Tensor([1.5, 2]).scalars) [2, 2] 0
            \(try Tensor.arange(from: 0, to: 1, step: 0.25).scalars)
            [7.0, 7.0, 7.0, 7.0] 1.0
            \(normal.scalars) \(g.nextUniform())

            """)
        XCTAssertTrue(r.error("let g = SeededGenerator(seed: 1)\ntry Tensor.uniform([2], generator: &g)").contains("immutable"))
        XCTAssertTrue(r.error("var h = SeededGenerator(seed: 1)\ntry Tensor.uniform([2], generator: h)").contains("&"))
        XCTAssertTrue(r.error("var h = SeededGenerator(seed: 1)\ntry Tensor.zeros([2], &h)").contains("&"))
        XCTAssertTrue(r.error("let ints = [1, 2]\nlet x = try Tensor(shape: [2], scalars: ints)").contains("[Float]"), "[Int] is not [Float]")
        XCTAssertTrue(r.error("let y = Tensor([1, 2]) + Tensor([3, 4])").contains("try"), "Tensor + Tensor throws, as in Swift")
    }

    /// A Float variable (not a literal) on either side of a Tensor operator.
    func testFloatValuesCombineWithTensors() throws {
        let r = ScriptRunner()
        let out = r.run("""
            let v = Tensor([1, 2, 3])
            let f = try v.sum().item()
            print((f * v).scalars, (v / f).scalars, (f - v).scalars)
            """)
        let v = Tensor([1, 2, 3])
        let f = try v.sum().item()
        XCTAssertEqual(out, "\((f * v).scalars) \((v / f).scalars) \((f - v).scalars)\n")
    }

    func testArithmeticMathComparisonsAndReductions() throws {
        let r = ScriptRunner()
        let out = r.run("""
            let m = try Tensor([[1, -2, 3], [4, 5, -6]])
            let v = Tensor([1, 2, 3])
            print(try (m + v).scalars, (2 * m - 1).scalars, (-m / 2).scalars)
            try print(m.relu().scalars, m.abs().max().scalars, m.clamped(-1, 1).scalars)
            try print(m.greater(than: 0).scalars, Tensor.where(m.less(than: 0), m, -m).scalars)
            try print(m.sum(axis: 1, keepDims: true).shape, m.argmin(axis: 1), m.max(axis: 0).scalars)
            try print(m.matmul(m, transposeOther: true).scalars, m.rows(0..<1).scalars, m.slice(axis: 1, 1..<3).shape)
            try print(Tensor.concatenate([m, m], axis: 0).shape, m.topKIndices(k: 2), m == m)
            try print(m.apply(.pow(2)).scalars, Tensor.binary(.multiply, m, v).scalars)
            """)
        let m = try Tensor([[1, -2, 3], [4, 5, -6]])
        let v = Tensor([1, 2, 3])
        XCTAssertEqual(out, """
            \(try (m + v).scalars) \((2 * m - 1).scalars) \((-m / 2).scalars)
            \(m.relu().scalars) \(try m.abs().max().scalars) \(try m.clamped(-1, 1).scalars)
            \(m.greater(than: 0).scalars) \(try Tensor.where(m.less(than: 0), m, -m).scalars)
            [2, 1] [1, 2] \(try m.max(axis: 0).scalars)
            \(try m.matmul(m, transposeOther: true).scalars) \(try m.rows(0..<1).scalars) [2, 2]
            [4, 3] \(try m.topKIndices(k: 2)) true
            \(m.apply(.pow(2)).scalars) \(try Tensor.binary(.multiply, m, v).scalars)

            """)
        XCTAssertTrue(r.error("try Tensor([[1, 2]]) + Tensor([1, 2, 3])").contains("[1, 2]"))
        XCTAssertEqual(r.run("print((Tensor([1, 2]) * 2 - 1).scalars)"), "[1.0, 3.0]\n", "Tensor * Float does not throw")
        XCTAssertTrue(r.error("try Tensor([1, 2]).rows(0..<5)").contains("rows"))
    }

    func testLinearAlgebra() throws {
        let r = ScriptRunner()
        let out = r.run("""
            var g = try Tensor([[4, 2], [2, 3]])
            let (values, vectors) = try g.symmetricEigen()
            print(values, vectors.shape, try g.symmetricPositiveDefiniteInverse().scalars)
            try g.invertSymmetricPositiveDefinite()
            print(g.scalars)
            """)
        let g = try Tensor([[4, 2], [2, 3]])
        XCTAssertEqual(out, "\(try g.symmetricEigen().values) [2, 2] \(try g.symmetricPositiveDefiniteInverse().scalars)\n"
                       + "\(try g.symmetricPositiveDefiniteInverse().scalars)\n")
    }
}
