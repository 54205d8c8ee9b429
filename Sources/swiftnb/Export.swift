import ArgumentParser
import Foundation
import NotebookKit

/// `swiftnb export NOTEBOOK --swift DIR`: writes the notebook as a SwiftPM package whose
/// `main.swift` holds its code cells, so that it builds into a native program.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a notebook as a Swift package (a native program of its code cells).",
        discussion: """
            Writes DIR/Package.swift and DIR/Sources/<Name>/main.swift (the code cells in order, prose \
            as comments) plus Prelude.swift (show and Table as plain Swift). Build it with \
            `swift build -c release --package-path DIR`. The package depends on the SwiftNB checkout \
            this swiftnb was built from, or on --swiftnb-package.
            Exit status: 0 written; 2 the notebook could not be read, does not check, or DIR could not be written.
            """)

    @Argument(help: "The notebook to export.")
    var notebook: String

    @Option(name: .customLong("swift"), help: ArgumentHelp("Folder to write the package into.", valueName: "DIR"))
    var directory: String

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a parameter's default: name=value.", valueName: "name=value"))
    var params: [String] = []

    @Option(name: .customLong("swiftnb-package"), help: ArgumentHelp("The SwiftNB package to depend on.", valueName: "PATH"))
    var swiftnbPackage: String?

    /// The SwiftNB checkout this executable was built from.
    static var builtFromPackage: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    func run() throws {
        let nb: Notebook
        do {
            nb = try Notebook(contentsOf: URL(fileURLWithPath: notebook))
        } catch {
            throw usageFailure("\(error)")
        }
        let problems = NotebookChecker.check(nb, name: notebook, parameters: params)
        if !problems.isEmpty {
            throw usageFailure("\(notebook): \(problems.count) error\(problems.count == 1 ? "" : "s"); fix them before exporting\n"
                               + problems.map { "\($0)" }.joined(separator: "\n"))
        }
        var export = SwiftPackageExport(notebook: nb, name: notebook,
                                        swiftnbPackagePath: swiftnbPackage ?? Export.builtFromPackage)
        do {
            export.overrides = try NotebookRunner.validateParameters(params, for: nb)
        } catch let e as ParameterError {
            throw usageFailure(e.located(in: nb, path: notebook))
        }
        do {
            try export.write(to: directory)
        } catch {
            throw usageFailure("cannot write the package to \(directory): \(error)")
        }
        print("wrote \(directory) (executable \(export.productName)); build it with: swift build -c release --package-path \(directory)")
    }
}
