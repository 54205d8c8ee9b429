import Foundation
import ScriptKit

/// A notebook session: one interpreter whose state persists across the chunks it runs, plus
/// the display machinery that turns printed text and shown values into `DisplayItem`s.
///
/// `execute` is the whole pipeline for one cell, in one short function: run the source
/// (lex, parse, resolve, interpret — the interpreter stops at the first phase that reports
/// errors), then display the value of the last expression.
public final class Session {
    /// The interpreter holding the session's state.
    public let interpreter: Interpreter
    /// Where figures shown by cells are written.
    public var figuresDirectory: String
    /// The stem for figure file names (the notebook's name, plus a parameters hash if any).
    public var figureStem: String
    /// Called with each output item as soon as it is produced (streaming to a terminal).
    public var onOutput: ((DisplayItem) -> Void)?
    /// Called with the items of a chunk's displayed value (its last expression) instead of
    /// `onOutput`, so a terminal can mark them as the result (`Out[3]: ...`); when nil they
    /// go to `onOutput` like any other output.
    public var onResult: (([DisplayItem]) -> Void)?
    /// Called with each progress bar's state as long library work reports it (throttled);
    /// a terminal front end draws it (`ProgressRenderer`), a worker sends it on. Reports
    /// keep only the summary line that `ProgressReporter.finish` prints.
    public var onProgress: ((ProgressSnapshot) -> Void)?

    /// Bars made so far (numbers them).
    var progressCount = 0
    private var captured: [DisplayItem] = []
    private var currentCellName = "cell"
    private var figuresInCell = 0

    /// What one chunk produced.
    public struct Execution {
        /// Outputs in order: printed text, shown values, the last expression's value.
        public var outputs: [DisplayItem]
        /// The error that stopped the chunk, if any.
        public var error: ScriptError?
        /// Seconds the chunk took.
        public var duration: Double
        /// Where in `outputs` the displayed value's items begin, if the chunk showed one.
        public var resultIndex: Int?
        /// How the worker process failed the chunk (crashed, timed out, killed), if it did;
        /// always nil in process.
        public var failure: WorkerFailure?
        /// The worker's last lines on standard error, when it ended during the chunk.
        public var workerStderr: [String] = []

        /// The rendered error, followed by the worker's last lines on standard error when
        /// the worker ended during the chunk; nil when the chunk ran through.
        public var errorText: String? {
            guard let error else { return nil }
            guard !workerStderr.isEmpty else { return error.description }
            return error.description + "\nthe notebook process's last lines on stderr:\n"
                + workerStderr.map { "    " + $0 }.joined(separator: "\n")
        }
    }

    /// A session with the standard library and every bound library in scope.
    public init(figuresDirectory: String = "figures", figureStem: String = "notebook") {
        self.figuresDirectory = figuresDirectory
        self.figureStem = figureStem
        let registry = Registry.standard()
        interpreter = Interpreter(registry: registry)
        NotebookBindings.register(in: registry, session: self)
        interpreter.output = { [unowned self] text in self.emit(.text(text)) }
    }

    /// Runs `source` as one chunk named `origin` (e.g. "cell 3") and collects its outputs.
    /// `cellName` names figures the chunk shows (a slug of the cell's title or index). When
    /// `origin` is a file, `firstLine` is the chunk's first line in it and `context` names
    /// the cell in messages.
    public func execute(_ source: String, origin: String, cellName: String? = nil,
                        firstLine: Int = 1, context: String? = nil) -> Execution {
        captured = []
        figuresInCell = 0
        currentCellName = cellName ?? origin.replacingOccurrences(of: " ", with: "-")
        let start = DispatchTime.now().uptimeNanoseconds
        var failure: ScriptError?
        var resultIndex: Int?
        do {
            if let value = try interpreter.run(source, origin: origin, firstLine: firstLine, context: context) {
                do {
                    let items = try displayItems(for: value)
                    if !items.isEmpty {
                        resultIndex = captured.count
                        captured += items
                        if let onResult { onResult(items) } else { items.forEach { onOutput?($0) } }
                    }
                } catch {
                    // The cell's value could not be shown: point at the cell's last line.
                    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                    let last = lines.lastIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0
                    let text = lines.isEmpty ? "" : String(lines[last])
                    let column = (text.firstIndex { $0 != " " && $0 != "\t" }).map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 1
                    throw Diagnostic(origin: origin, line: last + 1, column: column, message: "\(error)", sourceLine: text)
                }
            }
        } catch let e as ScriptError {
            failure = e
        } catch let e as Diagnostic {
            failure = ScriptError(diagnostics: [e])
        } catch {
            failure = ScriptError(diagnostics: [Diagnostic(origin: origin, line: 1, column: 1,
                                                           message: "\(error)", sourceLine: "")])
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Execution(outputs: captured, error: failure, duration: seconds, resultIndex: resultIndex)
    }

    /// Shows a value richly: a displayable host object as its items, an array of table rows
    /// (`ratings.head(5)`) as a table, anything else as its description on one line. `Void`
    /// shows nothing.
    ///
    /// - Throws: `DisplayError` when a host object cannot show itself (a figure whose
    ///   settings are invalid, a folder that cannot be written).
    public func show(_ value: Value) throws {
        if case .void = value { return }
        for item in try displayItems(for: value) { emit(item) }
    }

    /// The display items of a value (does not emit them).
    ///
    /// - Throws: `DisplayError` when a host object cannot show itself.
    public func displayItems(for value: Value) throws -> [DisplayItem] {
        if case let .native(object) = value,
           let provider = object as? DisplayProvider ?? (object as? HostValueBox)?.hostValue as? DisplayProvider {
            figuresInCell += 1
            let name = figuresInCell == 1 ? "\(figureStem)-\(currentCellName)"
                                          : "\(figureStem)-\(currentCellName)-\(figuresInCell)"
            do {
                return try provider.displayItems(figuresDirectory: figuresDirectory, name: name)
            } catch {
                throw DisplayError(typeName: object.typeName, reason: "\(error)")
            }
        }
        if case let .array(values) = value, let table = DisplayTable.rows(of: values) {
            return [.table(table)]
        }
        return [.text("\(value)\n")]
    }

    private func emit(_ item: DisplayItem) {
        captured.append(item)
        onOutput?(item)
    }
}

/// A value that could not be shown.
public struct DisplayError: Error, CustomStringConvertible {
    /// The type of the value.
    public var typeName: String
    /// Why it could not be shown.
    public var reason: String

    public var description: String { "cannot show this \(typeName): \(reason)" }
}
