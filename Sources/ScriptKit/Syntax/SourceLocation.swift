/// A position in script source: 1-based line and column (columns count characters),
/// plus the index of the chunk it came from inside one interpreter session.
public struct SourceLocation: Equatable, Hashable, Sendable {
    /// 1-based line number within the chunk.
    public var line: Int
    /// 1-based column (in characters) within the line.
    public var column: Int
    /// Index of the chunk (cell) within the interpreter that parsed it.
    var source: Int

    /// Creates a location in chunk `source` (0 when unknown).
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
        self.source = 0
    }

    init(line: Int, column: Int, source: Int) {
        self.line = line
        self.column = column
        self.source = source
    }
}

/// An error found while lexing, parsing, resolving or running script code, not yet
/// tied to a chunk's text. The interpreter turns it into a `Diagnostic`.
struct LocatedError: Error {
    var message: String
    var location: SourceLocation
    /// True when the problem is that the input ended too early (used by `isIncomplete`).
    var atEnd: Bool = false
    /// True for an error that a throwing library call threw (`try fig.save(to:)`): `catch`
    /// and `try?` handle it. Every other run-time error is a fault that Swift traps on
    /// (overflow, an index out of range, nil unwrapped): it stops the cell whatever `catch`
    /// surrounds it.
    var catchable: Bool = false
}
