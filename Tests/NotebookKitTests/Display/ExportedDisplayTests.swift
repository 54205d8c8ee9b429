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
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), ExportedDisplay.source + "\n")
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
