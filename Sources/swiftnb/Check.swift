import ArgumentParser
import Foundation
import NotebookKit

/// `swiftnb check NOTEBOOK ...`: parse and resolve names without running anything.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and resolve notebooks without running them; list every error.",
        discussion: "Exit status: 0 no problems; 2 a file could not be read or has errors.")

    @Argument(help: "Notebooks to check.")
    var notebooks: [String]

    @Option(name: .customLong("param"), help: ArgumentHelp("Check a parameter override: name=value.", valueName: "name=value"))
    var params: [String] = []

    func validate() throws {
        if notebooks.isEmpty { throw ValidationError("give at least one notebook to check") }
    }

    func run() throws {
        var failed = false
        for path in notebooks {
            let nb: Notebook
            do {
                nb = try Notebook(contentsOf: URL(fileURLWithPath: path))
            } catch {
                printError("\(error)")
                failed = true
                continue
            }
            let problems = NotebookChecker.check(nb, name: path, parameters: params)
            if problems.isEmpty {
                print("\(path): ok")
            } else {
                failed = true
                print("\(path): \(problems.count) error\(problems.count == 1 ? "" : "s")")
                for p in problems { print(p) }
            }
        }
        if failed { throw ExitCode(ExitCodes.usage) }
    }
}
