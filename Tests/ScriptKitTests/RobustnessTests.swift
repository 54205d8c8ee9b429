import Foundation
import XCTest
@testable import ScriptKit

/// Feeds thousands of random, mutated and pathological inputs to `check` and `run` and
/// asserts that nothing crashes (a trap or a stack overflow would kill the test process)
/// and that every error is located inside the input.
///
/// Set `SCRIPTKIT_FUZZ_TRACE=/path` to write each input to that file before it runs: after a
/// crash the file holds the input that caused it.
final class RobustnessTests: XCTestCase {
    /// SplitMix64: small, fast and seeded, so every run feeds the same inputs.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let vocabulary: [String] = [
        "let", "var", "func", "if", "else", "guard", "for", "in", "while", "repeat", "switch", "case",
        "default", "break", "continue", "return", "fallthrough", "do", "catch", "try", "try?", "import",
        "struct", "where", "as", "is", "nil", "true", "false", "_", "$0", "$1",
        "x", "y", "f", "xs", "print", "Int", "Double", "String", "Int.max", "Int.min", "sqrt", "count",
        "0", "1", "2", "-1", "9223372036854775807", "99999999999999999999", "0x", "1e308", "2.5", "1_000",
        "\"s\"", "\"a\\(x)b\"", "\"\\(", "\"\"\"", "\"", "\\", "`",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "?", "!", "->", "=", "==", "+", "-", "*", "/",
        "%", "+=", "..<", "...", "??", "&&", "||", "<", ">", "<<", ">>", "&", "|", "^", "~", "@", "#",
        "\n", " ", "\t", "// c\n", "/*", "*/", "é", "🙂",
    ]

    /// The real test scripts: the seeds for truncation and mutation.
    static func corpus() -> [String] {
        ScriptTests.scriptFiles().compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }

    /// Runs `source` through `check` and `run` of `interpreter`, stopping runaway loops after
    /// a short time, and returns the problems found.
    static func exercise(_ source: String, _ interpreter: Interpreter, origin: String = "fuzz") -> [String] {
        if let path = ProcessInfo.processInfo.environment["SCRIPTKIT_FUZZ_TRACE"] {
            try? source.write(toFile: path, atomically: false, encoding: .utf8)
        }
        var problems: [String] = []
        for d in interpreter.check(source, origin: origin) {
            problems += locationProblems(d, source)
        }
        let watchdog = DispatchWorkItem { interpreter.requestInterrupt() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5, execute: watchdog)
        defer { watchdog.cancel() }
        do {
            _ = try interpreter.run(source, origin: origin)
        } catch let e as ScriptError {
            if e.diagnostics.isEmpty { problems.append("error without diagnostics") }
            for d in e.diagnostics { problems += locationProblems(d, source) }
        } catch {
            problems.append("unexpected error type: \(error)")
        }
        return problems
    }

    /// A diagnostic must point at a line of the input and a column on (or just after) that line.
    static func locationProblems(_ d: Diagnostic, _ source: String) -> [String] {
        // Split on scalars as the lexer does: "\r\n" is one Character, which `split` on
        // Characters would not break at.
        let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard d.line >= 1 && d.line <= lines.count else {
            return ["line \(d.line) outside 1...\(lines.count): \(d.message)"]
        }
        let width = lines[d.line - 1].count
        guard d.column >= 1 && d.column <= width + 1 else {
            return ["column \(d.column) outside 1...\(width + 1) on line \(d.line): \(d.message)"]
        }
        if d.message.isEmpty { return ["empty message at \(d.line):\(d.column)"] }
        return []
    }

    func assertRobust(_ inputs: [String], file: StaticString = #filePath, line: UInt = #line) {
        var failures = 0
        var interpreter = Interpreter()
        for (k, source) in inputs.enumerated() {
            // A fresh session now and then: most inputs also exercise the state earlier ones left.
            if k % 50 == 0 { interpreter = Interpreter() }
            interpreter.output = { _ in }
            let problems = RobustnessTests.exercise(source, interpreter)
            if !problems.isEmpty {
                failures += 1
                if failures <= 5 {
                    XCTFail("input \(k) \(String(source.prefix(200)).debugDescription): \(problems)", file: file, line: line)
                }
            }
        }
        XCTAssertEqual(failures, 0, "inputs with unlocated or misplaced errors", file: file, line: line)
    }

    // MARK: - Random and mutated inputs

    func testTruncatedScripts() {
        let corpus = RobustnessTests.corpus()
        XCTAssertGreaterThan(corpus.count, 40)
        var rng = SplitMix(seed: 1)
        var inputs: [String] = []
        for text in corpus {
            let bytes = Array(text.utf8)
            for _ in 0..<12 {
                inputs.append(String(decoding: bytes[0..<rng.below(bytes.count + 1)], as: UTF8.self))
            }
        }
        assertRobust(inputs)
    }

    func testMutatedScripts() {
        let corpus = RobustnessTests.corpus()
        var rng = SplitMix(seed: 2)
        var inputs: [String] = []
        for _ in 0..<1200 {
            var bytes = Array(rng.pick(corpus).utf8)
            for _ in 0..<(1 + rng.below(4)) {
                let at = rng.below(bytes.count + 1)
                switch rng.below(4) {
                case 0: // delete a span
                    let end = min(bytes.count, at + 1 + rng.below(12))
                    bytes.removeSubrange(at..<end)
                case 1: // insert a token
                    bytes.insert(contentsOf: Array(rng.pick(RobustnessTests.vocabulary).utf8), at: at)
                case 2: // duplicate a span
                    let end = min(bytes.count, at + 1 + rng.below(40))
                    bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
                default: // overwrite one byte
                    if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: rng.next()) }
                }
            }
            inputs.append(String(decoding: bytes, as: UTF8.self))
        }
        assertRobust(inputs)
    }

    func testRandomTokenSequences() {
        var rng = SplitMix(seed: 3)
        var inputs: [String] = []
        for _ in 0..<1500 {
            var s = ""
            for _ in 0..<(1 + rng.below(40)) {
                s += rng.pick(RobustnessTests.vocabulary)
                if rng.below(3) > 0 { s += " " }
            }
            inputs.append(s)
        }
        assertRobust(inputs)
    }

    func testRandomBytes() {
        var rng = SplitMix(seed: 4)
        var inputs: [String] = []
        for _ in 0..<800 {
            let bytes = (0..<(1 + rng.below(80))).map { _ -> UInt8 in
                // Mostly printable ASCII, sometimes anything (invalid UTF-8 becomes U+FFFD).
                rng.below(4) == 0 ? UInt8(truncatingIfNeeded: rng.next()) : UInt8(32 + rng.below(95))
            }
            inputs.append(String(decoding: bytes, as: UTF8.self))
        }
        assertRobust(inputs)
    }

    // MARK: - Deep nesting

    func testDeepNestingIsAnErrorNotACrash() {
        let n = 4_000
        let inputs = [
            String(repeating: "(", count: n),
            String(repeating: "[", count: n),
            String(repeating: "{", count: n),
            String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            String(repeating: "[", count: n) + "1" + String(repeating: "]", count: n),
            "let f = " + String(repeating: "{ ", count: n) + String(repeating: "}", count: n),
            "let f = " + String(repeating: "{ x in ", count: n) + "x" + String(repeating: " }", count: n),
            String(repeating: "if true { ", count: n) + String(repeating: "}", count: n),
            String(repeating: "func f() { ", count: n) + String(repeating: "}", count: n),
            "print(" + String(repeating: "abs(", count: n) + "1" + String(repeating: ")", count: n + 1),
            "let x = " + String(repeating: "-", count: n) + "1",
            "let x = " + String(repeating: "!", count: n) + "true",
            "let x = 1" + String(repeating: " + 1", count: 8_000),
            "let x = 1" + String(repeating: " ?? 1", count: n),
            "let x = true ? 1 : " + String(repeating: "true ? 1 : ", count: n) + "2",
            "let x = [1]" + String(repeating: "[0]", count: 8_000),
            "let x = \"\"" + String(repeating: ".count.description", count: 4_000),
            "print(1)" + String(repeating: "!", count: 8_000),
            "let f = { 1 }\nf" + String(repeating: "()", count: 8_000),
            String(repeating: "\"\\(", count: n) + "1" + String(repeating: ")\"", count: n),
            String(repeating: "\"\\(", count: n),
            "let t: " + String(repeating: "[", count: n) + "Int" + String(repeating: "]", count: n) + " = []",
            "let t: " + String(repeating: "(", count: n) + "Int" + String(repeating: ")", count: n) + " = 1",
            "let t: Int" + String(repeating: "?", count: n) + " = nil",
            "switch 1 { case " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n) + ": break\ndefault: break }",
            String(repeating: "/*", count: n),
            String(repeating: "x", count: 8_000) + " = 1",
        ]
        assertRobust(inputs)
    }

    // MARK: - Runtime limits

    func testRunawayRecursionIsAnError() {
        let programs = [
            "func f(_ n: Int) -> Int { f(n + 1) }\nf(0)",
            "func f(_ n: Int) -> Int { return 1 + f(n + 1) }\nprint(f(0))",
            "func a(_ n: Int) -> Int { b(n) }\nfunc b(_ n: Int) -> Int { a(n) }\na(1)",
            "var g: () -> Int = { 0 }\ng = { g() }\ng()",
            "func f(_ n: Int) -> [Int] { [n].map { f($0 + 1)[0] } }\nf(0)",
            "func f(_ xs: [Int]) -> [Int] { xs.filter { _ in f(xs).isEmpty } }\nf([1])",
            "func f(_ n: Int) -> Int { [n].reduce(0) { _, x in f(x) } }\nf(0)",
            "func f(_ n: Int) -> Int { [3, 1, 2].sorted { a, b in f(a) < b }[0] }\nf(0)",
            "func f(_ n: Int) -> String { \"\\(f(n))\" }\nf(0)",
            "func f(_ n: Int = f()) -> Int { n }\nf()",
            "func f() -> Int { let g = { f() }\n return g() }\nf()",
        ]
        for p in programs {
            let i = Interpreter()
            i.output = { _ in }
            XCTAssertThrowsError(try i.run(p, origin: "cell")) { e in
                let message = (e as? ScriptError)?.diagnostics.first?.message ?? "\(e)"
                XCTAssertTrue(message.contains("maximum recursion depth"), "\(p): \(message)")
            }
            // The session survives: the next cell runs normally.
            XCTAssertEqual(try i.run("1 + 1", origin: "next"), .int(2))
        }
    }

    func testNumericEdgesAreErrors() {
        let programs: [(String, String)] = [
            ("Int.max + 1", "arithmetic overflow"),
            ("Int.min - 1", "arithmetic overflow"),
            ("Int.max * 2", "arithmetic overflow"),
            ("-Int.min", "arithmetic overflow"),
            ("Int.min / -1", "arithmetic overflow"),
            ("Int.min % -1", "arithmetic overflow"),
            ("let z = 0\n1 / z", "division by zero"),
            ("let z = 0\n1 % z", "division by zero"),
            ("var x = Int.max\nx += 1", "arithmetic overflow"),
            ("var x = 1\nfor _ in 0..<70 { x *= 2 }", "arithmetic overflow"),
            ("let x = 99999999999999999999999999", "overflows"),
            ("let x = 0x1_0000_0000_0000_0000", "overflows"),
            ("for i in 0...Int.max { }", "Int.max"),
            ("Int(1e300)", "cannot be converted"),
            ("Int(Double.nan)", "cannot be converted"),
            ("abs(Int.min)", "overflow"),
            ("[1, 2][5]", "out of range"),
            ("[1, 2][-1]", "out of range"),
            ("let n: Int? = nil\nn!", "nil"),
            ("let x = 1\nx()", "non-function"),
            ("Array(repeating: 0, count: -1)", "count"),
            ("String(repeating: \"a\", count: -1)", "count"),
            ("[1, 2, 3].prefix(-1)", "prefix"),
            ("[1, 2, 3].suffix(-1)", "suffix"),
            ("stride(from: 0, to: 10, by: 0)", "stride"),
            ("\"abc\".split(separator: \"\")", "separator"),
            ("1 << Int.min", ""),
            ("Int.min >> Int.min", ""),
            ("(1...3).map { $0 }[3]", "out of range"),
            ("String(repeating: \"ab\", count: 1 << 62)", "too large"),
            ("let r = (0..<Int.max).map { $0 }", "too many elements"),
            ("Array(0..<Int.max)", "too many elements"),
            ("(Int.min..<Int.max).count", "more than Int.max elements"),
            ("(Int.min...Int.max).count", "more than Int.max elements"),
            ("let r = 0..<Int.max\nfor i in r { if i > 3 { break } }", ""),
            ("let r = 0...Int.max\nfor i in r { }", "Int.max"),
            ("[3, 1, 2].sorted(by: { _, _ in true }).count", ""),
            ("stride(from: Int.min, to: Int.max, by: 1)", "stride"),
            ("stride(from: Int.max, through: Int.min, by: -1)", "stride"),
            ("String(format: \"%999999999999s\", \"a\")", "at most 9999"),
            ("String(format: \"%.99999999f\", 1.0)", "at most 9999"),
            ("String(format: \"abc%\")", "argument"),
            ("[1, 2][0...Int.max]", "out of bounds"),
            ("Double.random(in: 4611686018427387904..<4611686018427387905)", "non-empty"),
            ("var ys = [1, 2]\nys.append(contentsOf: 0...Int.max)", "contentsOf"),
        ]
        for (p, expected) in programs {
            let i = Interpreter()
            i.output = { _ in }
            do {
                _ = try i.run(p, origin: "cell")
                XCTAssertTrue(expected.isEmpty, "\(p) ran without the expected error '\(expected)'")
            } catch let e as ScriptError {
                let message = e.diagnostics.first?.message ?? ""
                XCTAssertTrue(message.contains(expected), "\(p): \(message)")
                for d in e.diagnostics { XCTAssertEqual(RobustnessTests.locationProblems(d, p), []) }
            } catch { XCTFail("\(p): \(error)") }
        }
    }

    func testDeeplyNestedValuesDoNotCrash() {
        let programs = [
            "var a: [Any] = []\nfor _ in 0..<20000 { a = [a] }\nprint(a.count)\nprint(a == a)\nlet s = \"\\(a)\"\nprint(s.count)",
            "var o: Int? = 1\nvar t: Any = 0\nfor _ in 0..<20000 { t = (t, 1) }\nprint(t)",
            "var t = (1, 2)\nvar xs = [[1]]\nfor _ in 0..<20000 { xs = [xs.flatMap { $0 }] }\nprint(xs.count)",
            "var f: () -> Int = { 0 }\nfor _ in 0..<20000 { let g = f; f = { g() + 1 } }\nprint(f())",
            "var o: Int? = 1\nvar d = [1: [1]]\nfor i in 0..<20000 { d = [i: d[i - 1] ?? []] }\nprint(d.count)",
        ]
        for p in programs {
            let i = Interpreter()
            i.output = { _ in }
            do { _ = try i.run(p, origin: "cell") } catch let e as ScriptError {
                for d in e.diagnostics { XCTAssertEqual(RobustnessTests.locationProblems(d, p), [], p) }
            } catch { XCTFail("\(p): \(error)") }
        }
    }
}
