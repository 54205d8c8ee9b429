import Foundation
import ScriptKit

/// Options of a headless run.
public struct RunOptions {
    /// `--param` overrides as `name=value` texts, in order.
    public var parameters: [String] = []
    /// Run on past failing cells (`--allow-errors`).
    public var allowErrors = false
    /// The folder reports and figures go to.
    public var outputDirectory = "reports"
    /// Called with each output item as cells produce it (streaming to stdout).
    public var onOutput: ((DisplayItem) -> Void)?
    /// With cells in a worker: called after each batch of outputs was passed to `onOutput`
    /// (and `onResult`), so that a buffering writer can write the batch out at once.
    public var onBatchEnd: (() -> Void)?
    /// Called with a cell's rendered error as soon as it fails.
    public var onError: ((String) -> Void)?
    /// Called with a cell's execution count and the items of its displayed value (its last
    /// expression) instead of `onOutput`, so a terminal can print `Out[n]: ...`.
    public var onResult: ((Int, [DisplayItem]) -> Void)?
    /// Called with the state of each progress bar as long library work reports it (a
    /// terminal draws it with a `ProgressRenderer`); nil draws nothing. Reports keep only
    /// each bar's summary line either way.
    public var onProgress: ((ProgressSnapshot) -> Void)?
    /// Catch SIGINT and SIGTERM while cells run (`RunSignals`): the running cell stops, the
    /// rest are not run, and the report says which signal ended the run.
    public var handlesSignals = false
    /// Run the cells in a worker process with these limits (`swiftnb run`'s default); nil
    /// runs them in this process (`--in-process`). The worker's figure folder and stem are
    /// set by the runner.
    public var worker: WorkerOptions?

    /// Default options.
    public init() {}
}

/// Runs a notebook headlessly, cell by cell in one session, into a `RunReport`.
///
/// The error policy (nbclient's): a failing cell stops the run unless it is tagged
/// `raises-exception` (then an error is expected) or `allowErrors` is set; cells tagged
/// `skip-execution` are not run. After the parameters cell, `--param` overrides replace the
/// defaults (papermill's injected cell).
public enum NotebookRunner {
    /// Runs `notebook` (file name `name`) and returns what each cell did.
    ///
    /// - Throws: `ParameterError` for bad overrides, `NotebookCheckFailure` for syntax, name
    ///   and type errors (both before any cell runs), `WorkerStartError` when the worker
    ///   process cannot be started.
    public static func run(_ notebook: Notebook, name: String, options: RunOptions) throws -> RunReport {
        let assignments = try Parameters.parseAssignments(options.parameters)
        let overrides = try validateParameters(options.parameters, for: notebook)
        var stem = name.hasSuffix(".swiftnb") ? String(name.dropLast(8)) : name
        if !assignments.isEmpty { stem += "-" + Parameters.hash(assignments) }
        let figures = (options.outputDirectory as NSString).appendingPathComponent("figures")
        let engine: CellEngine
        if var worker = options.worker {
            worker.figuresDirectory = figures
            worker.figureStem = stem
            let session = try WorkerSession(options: worker)
            session.onBatchEnd = options.onBatchEnd
            engine = session
        } else {
            engine = Session(figuresDirectory: figures, figureStem: stem)
        }
        engine.onOutput = options.onOutput
        engine.onProgress = options.onProgress
        var executionCount = 0
        if let onResult = options.onResult {
            engine.onResult = { items in onResult(executionCount, items) }
        }
        // The whole notebook is type-checked first: an error anywhere means nothing runs.
        let checker = (engine as? Session)?.interpreter ?? Session().interpreter
        let problems = NotebookChecker.typeErrors(in: notebook, name: name, interpreter: checker)
        if !problems.isEmpty { throw NotebookCheckFailure(problems: problems) }
        if options.handlesSignals { RunSignals.install((engine as? Session)?.interpreter) }
        defer { if options.handlesSignals { RunSignals.detach() } }
        let interrupted = { options.handlesSignals && RunSignals.receivedSignal != nil }

        var outcomes: [CellOutcome] = []
        var stopped = false
        for (index, cell) in notebook.cells.enumerated() {
            guard cell.kind == .code else {
                outcomes.append(CellOutcome(index: index, cell: cell, status: .prose))
                continue
            }
            if interrupted() { stopped = true }
            if stopped { outcomes.append(CellOutcome(index: index, cell: cell, status: .notRun)); continue }
            if cell.hasTag("skip-execution") || cell.isBlank {
                outcomes.append(CellOutcome(index: index, cell: cell, status: cell.isBlank ? .ok : .skipped))
                continue
            }
            let chunk = NotebookChecker.chunk(cell, index: index, name: name)
            executionCount += 1
            let result = engine.execute(cell.source, origin: chunk.origin, cellName: slug(cell.title) ?? "cell\(index + 1)",
                                        firstLine: chunk.firstLine, context: chunk.context)
            var outcome = CellOutcome(index: index, cell: cell, status: .ok, outputs: result.outputs,
                                      duration: result.duration, resultIndex: result.resultIndex)
            if let error = result.error {
                outcome.error = result.errorText
                if error.isInterrupt && interrupted() {
                    outcome.status = .interrupted
                    stopped = true
                } else if cell.hasTag("raises-exception") && result.failure == nil {
                    outcome.status = .expectedError
                } else {
                    outcome.status = .failed
                    options.onError?(result.errorText ?? error.description)
                    // A lost worker took the session's state: later cells cannot run.
                    if !options.allowErrors || result.failure?.lostState == true { stopped = true }
                }
            }
            if cell.hasTag("parameters") {
                for o in overrides { engine.defineConstant(o.name, value: o.value) }
            }
            outcomes.append(outcome)
        }
        var report = RunReport(notebookName: name,
                               overriddenParameters: zip(assignments, overrides).map { ($0.0.name, "\($0.1.value)") },
                               cells: outcomes)
        if options.handlesSignals { report.interruptingSignal = RunSignals.receivedSignal }
        return report
    }

    /// Checks `--param` overrides against the notebook's parameters cell without running
    /// anything, and returns them coerced to the defaults' types.
    ///
    /// - Throws: `ParameterError` for malformed texts, unknown names and bad values.
    public static func validateParameters(_ texts: [String], for notebook: Notebook) throws -> [(name: String, value: Value)] {
        let assignments = try Parameters.parseAssignments(texts)
        let declared = try Parameters.declared(in: notebook)
        if !assignments.isEmpty && notebook.parametersCell == nil {
            throw ParameterError.noParametersCell(names: assignments.map(\.name))
        }
        return try Parameters.coerce(assignments, to: declared)
    }

    /// A file-name slug of a cell title: lowercase letters, digits and dashes.
    static func slug(_ title: String?) -> String? {
        guard let title else { return nil }
        var out = ""
        for c in title.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        return out.isEmpty ? nil : String(out.prefix(48))
    }
}

/// Syntax, name or type errors found in a notebook before it ran (nothing ran).
public struct NotebookCheckFailure: Error, CustomStringConvertible {
    /// Each rendered diagnostic, in file order.
    public var problems: [String]

    /// The diagnostics, separated by newlines.
    public var description: String { problems.joined(separator: "\n") }
}
