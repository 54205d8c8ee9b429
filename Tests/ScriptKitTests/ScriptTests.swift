import Foundation
import XCTest
@testable import ScriptKit

/// Runs every script under `Scripts/<feature>/<case>.swift` (jlox style).
///
/// Expectations are comments: `// expect: text` is the next line of output; `// expect error:
/// message` says an error with exactly that message is reported on the comment's own line.
/// A line `// cell` splits a script into chunks run one after another in one interpreter
/// (an error in one chunk does not stop the next, as in the REPL).
final class ScriptTests: XCTestCase {
    static var scriptsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
    }

    static func scriptFiles() -> [URL] {
        let fm = FileManager.default
        guard let e = fm.enumerator(at: scriptsDirectory, includingPropertiesForKeys: nil) else { return [] }
        return e.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }

    struct Expectations {
        var output: [String] = []
        var errors: [(line: Int, message: String)] = []
    }

    static func expectations(in text: String) -> Expectations {
        var e = Expectations()
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let r = line.range(of: "// expect: ") {
                e.output.append(String(line[r.upperBound...]))
            } else if line.hasSuffix("// expect:") {
                e.output.append("")
            } else if let r = line.range(of: "// expect error: ") {
                e.errors.append((i + 1, String(line[r.upperBound...])))
            }
        }
        return e
    }

    /// Runs one script; returns the problems found (empty when it passes).
    static func check(_ url: URL) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ["cannot read \(url.path)"] }
        let expected = expectations(in: text)
        let interpreter = Interpreter()
        var output = ""
        interpreter.output = { output += $0 }
        var errors: [Diagnostic] = []
        // Split into cells, keeping line numbers by running each cell with its preceding lines blanked.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var starts = [0]
        for (i, l) in lines.enumerated() where l.trimmingCharacters(in: .whitespaces) == "// cell" { starts.append(i + 1) }
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] - 1 : lines.count
            let chunk = Array(repeating: "", count: start) + lines[start..<max(start, end)]
            do {
                try interpreter.run(chunk.joined(separator: "\n"), origin: url.lastPathComponent)
            } catch let e as ScriptError {
                errors += e.diagnostics
            } catch {
                errors.append(Diagnostic(origin: "?", line: 0, column: 0, message: "\(error)", sourceLine: ""))
            }
        }
        var problems: [String] = []
        var got = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if got.last == "" { got.removeLast() }
        if got != expected.output {
            problems.append("output mismatch\n  expected: \(expected.output)\n  got:      \(got)")
        }
        let gotErrors = errors.map { ($0.line, $0.message) }
        if gotErrors.count != expected.errors.count || zip(gotErrors, expected.errors).contains(where: { $0.0 != $1.line || $0.1 != $1.message }) {
            problems.append("errors mismatch\n  expected: \(expected.errors.map { "\($0.line): \($0.message)" })\n  got:      \(errors.map { "\($0.line):\($0.column): \($0.message)" })")
        }
        for d in errors where d.sourceLine.isEmpty && d.line > 0 {
            problems.append("diagnostic without source line: \(d)")
        }
        return problems
    }

    func testScripts() {
        let files = ScriptTests.scriptFiles()
        XCTAssertGreaterThan(files.count, 40, "script tests not found in \(ScriptTests.scriptsDirectory.path)")
        for url in files {
            let problems = ScriptTests.check(url)
            let name = url.deletingPathExtension().pathComponents.suffix(2).joined(separator: "/")
            XCTAssertTrue(problems.isEmpty, "\(name):\n" + problems.joined(separator: "\n"))
        }
    }
}
