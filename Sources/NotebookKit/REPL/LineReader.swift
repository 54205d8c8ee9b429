import Foundation

/// A source of input lines for the REPL: readline on a terminal, plain stdin otherwise.
public protocol LineReader: AnyObject {
    /// Reads one line shown after `prompt`, without its newline; nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String?
    /// Remembers a complete entry in the history (a no-op where there is none).
    func addHistory(_ entry: String)
    /// Writes the history to disk (a no-op where there is none).
    func saveHistory()
    /// True when the last `readLine` ended with Ctrl-C, so the entry being typed is dropped.
    var lineWasCancelled: Bool { get }
}

extension LineReader {
    /// Plain readers cannot be cancelled mid-line.
    public var lineWasCancelled: Bool { false }
}

/// Reads plain lines from standard input without a prompt echo of its own (so the REPL can
/// be driven and tested through a pipe). Prompts are written to standard output.
public final class StdinLineReader: LineReader {
    private let showPrompt: Bool

    /// A reader of stdin; `showPrompt` writes the prompt before each line.
    public init(showPrompt: Bool = true) {
        self.showPrompt = showPrompt
    }

    public func readLine(prompt: String) -> String? {
        if showPrompt {
            FileHandle.standardOutput.write(Data(prompt.utf8))
        }
        return Swift.readLine(strippingNewline: true)
    }

    public func addHistory(_ entry: String) {}
    public func saveHistory() {}
}

/// Chooses readline when standard input is a terminal, plain lines otherwise.
public enum LineReaders {
    /// The reader for this process, with history kept in `historyPath` when interactive.
    public static func standard(historyPath: String, completer: @escaping (String, String) -> [String]) -> LineReader {
        if isatty(STDIN_FILENO) == 1 {
            return ReadlineLineReader(historyPath: historyPath, completer: completer)
        }
        return StdinLineReader(showPrompt: false)
    }
}
