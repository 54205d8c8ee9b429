import ArgumentParser
import Foundation
import NotebookKit

/// `swiftnb worker`: the hidden mode in which `run` and `repl` start this same executable to
/// run cells, answering requests on fd 3 (see `WorkerServer`). Not for direct use.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run cells for a supervising swiftnb process (internal).",
        shouldDisplay: false)

    @Option(help: "Folder for figures shown by cells.")
    var figures: String

    @Option(help: "Stem of figure file names.")
    var stem: String

    @Option(help: "Bytes of address space the cells may add to what the worker holds once started.")
    var memoryLimit: Int?

    @Flag(help: "A cell's readLine() asks the supervisor for a line instead of reading standard input.")
    var inputFromSupervisor = false

    func run() throws {
        let status = WorkerServer.serve(figuresDirectory: figures, figureStem: stem, memoryLimit: memoryLimit,
                                        inputFromSupervisor: inputFromSupervisor)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The options `run` and `repl` share for where cells run and how they are limited.
struct WorkerFlags: ParsableArguments {
    @Option(help: ArgumentHelp("End a cell that runs longer than this with an error (it is interrupted; if it does not stop within 2 s its process is killed).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Limit the memory (address space) the cells may allocate in the process that runs them, e.g. 2G or 512M; a cell that needs more ends with an error.", valueName: "size"))
    var memoryLimit: String?

    @Flag(help: "Run cells in this process rather than in a worker process (for debugging: a native crash then ends swiftnb, with no report).")
    var inProcess = false

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout needs a positive number of seconds, not \(timeout)")
        }
        if let memoryLimit, MemorySize.parse(memoryLimit) == nil {
            throw ValidationError("--memory-limit needs a size such as 2G, 512M or a number of bytes, not '\(memoryLimit)'")
        }
        if inProcess && (timeout != nil || memoryLimit != nil) {
            throw ValidationError("--timeout and --memory-limit need the worker process; drop --in-process to use them")
        }
    }

    /// Worker options (figure folder and stem to be filled in), or nil for `--in-process`.
    func workerOptions(figuresDirectory: String, figureStem: String) -> WorkerOptions? {
        if inProcess { return nil }
        return WorkerOptions(figuresDirectory: figuresDirectory, figureStem: figureStem, timeout: timeout,
                             memoryLimit: memoryLimit.flatMap(MemorySize.parse))
    }
}
