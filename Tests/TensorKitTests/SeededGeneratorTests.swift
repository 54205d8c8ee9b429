import XCTest
@testable import TensorKit

final class SeededGeneratorTests: XCTestCase {
    func testSameSeedGivesSameSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        for _ in 0..<100 { XCTAssertEqual(a.next(), b.next()) }
    }

    func testDifferentSeedsDiffer() {
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 2)
        XCTAssertNotEqual((0..<4).map { _ in a.next() }, (0..<4).map { _ in b.next() })
    }

    /// Pins the sequence so that a change to the generator (which would change every
    /// seeded result in the notebooks) is caught.
    func testSequenceIsPinned() {
        var g = SeededGenerator(seed: 0)
        let first = g.next()
        var h = SeededGenerator(seed: 0)
        XCTAssertEqual(first, h.next())
        XCTAssertEqual(first, 0x99EC_5F36_CB75_F2B4)
    }

    func testUniformAndNormalMoments() {
        var g = SeededGenerator(seed: 7)
        let n = 20_000
        var sum = 0.0, sumSq = 0.0, uSum = 0.0
        for _ in 0..<n {
            let u = g.nextUniform()
            XCTAssert(u >= 0 && u < 1)
            uSum += Double(u)
            let z = Double(g.nextNormal())
            sum += z; sumSq += z * z
        }
        XCTAssertEqual(uSum / Double(n), 0.5, accuracy: 0.01)
        XCTAssertEqual(sum / Double(n), 0, accuracy: 0.03)
        XCTAssertEqual(sumSq / Double(n), 1, accuracy: 0.05)
    }
}
