import ScriptKit

/// `swiftnb check`: parses and resolves every code cell in order, without running anything,
/// and reports every error found (syntax errors, unknown names, bad parameters).
public enum NotebookChecker {
    /// Every problem in `notebook`, in cell order. `parameters` are `--param` texts to validate.
    public static func check(_ notebook: Notebook, parameters: [String] = []) -> [String] {
        var problems: [String] = []
        do {
            let declared = try Parameters.declared(in: notebook)
            let assignments = try Parameters.parseAssignments(parameters)
            if !assignments.isEmpty && notebook.parametersCell == nil {
                throw ParameterError.noParametersCell(names: assignments.map(\.name))
            }
            _ = try Parameters.coerce(assignments, to: declared)
        } catch {
            problems.append("\(error)")
        }
        let interpreter = Interpreter(registry: Registry.standard())
        NotebookBindings.register(in: interpreter.registry, session: nil)
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .code && !cell.hasTag("skip-execution") {
            problems += interpreter.check(cell.source, origin: "cell \(index + 1)").map(\.description)
        }
        return problems
    }
}
