import XCTest
import Foundation
import TensorKit

/// A small MLP learns a non-linear task (two interleaved half moons) end to end:
/// layers, autodiff, BCE with logits and Adam together.
final class TwoMoonsTests: XCTestCase {
    func makeMoons(_ n: Int, noise: Float, generator: inout SeededGenerator) throws -> (Tensor, Tensor) {
        var points = [Float](), labels = [Float]()
        for i in 0..<n {
            let upper = i % 2 == 0
            let t = Float.pi * generator.nextUniform()
            let x = upper ? Foundation.cos(t) : 1 - Foundation.cos(t)
            let y = upper ? Foundation.sin(t) : 0.5 - Foundation.sin(t)
            points += [x + noise * generator.nextNormal(), y + noise * generator.nextNormal()]
            labels.append(upper ? 0 : 1)
        }
        return (try Tensor(shape: [n, 2], scalars: points), try Tensor(shape: [n, 1], scalars: labels))
    }

    func testMLPLearnsTwoMoons() throws {
        var rng = SeededGenerator(seed: 42)
        let (x, y) = try makeMoons(200, noise: 0.1, generator: &rng)
        let model = Sequential(try Linear(2, 16, generator: &rng), Activation.tanh,
                               try Linear(16, 16, generator: &rng), Activation.tanh,
                               try Linear(16, 1, generator: &rng))
        let adam = try Adam(model.parameters, learningRate: 0.05)
        var firstLoss: Float = 0, lastLoss: Float = 0
        for epoch in 0..<150 {
            adam.zeroGrad()
            let loss = try Loss.bceWithLogits(try model(x), targets: y)
            try loss.backward()
            adam.step()
            if epoch == 0 { firstLoss = try loss.item() }
            lastLoss = try loss.item()
        }
        model.eval()
        let (testX, testY) = try makeMoons(200, noise: 0.1, generator: &rng)
        let predicted = try withNoGrad { try model(testX) }.greater(than: 0)
        let accuracy = try predicted.equalCount(testY)
        XCTAssertLessThan(lastLoss, firstLoss / 5)
        XCTAssertGreaterThanOrEqual(accuracy, 0.97, "accuracy \(accuracy), loss \(firstLoss) -> \(lastLoss)")
    }
}

private extension Tensor {
    func equalCount(_ other: Tensor) throws -> Float {
        let a = scalars, b = other.scalars
        return Float(zip(a, b).filter { $0 == $1 }.count) / Float(a.count)
    }
}
