import ArgumentParser
import Foundation
import NotebookKit

/// The `swiftnb` command: run, explore and check `.swiftnb` notebooks.
struct SwiftNB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftnb",
        abstract: "Run, explore and check SwiftNB notebooks (.swiftnb).",
        subcommands: [Run.self, Repl.self, Check.self, Export.self, DataCommand.self, Worker.self])
}

/// The one exit path: run the command, map errors to exit codes (0 ok, 1 a cell failed,
/// 2 usage, file or parse error; swift-argument-parser's usage code 64 becomes 2).
@main
enum Main {
    static func main() {
        do {
            var command = try SwiftNB.parseAsRoot()
            try command.run()
        } catch {
            let code = SwiftNB.exitCode(for: error)
            let message = SwiftNB.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            exit(ExitCodes.map(code.rawValue))
        }
    }
}

/// Exit statuses of swiftnb.
enum ExitCodes {
    /// Every cell ran (or every error was expected or allowed).
    static let success: Int32 = 0
    /// A cell failed.
    static let cellFailed: Int32 = 1
    /// Usage, file or parse error.
    static let usage: Int32 = 2

    /// Maps swift-argument-parser's codes onto ours: 64 (EX_USAGE) becomes 2.
    static func map(_ code: Int32) -> Int32 {
        code == ExitCode.validationFailure.rawValue ? usage : code
    }
}

/// Prints an error to standard error and exits with status 2 (usage, file or parse error).
func usageFailure(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode(ExitCodes.usage)
}

/// Writes `message` to standard error, each of its problems (lines that do not start with
/// a space, unlike a quoted source line and its caret) starting with "error: ".
func printError(_ message: String) {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix(" ") || $0.isEmpty ? String($0) : "error: " + $0 }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}
