extension Interpreter {
    /// Reads a parameters cell: each statement must be `let name = literal` (or `var`), with
    /// literals Int, Double, String, Bool, nil or arrays of them (negative numbers allowed).
    ///
    /// - Returns: the names, values and 1-based lines, in order.
    /// - Throws: `ScriptError` locating every line that is not such a declaration.
    public static func parameters(in source: String, origin: String = "parameters") throws -> [(name: String, value: Value, line: Int)] {
        let (statements, errors, _) = Parser.parse(source)
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func diagnostic(_ e: LocatedError) -> Diagnostic {
            let line = e.location.line
            return Diagnostic(origin: origin, line: line, column: e.location.column, message: e.message,
                              sourceLine: line >= 1 && line <= lines.count ? lines[line - 1] : "")
        }
        if !errors.isEmpty { throw ScriptError(diagnostics: errors.map(diagnostic)) }
        var out: [(name: String, value: Value, line: Int)] = []
        var problems: [LocatedError] = []
        for s in statements {
            switch s {
            case .declaration(_, .name(let name, let l), let type, let value?, _):
                guard var v = Signature.constantValue(value) else {
                    problems.append(LocatedError(message: "parameter '\(name)' must be set to a literal value", location: value.location))
                    continue
                }
                if let type {
                    guard let c = conform(v, to: type) else {
                        problems.append(LocatedError(message: "parameter '\(name)': cannot convert value of type '\(v.typeName)' to '\(type)'", location: value.location))
                        continue
                    }
                    v = c
                }
                out.append((name, v, l.line))
            case .importStmt:
                continue
            default:
                problems.append(LocatedError(message: "a parameters cell may only contain 'let name = literal' lines",
                                             location: Interpreter.location(of: s)))
            }
        }
        if !problems.isEmpty { throw ScriptError(diagnostics: problems.map(diagnostic)) }
        return out
    }

    static func location(of s: Stmt) -> SourceLocation {
        switch s {
        case .expr(let e): return e.location
        case .declaration(_, _, _, _, let l), .assign(_, _, _, let l), .ifStmt(_, _, _, let l),
             .guardStmt(_, _, let l), .whileStmt(_, _, _, let l), .repeatWhile(_, _, _, let l),
             .forIn(_, _, _, _, _, let l), .switchStmt(_, _, _, let l), .breakStmt(_, let l),
             .continueStmt(_, let l), .fallthroughStmt(let l), .returnStmt(_, let l), .block(_, let l),
             .doCatch(_, _, let l), .importStmt(_, let l), .typeAlias(_, _, let l), .throwStmt(_, let l),
             .doCatchClauses(_, _, let l), .deferStmt(_, let l):
            return l
        case .function(let f): return f.location
        case .typeDecl(let d): return d.location
        }
    }
}
