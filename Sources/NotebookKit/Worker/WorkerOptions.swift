/// How a `WorkerSession` starts its worker processes and limits their cells.
public struct WorkerOptions: Sendable {
    /// Where figures shown by cells are written.
    public var figuresDirectory: String
    /// The stem of figure file names.
    public var figureStem: String
    /// Seconds a cell may run (`--timeout`); nil for no limit.
    public var timeout: Double?
    /// Bytes of address space the cells may add to what the worker holds once started
    /// (`--memory-limit`, through `setrlimit(RLIMIT_AS)`; see `WorkerServer.limitAddressSpace`).
    public var memoryLimit: Int?
    /// The executable started as `EXECUTABLE worker ...` (this program by default).
    public var executable: String
    /// Whether the worker reads this process's standard input (`swiftnb run`, so that a
    /// notebook's `readLine()` reads piped answers). Otherwise (the REPL, whose own prompt
    /// reads standard input) the worker's standard input is /dev/null and a cell's
    /// `readLine()` asks this process for a line (`WorkerSession.onInput`).
    public var inheritsStandardInput = false

    /// Seconds a cell may ignore Ctrl-C before its worker is killed.
    public static let interruptGrace = 5.0
    /// Seconds a cell may take to stop after Ctrl-C when its progress bar moved within
    /// `interruptGrace` of the press: long library work (a training batch, an epoch's
    /// validation) that stops at its next check, keeping the model usable.
    public static let progressInterruptGrace = 30.0
    /// A second Ctrl-C within this many seconds of the first kills the worker at once.
    public static let doublePressWindow = 1.0
    /// Seconds a cell past `--timeout` may take to stop when interrupted before its worker
    /// is killed.
    public static let timeoutGrace = 2.0

    /// Options for workers that write figures to `figuresDirectory` named after `figureStem`.
    public init(figuresDirectory: String, figureStem: String, timeout: Double? = nil, memoryLimit: Int? = nil,
                executable: String? = nil) {
        self.figuresDirectory = figuresDirectory
        self.figureStem = figureStem
        self.timeout = timeout
        self.memoryLimit = memoryLimit
        self.executable = executable ?? WorkerProcess.currentExecutable
    }

    /// The worker's command-line arguments after the executable.
    var arguments: [String] {
        // `--name=value`, so that a value starting with "-" is not read as an option.
        var args = ["worker", "--figures=" + figuresDirectory, "--stem=" + figureStem]
        if let memoryLimit { args.append("--memory-limit=\(memoryLimit)") }
        if !inheritsStandardInput { args.append("--input-from-supervisor") }
        return args
    }
}
