import Foundation
import TensorKit
import XCTest
@testable import NotebookKit

/// The standard library's `using:` draws with a `SeededGenerator` give in a notebook what
/// the same calls give in compiled Swift (the same generator and algorithms), and advance the
/// generator passed with `&`.
final class SeededDrawTests: XCTestCase {
    func testUsingDrawsMatchCompiledSwift() {
        let r = ScriptRunner()
        let printed = r.run("""
            var rng = SeededGenerator(seed: 42)
            let order = [1, 2, 3, 4, 5, 6].shuffled(using: &rng)
            let pick = ["a", "b", "c"].randomElement(using: &rng)!
            let k = Int.random(in: 0..<100, using: &rng)
            let c = Int.random(in: 1...6, using: &rng)
            let x = Double.random(in: 0..<1, using: &rng)
            let y = Double.random(in: -1...1, using: &rng)
            let b = Bool.random(using: &rng)
            print(order, pick, k, c, x, y, b, rng.next())
            """)
        var g = SeededGenerator(seed: 42)
        let order = [1, 2, 3, 4, 5, 6].shuffled(using: &g)
        let pick = ["a", "b", "c"].randomElement(using: &g)!
        let k = Int.random(in: 0..<100, using: &g)
        let c = Int.random(in: 1...6, using: &g)
        let x = Double.random(in: 0..<1, using: &g)
        let y = Double.random(in: -1...1, using: &g)
        let b = Bool.random(using: &g)
        let next = Int(bitPattern: UInt(g.next()))
        XCTAssertEqual(printed, "\(order) \(pick) \(k) \(c) \(x) \(y) \(b) \(next)\n")
    }

    func testUsingNeedsAVariableGenerator() {
        let r = ScriptRunner()
        XCTAssertTrue(r.error("let g = SeededGenerator(seed: 1)\nprint([1, 2].shuffled(using: &g))").contains("'g' is a 'let' constant"))
        XCTAssertTrue(r.error("print(Int.random(in: 5..<5, using: &rngMissing))").contains("cannot find 'rngMissing' in scope"))
    }
}
