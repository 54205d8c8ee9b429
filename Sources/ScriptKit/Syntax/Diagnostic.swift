/// One error in a chunk of script: where it is, what was wrong, and the line it is on.
///
/// `description` renders it the way compilers do (a notebook's cells name the file and its
/// own line, with the cell as context: `tour.swiftnb:57:9: error: ... (cell 3)`):
/// ```
/// cell 3:2:9: error: cannot find 'y' in scope
///     let x = y + 1
///             ^
/// ```
public struct Diagnostic: Error, CustomStringConvertible, Equatable, Sendable {
    /// Names the chunk, e.g. "cell 3" or a file name.
    public var origin: String
    /// 1-based line within the chunk.
    public var line: Int
    /// 1-based column (in characters) within the line.
    public var column: Int
    /// What was wrong, in plain words.
    public var message: String
    /// The text of the offending line (without its newline).
    public var sourceLine: String
    /// Where in the file the chunk is, when `origin` is a file: "cell 3".
    public var context: String?

    /// Creates a diagnostic.
    public init(origin: String, line: Int, column: Int, message: String, sourceLine: String, context: String? = nil) {
        self.origin = origin
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
        self.context = context
    }

    /// `origin:line:column: error: message`, then the quoted line and a caret under the column.
    public var description: String {
        var caret = ""
        var index = 1
        for ch in sourceLine {
            if index >= column { break }
            caret.append(ch == "\t" ? "\t" : " ")
            index += 1
        }
        while index < column { caret.append(" "); index += 1 }
        let place = context.map { " (\($0))" } ?? ""
        return "\(origin):\(line):\(column): error: \(message)\(place)\n    \(sourceLine)\n    \(caret)^"
    }
}

/// The error `Interpreter.run` throws: one or more located diagnostics (all syntax errors of
/// a chunk, or the one runtime error that stopped it).
public struct ScriptError: Error, CustomStringConvertible, Sendable {
    /// Every diagnostic, in source order for syntax errors.
    public var diagnostics: [Diagnostic]
    /// True when the chunk stopped because `Interpreter.requestInterrupt()` was called.
    public var isInterrupt: Bool

    /// Creates an error from diagnostics.
    public init(diagnostics: [Diagnostic], isInterrupt: Bool = false) {
        self.diagnostics = diagnostics
        self.isInterrupt = isInterrupt
    }

    /// The rendered diagnostics, separated by newlines.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
