import ScriptKit

/// Where a notebook's cells run: in this process (`Session`) or in a worker process
/// (`WorkerSession`), which a native crash cannot take the report or the REPL down with.
/// The runner and the REPL see only this.
public protocol CellEngine: AnyObject {
    /// Called with each output item as soon as it is produced.
    var onOutput: ((DisplayItem) -> Void)? { get set }
    /// Called with the items of a chunk's displayed value instead of `onOutput` (nil: they go
    /// to `onOutput`).
    var onResult: (([DisplayItem]) -> Void)? { get set }
    /// Called with the state of each progress bar that long library work reports (nil: bars
    /// are not drawn; their summary lines are printed output either way).
    var onProgress: ((ProgressSnapshot) -> Void)? { get set }
    /// Runs `source` as one chunk named `origin`; `cellName` names the figures it shows. When
    /// `origin` is a file, `firstLine` is the chunk's first line in it and `context` names the
    /// cell in messages.
    func execute(_ source: String, origin: String, cellName: String?, firstLine: Int, context: String?) -> Session.Execution
    /// Defines or replaces a constant global (a `--param` override).
    func defineConstant(_ name: String, value: Value)
    /// Tab-completion candidates for `word` at the end of `line` (see `Completion`).
    func completions(word: String, line: String) -> [String]
    /// The `:help NAME` text, nil when the name is unknown.
    func help(_ name: String) -> String?
    /// The `:vars` listing: one line per global, or "(no variables)".
    func variablesText() -> String
    /// True when `source` needs a continuation line.
    func isIncomplete(_ source: String) -> Bool
}

extension CellEngine {
    /// Runs a chunk whose diagnostics count its own lines (a REPL entry).
    public func execute(_ source: String, origin: String, cellName: String?) -> Session.Execution {
        execute(source, origin: origin, cellName: cellName, firstLine: 1, context: nil)
    }
}

extension Session: CellEngine {
    public func defineConstant(_ name: String, value: Value) {
        interpreter.define(name, value: value, constant: true)
    }

    public func completions(word: String, line: String) -> [String] {
        Completion.candidates(word: word, line: line, session: self)
    }

    public func help(_ name: String) -> String? {
        interpreter.registry.help(name).map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }
    }

    public func variablesText() -> String {
        let vars = interpreter.globals
        if vars.isEmpty { return "(no variables)\n" }
        return vars.map { v in
            if case .function = v.value { return "\(v.name): function\n" }
            return "\(v.name): \(v.value.typeName) = \(v.value)\n"
        }.joined()
    }

    public func isIncomplete(_ source: String) -> Bool {
        interpreter.isIncomplete(source)
    }
}
