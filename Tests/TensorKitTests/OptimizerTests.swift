import XCTest
import TensorKit
import TestSupport

final class OptimizerTests: XCTestCase {
    /// Adam's first two steps on f(p) = Σ p², worked out by hand:
    /// step 1: g = 2p = [2, -4]; m = 0.1g; v = 0.001g²; m̂ = g, v̂ = g², so p -= lr · sign(g)
    /// (up to ε): [1, -2] -> [0.9, -1.9].
    /// step 2: g = [1.8, -3.8]; m = 0.09·[2, -4] + 0.1·g = [0.36, -0.74];
    /// v = 0.000999·[4, 16] + 0.001·g² = [0.007236, 0.030424];
    /// m̂ = m / 0.19, v̂ = v / 0.001999; p -= 0.1 · m̂ / (sqrt(v̂) + 1e-8).
    func testAdamFirstStepsMatchHandComputedValues() throws {
        let p = Parameter(try Tensor([1, -2]))
        let adam = try Adam([p], learningRate: 0.1)
        for _ in 0..<2 {
            adam.zeroGrad()
            try (p.value * p.value).sum().backward()
            adam.step()
            if adam.stepCount == 1 { assertClose(p.value, Tensor([0.9, -1.9]), rtol: 1e-6) }
        }
        let p1: [Double] = [0.9, -1.9], m: [Double] = [0.36, -0.74], v: [Double] = [0.007236, 0.030424]
        var expected: [Float] = []
        for i in 0..<2 {
            let mHat = m[i] / 0.19, vHat = v[i] / 0.001999
            expected.append(Float(p1[i] - 0.1 * mHat / (vHat.squareRoot() + 1e-8)))
        }
        assertClose(p.value, Tensor(expected), rtol: 1e-6)
    }

    func testAdamWeightDecayVariants() throws {
        let coupled = Parameter(try Tensor([1])), decoupled = Parameter(try Tensor([1]))
        let a = try Adam([coupled], learningRate: 0.1, weightDecay: 0.5)
        let b = try Adam([decoupled], learningRate: 0.1, weightDecay: 0.5, decoupled: true)
        try (coupled.value * 0).sum().backward()
        try (decoupled.value * 0).sum().backward()
        a.step(); b.step()
        assertClose(coupled.value, Tensor([0.9]), rtol: 1e-6)         // g = 0.5 → step of lr
        assertClose(decoupled.value, Tensor([0.95]), rtol: 1e-6)      // 1 · (1 - 0.05), g = 0
    }

    func testSGDMomentum() throws {
        let p = Parameter(try Tensor([1]))
        let sgd = try SGD([p], learningRate: 0.1, momentum: 0.9)
        for _ in 0..<2 {
            sgd.zeroGrad()
            try (p.value * 2).sum().backward()   // g = 2
            sgd.step()
        }
        // b1 = 2 → p = 0.8; b2 = 0.9·2 + 2 = 3.8 → p = 0.42
        assertClose(p.value, Tensor([0.42]), rtol: 1e-6)
    }

    func testBadHyperparametersFailAtConstruction() {
        assertThrowsTensorError("Adam: learning rate must be positive, got -1.0") { try Adam([], learningRate: -1) }
        assertThrowsTensorError("beta1 must be in [0, 1)") { try Adam([], beta1: 1) }
        assertThrowsTensorError("SGD: momentum must be in [0, 1)") { try SGD([], learningRate: 0.1, momentum: 2) }
        assertThrowsTensorError("maxNorm must be positive") { try clipGradientNorm([], maxNorm: 0) }
    }

    func testGradientClipping() throws {
        let p = Parameter(try Tensor([0, 0]))
        try (p.value * Tensor([3, 4])).sum().backward()
        let norm = try clipGradientNorm([p], maxNorm: 1)
        XCTAssertEqual(norm, 5, accuracy: 1e-5)
        assertClose(p.grad!, Tensor([0.6, 0.8]), rtol: 1e-4)
        try clipGradientValue([p], maxValue: 0.7)
        assertClose(p.grad!, Tensor([0.6, 0.7]), rtol: 1e-4)
    }
}
