import XCTest
import TensorKit
import TestSupport

/// Edge cases where TensorKit once disagreed with PyTorch or trapped: empty gathers, NaN,
/// saturated probabilities, impossible allocations, ambiguous reshapes, implicit seeds.
final class EdgeCaseTests: XCTestCase {
    func testZeroRowGatherGivesAZeroGradientOfTheFullShape() throws {
        let w = try Tensor.ones([5, 3]).requiringGrad()
        try w.rows([]).sum().backward()
        XCTAssertEqual(w.grad, try Tensor.zeros([5, 3]))
        // A later backward still adds its gradient.
        try w.rows([1, 1]).sum().backward()
        XCTAssertEqual(w.grad?.scalars, [0, 0, 0, 2, 2, 2] + [Float](repeating: 0, count: 9))
    }

    func testEmbeddingOfNoIndicesThenAdamStepIsSafe() throws {
        var rng = SeededGenerator(seed: 3)
        let embedding = try Embedding(5, 3, generator: &rng)
        let before = embedding.weight.value
        let adam = try Adam(embedding.parameters)
        try embedding([]).sum().backward()
        adam.step()
        XCTAssertEqual(embedding.weight.grad?.shape, [5, 3])
        XCTAssertEqual(embedding.weight.value, before)   // a zero gradient moves nothing
    }

    /// PyTorch counts Adam's steps per parameter: one that had no gradient for two steps
    /// is, after three more, where a fresh Adam would put it after three.
    func testAdamCountsStepsPerParameter() throws {
        let a = Parameter(Tensor([1, -2])), late = Parameter(Tensor([0.5, 3]))
        let fresh = Parameter(Tensor([0.5, 3]))
        let adam = try Adam([a, late], learningRate: 0.1)
        let alone = try Adam([fresh], learningRate: 0.1)
        for step in 0..<5 {
            adam.zeroGrad()
            alone.zeroGrad()
            if step < 2 {
                try (a.value * a.value).sum().backward()
            } else {
                try (a.value * a.value + late.value * late.value).sum().backward()
                try (fresh.value * fresh.value).sum().backward()
                alone.step()
            }
            adam.step()
        }
        XCTAssertEqual(adam.stepCount, 5)
        XCTAssertEqual(adam.parameterStepCounts, [5, 3])
        assertClose(late.value, fresh.value, rtol: 1e-6)
    }

    /// `F.binary_cross_entropy` on [0, 1, 1e-9, 0.5] with targets [1, 0, 1, 1]: the logs
    /// are clamped at -100 and the gradient is `(p - t) / max(p (1 - p), 1e-12) / n`.
    func testBCEAtSaturatedProbabilitiesFollowsPyTorch() throws {
        let p = Tensor([0, 1, 1e-9, 0.5]).requiringGrad()
        let t = Tensor([1, 0, 1, 1])
        let loss = try Loss.bce(probabilities: p, targets: t)
        let expected = (100 + 100 - Double(Foundation.log(Float(1e-9))) - Foundation.log(0.5)) / 4
        XCTAssertEqual(Double(try loss.item()), expected, accuracy: 1e-4)
        try loss.backward()
        let g = try XCTUnwrap(p.grad).scalars
        let tiny = Double(Float(1e-9))
        assertClose(g, [Float(-0.25e12), Float(0.25e12), Float((tiny - 1) / (tiny * (1 - tiny)) / 4), -0.5], rtol: 1e-5)
        // NaN in, NaN out; a value outside [0, 1] is an error, as in PyTorch.
        XCTAssertTrue(try Loss.bce(probabilities: Tensor([.nan, 0.5]), targets: Tensor([1, 0])).item().isNaN)
        assertThrowsTensorError("expected probabilities in [0, 1], found 1.5") {
            try Loss.bce(probabilities: Tensor([0.5, 1.5]), targets: Tensor([1, 0]))
        }
    }

    /// x = [nan, 1, -2, inf, -inf], as PyTorch: relu keeps NaN, max/min give NaN,
    /// argmax/argmin pick the NaN.
    func testNaNPropagatesThroughReluMaxMinAndArgmax() throws {
        let x = Tensor([.nan, 1, -2, .infinity, -.infinity])
        let r = x.relu().scalars
        XCTAssertTrue(r[0].isNaN)
        XCTAssertEqual(Array(r.dropFirst()), [1, 0, .infinity, 0])
        XCTAssertTrue(try x.max().item().isNaN)
        XCTAssertTrue(try x.min().item().isNaN)
        XCTAssertEqual(try x.argmax(), 0)
        let later = try Tensor([[1, .nan, 5], [2, 3, 1]])
        XCTAssertEqual(try later.argmax(axis: 1), [1, 1])
        XCTAssertEqual(try later.argmin(axis: 1), [1, 2])
        let m = try later.max(axis: 1).scalars
        XCTAssertTrue(m[0].isNaN)
        XCTAssertEqual(m[1], 3)
    }

    func testImpossibleAllocationsThrowInsteadOfAborting() {
        assertThrowsTensorError("more than this machine's") { try Tensor.zeros([1_000_000, 1_000_000]) }
        assertThrowsTensorError("byte count overflows") { try Tensor.zeros([1 << 62]) }
        assertThrowsTensorError("element count overflows") { try Tensor.ones([1 << 40, 1 << 40]) }
        assertThrowsTensorError("more than this machine's") {
            try Tensor.zeros([1_000_000, 1]).matmul(try Tensor.zeros([1, 1_000_000]))
        }
        assertThrowsTensorError("more than this machine's") {
            try Tensor.zeros([1_000_000, 1]) + Tensor.zeros([1_000_000])
        }
    }

    func testReshapeWithTwoInferredAxesSaysSo() {
        assertThrowsTensorError("only one axis may be inferred") { try Tensor.zeros([2, 3]).reshaped([-1, -1]) }
    }

    func testBackwardOnANonScalarNeedsAnExplicitSeed() throws {
        let w = Tensor([1, 2]).requiringGrad()
        assertThrowsTensorError("pass backward(seed:)") { try (w * 3).backward() }
        try (w * 3).backward(seed: Tensor([1, 10]))
        XCTAssertEqual(w.grad?.scalars, [3, 30])
        let single = Tensor([2]).requiringGrad()    // one element: the seed 1 is implied
        try (single * single).backward()
        XCTAssertEqual(single.grad?.scalars, [4])
    }
}
