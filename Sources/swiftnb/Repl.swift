import ArgumentParser
import Foundation
import NotebookKit

/// `swiftnb repl`: explore interactively with persistent state.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start an interactive session (readline on a terminal, plain lines from a pipe).",
        discussion: "Entries run in a worker process: if one crashes it, the REPL says so and starts a fresh session.")

    @Option(help: "Run a notebook's code cells first, so its state is at hand.")
    var load: String?

    @Option(help: "Folder for figures shown in the session.")
    var figures: String = "figures/repl"

    @OptionGroup var worker: WorkerFlags

    func run() throws {
        if let load {
            // A file that cannot be read is a usage error; a cell that fails while loading
            // is reported and the session starts anyway, with the state built so far.
            do { _ = try Notebook(contentsOf: URL(fileURLWithPath: load)) } catch { throw usageFailure("\(error)") }
        }
        let engine: CellEngine
        let interactive = isatty(STDIN_FILENO) == 1
        if let options = worker.workerOptions(figuresDirectory: figures, figureStem: "repl") {
            // On a terminal the worker starts once the prompt shows (`whenFirstWaiting`).
            do { engine = try WorkerSession(options: options, startNow: !interactive || load != nil) } catch { throw usageFailure("\(error)") }
        } else {
            engine = Session(figuresDirectory: figures, figureStem: "repl")
        }
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSTemporaryDirectory()
        let reader = LineReaders.standard(historyPath: (home as NSString).appendingPathComponent(".swiftnb_history"),
                                          completer: { word, line in engine.completions(word: word, line: line) })
        let repl = REPL(engine: engine, reader: reader)
        if let worker = engine as? WorkerSession {
            // A cell's readLine() reads the next line of this terminal or pipe.
            worker.onInput = { StandardInputLine.read(watchingInterrupts: interactive) }
        }
        if let readline = reader as? ReadlineLineReader, let worker = engine as? WorkerSession {
            readline.whenFirstWaiting = {
                do { try worker.startIfNeeded() } catch { printError("\(error)") }
            }
        }
        if reader is ReadlineLineReader {
            print("SwiftNB REPL. :help lists commands, Ctrl-D leaves.")
        }
        if let load { repl.load(path: load, quiet: true) }
        repl.run()
    }
}
