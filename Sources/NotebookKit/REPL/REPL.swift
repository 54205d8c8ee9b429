import FileKit
import Foundation
import ScriptKit

/// The interactive read-eval-print loop over a `CellEngine`: a `Session` in this process, or
/// a `WorkerSession` whose worker process may crash without ending the REPL.
///
/// Each entry is read line by line while the interpreter says it is incomplete (open
/// brackets, a trailing operator), then run; the value of an expression is printed, and an
/// error leaves the session intact. Lines starting with `:` are commands. When the worker
/// is lost (a crash, a kill after Ctrl-C), the REPL says so, starts a fresh one and points at
/// `:history` and `:save`, which still hold what ran before.
public final class REPL {
    /// Where entries run.
    public let engine: CellEngine
    private let reader: LineReader
    private let write: (String) -> Void
    /// Entries that ran without error, in order (what `:save` writes).
    public private(set) var history: [String] = []
    private var quit = false
    private var entryCount = 0
    /// Draws the progress bars of long library calls (live on a terminal).
    private let bars: ProgressRenderer
    /// The Ctrl-C count when output was last written, and whether that output ended its
    /// line: after a Ctrl-C, "Interrupted." needs a newline first only when the cursor may
    /// still be behind the `^C` echo.
    private var lineEndedAfterPress = (presses: 0, endsLine: true)

    /// The prompt for a new entry.
    public static let prompt = "swiftnb> "
    /// The prompt for a continuation line.
    public static let continuationPrompt = "     ...> "

    /// A REPL over `engine`, reading from `reader` and writing to `write` (standard output
    /// by default).
    public init(engine: CellEngine, reader: LineReader,
                write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.engine = engine
        self.reader = reader
        self.write = write
        let bars = ProgressRenderer(mode: isatty(STDOUT_FILENO) == 1 ? .terminal : .plain, write: write)
        self.bars = bars
        engine.onOutput = { [unowned self] item in
            let text = item.terminalText
            bars.output(text)
            if !text.isEmpty { self.lineEndedAfterPress = (Interrupts.presses, text.hasSuffix("\n")) }
        }
        engine.onProgress = { bars.handle($0) }
        if let worker = engine as? WorkerSession {
            worker.onIdleLoss = { [unowned self] failure in
                self.write("The notebook process ended between entries (\(failure.ending)).\n")
                self.write(self.lossNotice())
            }
        }
    }

    /// A REPL over an in-process session.
    public convenience init(session: Session, reader: LineReader,
                            write: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.init(engine: session, reader: reader, write: write)
    }

    /// Reads and runs entries until `:quit` or end of input (Ctrl-D).
    public func run() {
        Interrupts.install((engine as? Session)?.interpreter)
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
        while engine.isIncomplete(entry) {
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
        InterruptPipe.drain()   // a Ctrl-C pressed at the prompt was for the prompt
        // Figures are named repl-N.png after the entry's number.
        let result = engine.execute(entry, origin: "repl \(entryCount)", cellName: "\(entryCount)")
        bars.clear()
        if let error = result.error {
            if let failure = result.failure, failure.lostState {
                // After Ctrl-C on a terminal the cursor is still behind the `^C` echo.
                let newline = failure == .killedAfterInterrupt && isatty(STDOUT_FILENO) == 1 ? "\n" : ""
                write(newline + (result.errorText ?? error.description) + "\n")
                restartAfterLoss()
                return
            }
            let behindEcho = isatty(STDOUT_FILENO) == 1
                && !(lineEndedAfterPress.presses == Interrupts.presses && lineEndedAfterPress.endsLine)
            write(error.isInterrupt ? (behindEcho ? "\nInterrupted.\n" : "Interrupted.\n")
                                    : (result.errorText ?? error.description) + "\n")
        } else {
            history.append(entry)
        }
    }

    /// After the worker was lost: starts a fresh one and tells the user what that means.
    func restartAfterLoss() {
        do {
            try (engine as? WorkerSession)?.startIfNeeded()
        } catch {
            write("error: \(error)\n")
        }
        write(lossNotice())
    }

    /// What a user needs to know after the worker was lost.
    func lossNotice() -> String {
        var text = "The notebook process is gone and its variables with it; a fresh session has started.\n"
        if history.isEmpty {
            text += "No earlier entry ran without error, so there is nothing to replay.\n"
        } else {
            let one = history.count == 1
            text += "\(history.count) earlier entr\(one ? "y" : "ies") can be replayed: :history lists \(one ? "it" : "them"), "
                + ":save FILE writes \(one ? "it" : "them") as a notebook, then :run FILE runs it.\n"
        }
        return text
    }

    /// The text of `:help` with no name.
    static let commandsHelp = """
    Commands:
      :help [NAME]   list commands, or show the signature and doc of a bound name
      :vars          list the session's variables and their values
      :load FILE     run a notebook's (or script's) code cells here, quietly; keep its state
      :run FILE      run a notebook's (or script's) code cells here, showing their output
      :save FILE     write this session's entries as a .swiftnb notebook
      :history       list the entries that ran without error (what :save writes)
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
            } else if let text = engine.help(argument) {
                write(text.hasSuffix("\n") ? text : text + "\n")
            } else {
                write("no help for '\(argument)'\n")
            }
        case ":vars":
            write(engine.variablesText())
        case ":history":
            if history.isEmpty { write("(no entries yet)\n") }
            for (i, entry) in history.enumerated() {
                let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
                write("[\(i + 1)] " + lines.joined(separator: "\n    ") + "\n")
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
        let saved = engine.onOutput
        if quiet { engine.onOutput = nil }
        defer { engine.onOutput = saved }
        var ran = 0
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .code && !cell.isBlank {
            if cell.hasTag("skip-execution") { continue }
            let file = (path as NSString).lastPathComponent
            let stem = file.hasSuffix(".swiftnb") ? String(file.dropLast(8)) : file
            // Figures are named as a run names them, after the cell's title or index.
            let cellName = stem + "-" + (NotebookRunner.slug(cell.title) ?? "cell\(index + 1)")
            let result = engine.execute(cell.source, origin: "\(file) cell \(index + 1)", cellName: cellName)
            if let failure = result.failure, failure.lostState {
                write((result.errorText ?? "") + "\n")
                write("stopped loading \(path) at cell \(index + 1)\n")
                restartAfterLoss()
                return
            }
            if let error = result.error, !cell.hasTag("raises-exception") {
                write((result.errorText ?? error.description) + "\n")
                write("stopped loading \(path) at cell \(index + 1)\n")
                return
            }
            history.append(cell.source)
            ran += 1
        }
        write("\(quiet ? "loaded" : "ran") \(ran) cell(s) from \(path)\n")
    }
}
