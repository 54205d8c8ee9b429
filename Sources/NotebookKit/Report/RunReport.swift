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

    /// An outcome.
    public init(index: Int, cell: Cell, status: CellStatus, outputs: [DisplayItem] = [],
                error: String? = nil, duration: Double = 0) {
        self.index = index
        self.cell = cell
        self.status = status
        self.outputs = outputs
        self.error = error
        self.duration = duration
    }
}

/// Everything a report shows about one run of a notebook.
public struct RunReport: Sendable {
    /// The notebook's file name (`tour.swiftnb`).
    public var notebookName: String
    /// Parameter values that differ from the notebook's defaults, in the order given.
    public var overriddenParameters: [(name: String, value: String)]
    /// One outcome per cell, in notebook order.
    public var cells: [CellOutcome]

    /// A report.
    public init(notebookName: String, overriddenParameters: [(name: String, value: String)] = [],
                cells: [CellOutcome]) {
        self.notebookName = notebookName
        self.overriddenParameters = overriddenParameters
        self.cells = cells
    }

    /// Whether any cell failed the run.
    public var failed: Bool { cells.contains { $0.status == .failed } }

    /// The report's file stem: the notebook name without `.swiftnb`.
    public var stem: String {
        notebookName.hasSuffix(".swiftnb") ? String(notebookName.dropLast(8)) : notebookName
    }
}
