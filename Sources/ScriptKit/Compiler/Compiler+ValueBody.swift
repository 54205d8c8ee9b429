/// Function bodies that are only a chain of tests and returns (`if n < 2 { return n };
/// return fib(n - 1) + fib(n - 2)`, a single expression, `guard ... else { return x }`)
/// compile to one expression: no statement closures and no `Flow` per call.
extension Compiler {
    /// Whether `statements` form such a chain: each is `if` / `guard` with plain boolean
    /// conditions whose branches are chains, ending in `return value`.
    static func isValueChain(_ statements: [Stmt]) -> Bool {
        guard let first = statements.first else { return false }
        let rest = Array(statements.dropFirst())
        switch first {
        case .returnStmt(let value, _):
            return value != nil && rest.isEmpty
        case .ifStmt(let conditions, let thenBody, let elseBody, _):
            guard plainConditions(conditions), isValueChain(thenBody) else { return false }
            if let elseBody { return rest.isEmpty && isValueChain(elseBody) }
            return isValueChain(rest)
        case .guardStmt(let conditions, let elseBody, _):
            return plainConditions(conditions) && isValueChain(elseBody) && isValueChain(rest)
        default:
            return false
        }
    }

    static func plainConditions(_ conditions: [Condition]) -> Bool {
        !conditions.isEmpty && conditions.allSatisfy { if case .expr = $0 { return true } else { return false } }
    }

    /// Compiles a chain accepted by `isValueChain` to the value it returns.
    func valueChain(_ statements: [Stmt]) -> Eval {
        let rest = Array(statements.dropFirst())
        switch statements[0] {
        case .returnStmt(let value?, _):
            return expr(value, expected: currentReturnType)
        case .ifStmt(let conditions, let thenBody, let elseBody, let l):
            let test = conditionList(conditions, l)
            let yes = valueChain(thenBody)
            let no = valueChain(elseBody ?? rest)
            return { f in try test(f) ? try yes(f) : try no(f) }
        case .guardStmt(let conditions, let elseBody, let l):
            let test = conditionList(conditions, l)
            let no = valueChain(elseBody)
            let yes = valueChain(rest)
            return { f in try test(f) ? try yes(f) : try no(f) }
        default:
            return failed("internal error: not a value chain", SourceLocation(line: 1, column: 1))
        }
    }
}
