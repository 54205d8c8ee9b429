import XCTest
import Foundation
import TensorKit

/// The README's TensorKit example, run as a test; a second test checks that the README
/// still shows exactly this code.
final class ReadmeExampleTests: XCTestCase {
    static let snippet = """
    var rng = SeededGenerator(seed: 42)
    let x = try Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
    let y = try Tensor([[0], [1], [1], [0]])                  // XOR: not linearly separable
    let model = Sequential(try Linear(2, 8, generator: &rng), Activation.tanh,
                           try Linear(8, 1, generator: &rng))
    let adam = try Adam(model.parameters, learningRate: 0.05)
    for _ in 0..<300 {
        adam.zeroGrad()
        let loss = try Loss.bceWithLogits(try model(x), targets: y)
        try loss.backward()                                   // gradients land in each parameter
        adam.step()
    }
    let p = try withNoGrad { try model(x) }.sigmoid()
    print(p)            // tensor([[0.0...], [0.9...], [0.9...], [0.0...]], shape: [4, 1])
    """

    func testExampleRuns() throws {
        var rng = SeededGenerator(seed: 42)
        let x = try Tensor([[0, 0], [0, 1], [1, 0], [1, 1]])
        let y = try Tensor([[0], [1], [1], [0]])                  // XOR: not linearly separable
        let model = Sequential(try Linear(2, 8, generator: &rng), Activation.tanh,
                               try Linear(8, 1, generator: &rng))
        let adam = try Adam(model.parameters, learningRate: 0.05)
        for _ in 0..<300 {
            adam.zeroGrad()
            let loss = try Loss.bceWithLogits(try model(x), targets: y)
            try loss.backward()                                   // gradients land in each parameter
            adam.step()
        }
        let p = try withNoGrad { try model(x) }.sigmoid()
        XCTAssertEqual(p.scalars.map { $0.rounded() }, y.scalars, "\(p)")
    }

    func testReadmeShowsThisExample() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let section = text.range(of: "## TensorKit") else { return XCTFail("README has no TensorKit section") }
        XCTAssertTrue(text[section.upperBound...].contains(Self.snippet), "README's TensorKit example differs from ReadmeExampleTests.snippet")
    }
}
