import ScriptKit

/// Tab completion for the REPL, through the interpreter: variables, bound names, members
/// after `.`, argument labels inside a call, and the `:` commands.
public enum Completion {
    /// The REPL's commands, completed at the start of a line.
    static let commands = [":help", ":vars", ":load", ":run", ":save", ":quit"]

    /// Candidates for `word`, the word under the cursor, given `line`, the text up to the cursor.
    public static func candidates(word: String, line: String, session: Session) -> [String] {
        let context = String(line.dropLast(word.count))
        if context.trimmingCharacters(in: .whitespaces).isEmpty && (word.hasPrefix(":") || line.hasPrefix(":")) {
            return commands.filter { $0.hasPrefix(line.trimmingCharacters(in: .whitespaces)) }
        }
        // An argument label completes with the space Swift style puts after its colon.
        return session.interpreter.completions(prefix: word, context: context).map { $0.hasSuffix(":") ? $0 + " " : $0 }
    }
}
