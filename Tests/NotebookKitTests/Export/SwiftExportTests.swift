import Foundation
import XCTest
@testable import NotebookKit
import ScriptKit

/// `swiftnb export`: a notebook becomes a Swift package whose code swiftc accepts against
/// the real libraries (the proof that the bindings mirror the Swift API).
final class SwiftExportTests: XCTestCase {
    static let notebookText = """
        // %% [markdown]
        // # Title
        // Some prose.

        // %% tags=["parameters"]
        let epochs = 3
        let name = "run"

        // %% Compute
        let t = try Tensor.zeros([2, 3])
        print(t.shape, epochs, name)

        // %% tags=["raises-exception"]
        let broken: Int = "x"
        """

    func testMainSwiftHoldsCellsInOrderWithOverridesAndCommentedErrors() throws {
        let nb = Notebook(text: Self.notebookText)
        var export = SwiftPackageExport(notebook: nb, name: "notebooks/my-first.swiftnb", swiftnbPackagePath: "/repo")
        export.overrides = [("epochs", .int(7))]
        XCTAssertEqual(export.productName, "MyFirst")
        let main = export.mainSwift
        XCTAssertTrue(main.contains("import RecommenderKit\n"))
        XCTAssertTrue(main.contains("// # Title\n// Some prose.\n"), main)
        XCTAssertTrue(main.contains("let epochs = 7  // overridden on export\nlet name = \"run\"\n"), main)
        XCTAssertTrue(main.contains("// MARK: - Cell 3: Compute\nlet t = try Tensor.zeros([2, 3])\n"), main)
        XCTAssertTrue(main.contains("// let broken: Int = \"x\"\n"), main)
        XCTAssertTrue(export.packageSwift.contains(".package(name: \"SwiftNB\", path: \"/repo\")"))
    }

    /// The exported program type-checks with swiftc against the built libraries.
    func testExportedProgramTypeChecksWithSwiftc() throws {
        let nb = Notebook(text: Self.notebookText)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = SwiftPackageExport(notebook: nb, name: "check.swiftnb", swiftnbPackagePath: PublicSymbols.packageRoot)
        try export.write(to: dir)
        let problems = try SwiftcOracle.typeCheck(package: dir, product: export.productName)
        XCTAssertEqual(problems, "", "swiftc rejects the exported notebook")
        // And it would reject a wrong call: the oracle is not blind.
        try "let x: Int = Tensor.zeros([1])\n".write(toFile: dir + "/Sources/Check/Wrong.swift", atomically: true, encoding: .utf8)
        XCTAssertTrue(try SwiftcOracle.typeCheck(package: dir, product: export.productName).contains("error"))
    }

    /// Every notebook in `notebooks/` becomes a native program: its export builds with
    /// `swift build` (one scratch folder for all of them, so the libraries compile once), and
    /// the tour's program prints every line the notebook prints, in order.
    func testEveryNotebookExportBuildsAndTheTourProgramPrintsWhatTheNotebookPrints() throws {
        let root = PublicSymbols.packageRoot
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/notebooks")
            .filter { $0.hasSuffix(".swiftnb") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 6, "the notebooks are missing")
        let work = root + "/.build/exported-notebooks"
        var programs: [String: String] = [:]
        for name in names {
            let nb = try Notebook(contentsOf: URL(fileURLWithPath: root + "/notebooks/" + name))
            let export = SwiftPackageExport(notebook: nb, name: name, swiftnbPackagePath: root)
            let package = work + "/packages/" + export.productName
            try export.write(to: package)
            let (status, output) = try PublicSymbols.run(
                ["swift", "build", "--package-path", package, "--scratch-path", work + "/scratch"], in: package)
            XCTAssertEqual(status, 0, "\(name): its export does not build:\n" + output.suffix(4000))
            programs[name] = work + "/scratch/debug/" + export.productName
        }
        let program = try XCTUnwrap(programs["tour.swiftnb"])
        let printed = try Self.lines(runningProgram: program)
        let notebookLines = try Self.printedLines(ofNotebook: root + "/notebooks/tour.swiftnb")
        XCTAssertGreaterThan(notebookLines.count, 20, "the tour prints little: the check would be weak")
        var next = printed.startIndex
        for line in notebookLines {
            guard let at = printed[next...].firstIndex(of: line) else {
                XCTFail("the exported tour does not print \"\(line)\" where the notebook does; it printed:\n"
                        + printed.joined(separator: "\n"))
                return
            }
            next = at + 1
        }
    }

    /// Standard output of an exported program run in a fresh folder (figures land there).
    static func lines(runningProgram program: String) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-run-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (status, output) = try PublicSymbols.run([program], in: folder)
        XCTAssertEqual(status, 0, output)
        return output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The lines a notebook's code cells print, run in a session in a fresh folder; shown
    /// values and each cell's displayed last value are left out (a program does not print them).
    static func printedLines(ofNotebook path: String) throws -> [String] {
        let nb = try Notebook(contentsOf: URL(fileURLWithPath: path))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-nb-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder))
        defer {
            _ = FileManager.default.changeCurrentDirectoryPath(previous)
            try? FileManager.default.removeItem(atPath: folder)
        }
        let session = Session(figuresDirectory: folder + "/shown")
        var text = ""
        for cell in nb.cells where cell.kind == .code && !cell.hasTag("raises-exception") {
            let r = session.execute(cell.source, origin: "cell")
            XCTAssertNil(r.error, "\(r.errorText ?? "")")
            for item in r.outputs[..<(r.resultIndex ?? r.outputs.count)] {
                if case .text(let t) = item { text += t }
            }
        }
        return text.split(separator: "\n").map(String.init)
    }
}

/// `swiftc -typecheck` of an exported package's sources against this build's modules.
enum SwiftcOracle {
    /// swiftc's error lines (empty when the sources type-check).
    static func typeCheck(package dir: String, product: String) throws -> String {
        let sources = dir + "/Sources/" + product
        let files = try FileManager.default.contentsOfDirectory(atPath: sources).filter { $0.hasSuffix(".swift") }.sorted()
            .map { sources + "/" + $0 }
        let arguments = ["swiftc", "-typecheck"] + files + (try PublicSymbols.moduleSearchArguments())
        let (_, output) = try PublicSymbols.run(arguments, in: PublicSymbols.packageRoot)
        return output.split(separator: "\n").filter { $0.contains("error:") }.joined(separator: "\n")
    }
}
