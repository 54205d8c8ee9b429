/// What happened to one cell in a run.
public enum CellStatus: String, Codable, Sendable {
    /// A prose cell (nothing to run).
    case prose
    /// The cell ran without error.
    case ok
    /// The cell raised an error that failed the run (or was allowed by `--allow-errors`).
    case failed
    /// The cell is tagged `raises-exception` and raised, as expected.
    case expectedError = "expected-error"
    /// The cell is tagged `skip-execution`.
    case skipped
    /// A run stopped at an earlier failing cell before reaching this one.
    case notRun = "not-run"
    /// The run was interrupted (SIGINT, SIGTERM) while this cell ran.
    case interrupted
}

/// The outcome of one cell: its status, outputs in order, and the error text if it failed.
public struct CellOutcome: Sendable {
    /// Position of the cell in the notebook (0-based).
    public var index: Int
    /// The cell itself.
    public var cell: Cell
    /// What happened.
    public var status: CellStatus
    /// Outputs in the order the cell produced them (printed text, tables, images).
    public var outputs: [DisplayItem]
    /// The rendered error (location, quoted line, caret, message) if the cell raised.
    public var error: String?
    /// Seconds the cell took (kept out of report bodies; recorded in run.json).
    public var duration: Double
    /// Where in `outputs` the cell's displayed value (its last expression) begins, if it
    /// showed one; reports mark those items as the cell's result (Jupyter's `Out[n]`).
    public var resultIndex: Int?

    /// An outcome.
    public init(index: Int, cell: Cell, status: CellStatus, outputs: [DisplayItem] = [],
                error: String? = nil, duration: Double = 0, resultIndex: Int? = nil) {
        self.index = index
        self.cell = cell
        self.status = status
        self.outputs = outputs
        self.error = error
        self.duration = duration
        self.resultIndex = resultIndex
    }

    /// Outputs the cell printed or showed with `show(_:)`, before its result.
    public var printedOutputs: ArraySlice<DisplayItem> { outputs[..<(resultIndex ?? outputs.count)] }

    /// The items of the cell's displayed value (empty when it showed none).
    public var resultOutputs: ArraySlice<DisplayItem> { outputs[(resultIndex ?? outputs.count)...] }

    /// Whether the cell's code ran (to the end or to an error); such cells get an
    /// execution count.
    public var ran: Bool { [.ok, .failed, .expectedError, .interrupted].contains(status) && !cell.isBlank }
}

/// Everything a report shows about one run of a notebook.
public struct RunReport: Sendable {
    /// The notebook's file name (`tour.swiftnb`).
    public var notebookName: String
    /// Parameter values that differ from the notebook's defaults, in the order given.
    public var overriddenParameters: [(name: String, value: String)]
    /// One outcome per cell, in notebook order.
    public var cells: [CellOutcome]
    /// The signal that interrupted the run (`SIGINT`, `SIGTERM`), if one did.
    public var interruptingSignal: Int32?

    /// A report.
    public init(notebookName: String, overriddenParameters: [(name: String, value: String)] = [],
                cells: [CellOutcome]) {
        self.notebookName = notebookName
        self.overriddenParameters = overriddenParameters
        self.cells = cells
    }

    /// Whether any cell failed the run.
    public var failed: Bool { cells.contains { $0.status == .failed } }

    /// Jupyter's execution counts: the n-th code cell that ran gets n, others nil.
    public var executionCounts: [Int?] {
        var n = 0
        return cells.map { outcome in
            guard outcome.cell.kind == .code, outcome.ran else { return nil }
            n += 1
            return n
        }
    }

    /// The report's file stem: the notebook name without `.swiftnb`.
    public var stem: String {
        notebookName.hasSuffix(".swiftnb") ? String(notebookName.dropLast(8)) : notebookName
    }
}
