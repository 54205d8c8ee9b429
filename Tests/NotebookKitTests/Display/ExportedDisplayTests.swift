import Foundation
import XCTest
@testable import NotebookKit

/// `history.plot()` is NotebookKit's extension of a library type; an exported notebook
/// gets the same source, so that it compiles as plain Swift.
final class ExportedDisplayTests: XCTestCase {
    func testExportedSourceIsTheExtensionVerbatim() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/NotebookKit/Display/Library/TrainingHistory+Plot.swift")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = SwiftPackageExport(notebook: Notebook(text: "// %%\nprint(1)\n"), name: "p.swiftnb",
                                        swiftnbPackagePath: PublicSymbols.packageRoot)
        try export.write(to: dir)
        let exported = dir + "/Sources/" + export.productName + "/" + ExportedDisplay.fileName
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), try String(contentsOfFile: exported, encoding: .utf8))
    }

    func testExportedNotebookCallingPlotTypeChecks() throws {
        let nb = Notebook(text: """
            // %%
            var history = TrainingHistory()
            let fig: Figure = try history.plot(width: 400, title: "curves")
            try fig.save("curves.png")
            """)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("swiftnb-export-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = SwiftPackageExport(notebook: nb, name: "plot.swiftnb", swiftnbPackagePath: PublicSymbols.packageRoot)
        try export.write(to: dir)
        XCTAssertEqual(try SwiftcOracle.typeCheck(package: dir, product: export.productName), "")
    }
}
