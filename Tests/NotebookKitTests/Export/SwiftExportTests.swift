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

    /// Every notebook in `notebooks/` is valid Swift: its export type-checks with swiftc.
    func testEveryNotebookExportsToValidSwift() throws {
        let folder = PublicSymbols.packageRoot + "/notebooks"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swiftnb") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 6, "the notebooks are missing")
        for name in names {
            let nb = try Notebook(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-export-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let export = SwiftPackageExport(notebook: nb, name: name, swiftnbPackagePath: PublicSymbols.packageRoot)
            try export.write(to: dir)
            XCTAssertEqual(try SwiftcOracle.typeCheck(package: dir, product: export.productName), "", "\(name) is not valid Swift")
        }
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
