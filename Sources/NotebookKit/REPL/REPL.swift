import FileKit
import Foundation
import ScriptKit

/// The interactive read-eval-print loop over a `Session`.
///
/// Each entry is read line by line while the interpreter says it is incomplete (open
/// brackets, a trailing operator), then run; the value of an expression is printed, and an
/// error leaves the session intact. Lines starting with `:` are commands.
public final class REPL {
    /// The session entries run in.
    public let session: Session
    private let reader: LineReader
    private let write: (String) -> Void
    /// Entries that ran without error, in order (what `:save` writes).
    public private(set) var history: [String] = []
    private var quit = false
    private var entryCount = 0

    /// The prompt for a new entry.
    public static let prompt = "swiftnb> "
    /// The prompt for a continuation line.
    public static let continuationPrompt = "     ...> "

    /// A REPL reading from `reader` and writing to `write` (standard output by default).
    public init(session: Session, reader: LineReader,
                write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.session = session
        self.reader = reader
        self.write = write
        session.onOutput = { [write] item in write(item.terminalText) }
    }

    /// Reads and runs entries until `:quit` or end of input (Ctrl-D).
    public func run() {
        Interrupts.install(session.interpreter)
        defer { Interrupts.uninstall(); reader.saveHistory() }
        while !quit, let entry = readEntry() {
            let trimmed = entry.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            reader.addHistory(entry)
            if trimmed.hasPrefix(":") {
                command(trimmed)
            } else {
                evaluate(entry)
            }
            reader.saveHistory()
        }
    }

    /// Reads one entry: the first line, then continuation lines while it is incomplete.
    /// Returns nil at end of input.
    func readEntry() -> String? {
        Interrupts.atPrompt = true
        defer { Interrupts.atPrompt = false }
        guard var entry = reader.readLine(prompt: REPL.prompt) else { return nil }
        if reader.lineWasCancelled { return "" }
        if entry.trimmingCharacters(in: .whitespaces).hasPrefix(":") { return entry }
        while session.interpreter.isIncomplete(entry) {
            guard let more = reader.readLine(prompt: REPL.continuationPrompt) else {
                write("\n(entry cancelled: input ended inside an unfinished statement)\n")
                return ""
            }
            // Ctrl-C on a continuation line drops the whole entry, back to the main prompt.
            if reader.lineWasCancelled { return "" }
            entry += "\n" + more
        }
        return entry
    }

    /// Runs one entry and prints its outputs or its error.
    func evaluate(_ entry: String) {
        entryCount += 1
        // Figures are named repl-N.png after the entry's number.
        let result = session.execute(entry, origin: "repl \(entryCount)", cellName: "\(entryCount)")
        if let error = result.error {
            write(error.isInterrupt ? (isatty(STDOUT_FILENO) == 1 ? "\nInterrupted.\n" : "Interrupted.\n")
                                    : error.description + "\n")
        } else {
            history.append(entry)
        }
    }

    /// The text of `:help` with no name.
    static let commandsHelp = """
    Commands:
      :help [NAME]   list commands, or show the signature and doc of a bound name
      :vars          list the session's variables and their values
      :load FILE     run a notebook's (or script's) code cells here, quietly; keep its state
      :run FILE      run a notebook's (or script's) code cells here, showing their output
      :save FILE     write this session's entries as a .swiftnb notebook
      :quit          leave (Ctrl-D too); Ctrl-C interrupts a running statement

    """

    func command(_ line: String) {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts[0]
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case ":quit", ":q", ":exit":
            quit = true
        case ":help", ":h":
            if argument.isEmpty {
                write(REPL.commandsHelp)
            } else if let text = session.interpreter.registry.help(argument) {
                write(text.hasSuffix("\n") ? text : text + "\n")
            } else {
                write("no help for '\(argument)'\n")
            }
        case ":vars":
            let vars = session.interpreter.globals
            if vars.isEmpty { write("(no variables)\n") }
            for v in vars {
                if case .function = v.value { write("\(v.name): function\n"); continue }
                write("\(v.name): \(v.value.typeName) = \(v.value)\n")
            }
        case ":load", ":run":
            guard !argument.isEmpty else { write("usage: \(name) FILE\n"); return }
            load(path: argument, quiet: name == ":load")
        case ":save":
            guard !argument.isEmpty else { write("usage: :save FILE\n"); return }
            let notebook = Notebook(cells: history.map { Cell(kind: .code, source: $0) })
            do {
                try AtomicFile.write(notebook.text, to: argument)
                write("saved \(history.count) cell(s) to \(argument)\n")
            } catch {
                write("\(error)\n")
            }
        default:
            write("unknown command \(name); :help lists the commands\n")
        }
    }

    /// Runs every code cell of a notebook file in this session.
    public func load(path: String, quiet: Bool) {
        let notebook: Notebook
        do {
            notebook = try Notebook(contentsOf: URL(fileURLWithPath: path))
        } catch {
            write("\(error)\n")
            return
        }
        let saved = session.onOutput
        if quiet { session.onOutput = nil }
        defer { session.onOutput = saved }
        var ran = 0
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .code && !cell.isBlank {
            if cell.hasTag("skip-execution") { continue }
            let file = (path as NSString).lastPathComponent
            let stem = file.hasSuffix(".swiftnb") ? String(file.dropLast(8)) : file
            // Figures are named as a run names them, after the cell's title or index.
            let cellName = stem + "-" + (NotebookRunner.slug(cell.title) ?? "cell\(index + 1)")
            let result = session.execute(cell.source, origin: "\(file) cell \(index + 1)", cellName: cellName)
            if let error = result.error, !cell.hasTag("raises-exception") {
                write(error.description + "\n")
                write("stopped loading \(path) at cell \(index + 1)\n")
                return
            }
            history.append(cell.source)
            ran += 1
        }
        write("\(quiet ? "loaded" : "ran") \(ran) cell(s) from \(path)\n")
    }
}
