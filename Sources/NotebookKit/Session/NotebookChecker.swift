import ScriptKit

/// `swiftnb check`: parses, resolves and type-checks every code cell in order, without running
/// anything, and reports every error found (syntax, unknown names, types, bad parameters).
public enum NotebookChecker {
    /// Every problem in `notebook`, in cell order. `parameters` are `--param` texts to validate;
    /// `name` (the notebook's path) names the file in messages, which then count the file's
    /// lines (`tour.swiftnb:57:9: error: ... (cell 7)`); without it they count the cell's.
    public static func check(_ notebook: Notebook, name: String? = nil, parameters: [String] = []) -> [String] {
        var problems: [String] = []
        do {
            _ = try NotebookRunner.validateParameters(parameters, for: notebook)
        } catch {
            problems.append("\(error)")
        }
        let session = Session()
        problems += typeErrors(in: notebook, name: name, interpreter: session.interpreter)
        return problems
    }

    /// Parses, resolves and type-checks every code cell in order, as one program (each cell
    /// sees what earlier cells declare), without running any. Errors in cells tagged
    /// `raises-exception` are expected and not reported; `skip-execution` cells are left out.
    public static func typeErrors(in notebook: Notebook, name: String?, interpreter: Interpreter) -> [String] {
        var chunks: [Interpreter.SourceChunk] = []
        var expectedToFail = Set<Int>()
        for (index, cell) in notebook.cells.enumerated()
        where cell.kind == .code && !cell.hasTag("skip-execution") && !cell.isBlank {
            if cell.hasTag("raises-exception") { expectedToFail.insert(chunks.count) }
            chunks.append(chunk(cell, index: index, name: name))
        }
        return interpreter.check(chunks, skipping: expectedToFail).flatMap { $0.map(\.description) }
    }

    /// How a cell is named to the interpreter: by the file and its lines when `name` is known.
    static func chunk(_ cell: Cell, index: Int, name: String?) -> Interpreter.SourceChunk {
        if let name {
            return Interpreter.SourceChunk(source: cell.source, origin: name, firstLine: cell.firstBodyLine, context: "cell \(index + 1)")
        }
        return Interpreter.SourceChunk(source: cell.source, origin: "cell \(index + 1)")
    }
}
