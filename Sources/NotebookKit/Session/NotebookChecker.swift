import ScriptKit

/// `swiftnb check`: parses and resolves every code cell in order, without running anything,
/// and reports every error found (syntax errors, unknown names, bad parameters).
public enum NotebookChecker {
    /// Every problem in `notebook`, in cell order. `parameters` are `--param` texts to validate.
    public static func check(_ notebook: Notebook, parameters: [String] = []) -> [String] {
        var problems: [String] = []
        do {
            _ = try NotebookRunner.validateParameters(parameters, for: notebook)
        } catch {
            problems.append("\(error)")
        }
        let interpreter = Interpreter(registry: Registry.standard())
        NotebookBindings.register(in: interpreter.registry, session: nil)
        for (index, cell) in notebook.cells.enumerated() where cell.kind == .code && !cell.hasTag("skip-execution") {
            let found = interpreter.check(cell.source, origin: "cell \(index + 1)")
            problems += found.map(\.description)
            // `check` does not declare a chunk's globals, so later cells would not see them:
            // declare the top-level names each cell introduces (their values are never used).
            for name in topLevelNames(in: cell.source) where interpreter.global(name) == nil {
                interpreter.define(name, value: .void, constant: false)
            }
        }
        return problems
    }

    /// Names a chunk declares at top level: `let`/`var` (also tuple patterns) and `func`.
    static func topLevelNames(in source: String) -> [String] {
        var names: [String] = []
        for line in source.split(separator: "\n") {
            guard let first = line.first, first != " ", first != "\t" else { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let keyword = words.first, ["let", "var", "func"].contains(keyword), words.count > 1 else { continue }
            var rest = Substring(line.dropFirst(keyword.count)).drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("(") {
                let inner = rest.dropFirst().prefix { $0 != ")" }
                names += inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty && $0 != "_" }
                continue
            }
            rest = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !rest.isEmpty && rest != "_" { names.append(String(rest)) }
        }
        return names
    }
}
