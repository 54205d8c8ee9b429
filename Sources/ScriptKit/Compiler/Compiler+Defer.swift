/// `defer { ... }`: the body runs when the enclosing block exits, however it exits (the
/// end of the block, `return`, `break`, `continue`, an error), defers in reverse order.
/// A defer that is not reached (an earlier `return`) does not run.
extension Compiler {
    /// Compiles a defer body where it stands (it sees the names declared before it). Control
    /// cannot leave it: `return`, and `break`/`continue` to a loop outside it, are errors.
    func deferBody(_ body: [Stmt], _ location: SourceLocation) -> Exec {
        for s in body { checkNoExit(s, inLoop: false) }
        return block(body)
    }

    /// Reports `return`, and `break`/`continue` outside a loop of the defer, with swiftc's words.
    private func checkNoExit(_ s: Stmt, inLoop: Bool) {
        switch s {
        case .returnStmt(_, let l):
            error("'return' cannot transfer control out of a defer statement", l)
        case .breakStmt(let label, let l) where !inLoop || label != nil:
            error("'break' cannot transfer control out of a defer statement", l)
        case .continueStmt(let label, let l) where !inLoop || label != nil:
            error("'continue' cannot transfer control out of a defer statement", l)
        case .ifStmt(_, let a, let b, _):
            a.forEach { checkNoExit($0, inLoop: inLoop) }
            b?.forEach { checkNoExit($0, inLoop: inLoop) }
        case .guardStmt(_, let body, _), .block(let body, _), .deferStmt(let body, _):
            body.forEach { checkNoExit($0, inLoop: inLoop) }
        case .doCatch(let body, let catchBody, _):
            body.forEach { checkNoExit($0, inLoop: inLoop) }
            catchBody?.forEach { checkNoExit($0, inLoop: inLoop) }
        case .whileStmt(_, _, let body, _), .repeatWhile(_, let body, _, _), .forIn(_, _, _, _, let body, _):
            body.forEach { checkNoExit($0, inLoop: true) }
        case .switchStmt(_, _, let cases, _):
            for c in cases { c.body.forEach { checkNoExit($0, inLoop: true) } }
        default:
            break
        }
    }

    /// The block's code with its defers: `code[..<at]` runs, then the rest under a guard that
    /// runs the defer body on the way out. (`prologue` holds hoisted global functions.)
    static func withDefers(_ prologue: [ExecCode], _ code: [ExecCode], _ defers: [(at: Int, body: Exec)]) -> Exec {
        var rest = sequence(Array(code[defers[defers.count - 1].at...]))
        for k in stride(from: defers.count - 1, through: 0, by: -1) {
            let tail = rest, body = defers[k].body
            let guarded: Exec = { f in
                let flow: Flow
                do {
                    flow = try tail(f)
                } catch {
                    // The first error wins; one thrown by the defer body itself is dropped.
                    _ = try? body(f)
                    throw error
                }
                _ = try body(f)
                return flow
            }
            let start = k == 0 ? 0 : defers[k - 1].at
            rest = sequence(code[start..<defers[k].at].map { $0 } + [ExecCode(run: guarded)])
        }
        return sequence(prologue + [ExecCode(run: rest)])
    }
}
