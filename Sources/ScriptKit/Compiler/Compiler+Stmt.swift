/// Statements.
extension Compiler {
    func statement(_ s: Stmt) -> Exec {
        let rt = runtime
        switch s {
        case .expr(let e):
            let code = expr(e)
            return { f in _ = try code(f); return .normal }

        case .declaration(let isConstant, let pattern, let type, let value, let location):
            // Not `value.map { expr(...) }`: a closure taken out of an optional is called
            // through a reabstraction thunk.
            let binder = bind(pattern, constant: isConstant, location, type: type)
            guard let value else {
                if let type, case .optional = type {
                    return { f in try binder(f, .optional(nil)); return .normal }
                }
                return { _ in .normal }
            }
            let valueCode = expr(value, expected: type)
            if let type {
                let what: String
                if case .name(let n, _) = pattern { what = "'\(n)'" } else { what = "the declaration" }
                return { f in
                    let v = try rt.coerce(try valueCode(f), to: type, what: what, at: location)
                    try binder(f, v)
                    return .normal
                }
            }
            if case .name(let n, let l) = pattern, case .slot(let i) = resolver.lookup(n)?.ref ?? .slot(-1), i >= 0 {
                _ = l
                return { f in f.slots[i] = try valueCode(f); return .normal }
            }
            return { f in try binder(f, try valueCode(f)); return .normal }

        case .function(let decl):
            // Only reached for functions not hoisted (never: blocks hoist all of them).
            let ref = declare(decl.name, constant: true, decl.location)
            let make = closure(decl)
            let st = store(ref)
            return { f in st(f, try make(f)); return .normal }

        case .assign(let target, let op, let value, let location):
            return assignment(target, op, value, location)

        case .ifStmt(let conditions, let thenBody, let elseBody, let location):
            resolver.pushBlock()
            let test = conditionList(conditions, location)
            let thenCode = block(thenBody)
            resolver.popBlock()
            let elseCode = elseBody.map { block($0) }
            if let elseCode {
                return { f in try test(f) ? try thenCode(f) : try elseCode(f) }
            }
            return { f in try test(f) ? try thenCode(f) : .normal }

        case .guardStmt(let conditions, let elseBody, let location):
            let elseCode = block(elseBody)
            if !Compiler.exits(elseBody) {
                error("'guard' body must not fall through; end it with 'return', 'break' or 'continue'", location)
            }
            let test = conditionList(conditions, location)
            return { f in try test(f) ? .normal : try elseCode(f) }

        case .whileStmt(let label, let conditions, let body, let location):
            let id = pushTarget(label, isLoop: true)
            resolver.pushBlock()
            let test = conditionList(conditions, location)
            let bodyCode = block(body)
            resolver.popBlock()
            targets.removeLast()
            return { f in
                while try test(f) {
                    if let exit = Flow.afterLoopBody(try bodyCode(f), loop: id) { return exit }
                    if rt.interruptFlag.pointee != 0 { try rt.checkInterrupt(location) }
                }
                return .normal
            }

        case .repeatWhile(let label, let body, let condition, let location):
            let id = pushTarget(label, isLoop: true)
            let bodyCode = block(body)
            targets.removeLast()
            let test = expr(condition)
            let cl = condition.location
            return { f in
                repeat {
                    if let exit = Flow.afterLoopBody(try bodyCode(f), loop: id) { return exit }
                    if rt.interruptFlag.pointee != 0 { try rt.checkInterrupt(location) }
                } while try rt.truth(try test(f), at: cl)
                return .normal
            }

        case .forIn(let label, let pattern, let sequence, let whereClause, let body, let location):
            return forIn(label, pattern, sequence, whereClause, body, location)

        case .switchStmt(let label, let subject, let cases, let location):
            return switchStatement(label, subject, cases, location)

        case .breakStmt(let label, let location):
            guard let t = findTarget(label, loopOnly: false, location) else { return { _ in .normal } }
            let flow = Flow.breakOut(t)
            return { _ in flow }

        case .continueStmt(let label, let location):
            guard let t = findTarget(label, loopOnly: true, location) else { return { _ in .normal } }
            let flow = Flow.continueLoop(t)
            return { _ in flow }

        case .fallthroughStmt:
            return { _ in .fallthroughCase }

        case .returnStmt(let value, let location):
            if functionDepth == 0 {
                error("'return' is only allowed inside a function", location)
            }
            guard let value else { return { _ in .returned(.void) } }
            let code = expr(value, expected: currentReturnType)
            return { f in .returned(try code(f)) }

        case .block(let statements, _):
            // A multi-name declaration: names go to the enclosing scope.
            return Compiler.sequence(statements.map { ExecCode(run: statement($0)) })

        case .doCatch(let body, let catchBody, _):
            let bodyCode = block(body)
            guard let catchBody else { return bodyCode }
            resolver.pushBlock()
            let errorRef = declare("error", constant: true, SourceLocation(line: 0, column: 0))
            let st = store(errorRef)
            let catchCode = block(catchBody)
            resolver.popBlock()
            return { f in
                do {
                    return try bodyCode(f)
                } catch let e as LocatedError where e.catchable {
                    st(f, .string(e.message))
                    return try catchCode(f)
                } catch let e as ThrownError {
                    st(f, e.value)
                    return try catchCode(f)
                }
            }

        case .importStmt, .typeAlias:
            return { _ in .normal }

        case .typeDecl:
            // Hoisted into the block's prologue (see `block`).
            return { _ in .normal }

        case .throwStmt(let value, let l):
            let code = expr(value)
            return { f in throw ThrownError(value: try code(f), location: l) }

        case .doCatchClauses(let body, let clauses, _):
            return doCatch(body, clauses)

        case .deferStmt(_, let location):
            // Blocks compile their defers (see `block`); a defer anywhere else is misplaced.
            error("'defer' must be a statement of a block", location)
            return { _ in .normal }
        }
    }

    /// `do { } catch pattern { } ...`: the first clause whose pattern (and `where`) matches
    /// the thrown value runs; host errors match a bare `catch` (bound to their message).
    func doCatch(_ body: [Stmt], _ clauses: [CatchClause]) -> Exec {
        let rt = runtime
        let bodyCode = block(body)
        var compiled: [(matcher: Matcher?, castType: String?, guardCode: Eval?, errorStore: ((Frame, Value) -> Void)?, body: Exec, at: SourceLocation)] = []
        for c in clauses {
            resolver.pushBlock()
            var declared: [String: VarRef] = [:]
            var errorStore: ((Frame, Value) -> Void)? = nil
            if c.pattern == nil { errorStore = store(declare("error", constant: true, c.location)) }
            let matcher = c.pattern.map { pattern($0, &declared) }
            var castName: String? = nil
            if case .named(let n)? = c.castType { castName = n }
            let guardCode = c.guardExpr.map { expr($0) }
            let code = block(c.body)
            resolver.popBlock()
            compiled.append((matcher, castName, guardCode, errorStore, code, c.guardExpr?.location ?? c.location))
        }
        return { f in
            do {
                return try bodyCode(f)
            } catch let e as ThrownError {
                for c in compiled {
                    if let t = c.castType, e.value.bindingTypeName != t,
                       !(e.value.scriptObject?.type.conformances.contains(t) ?? false), t != "Error" { continue }
                    if let m = c.matcher, !(try m(f, e.value)) { continue }
                    c.errorStore?(f, e.value)
                    if let g = c.guardCode, !(try rt.truth(try g(f), at: c.at)) { continue }
                    return try c.body(f)
                }
                throw e
            } catch let e as LocatedError where e.catchable {
                for c in compiled where c.matcher == nil && c.castType == nil {
                    c.errorStore?(f, .string(e.message))
                    if let g = c.guardCode, !(try rt.truth(try g(f), at: c.at)) { continue }
                    return try c.body(f)
                }
                throw e
            }
        }
    }

    /// True when a block always leaves its scope (for `guard`).
    static func exits(_ body: [Stmt]) -> Bool {
        guard let last = body.last else { return false }
        switch last {
        case .returnStmt, .breakStmt, .continueStmt, .throwStmt: return true
        case .expr(.call(.name(let n, _), _, _)) where n == "fatalError" || n == "preconditionFailure": return true
        case .ifStmt(_, let a, let b?, _): return exits(a) && exits(b)
        default: return false
        }
    }

    func pushTarget(_ label: String?, isLoop: Bool) -> Int {
        let id = nextTargetID
        nextTargetID += 1
        targets.append(Target(label: label, id: id, isLoop: isLoop))
        return id
    }

    func findTarget(_ label: String?, loopOnly: Bool, _ location: SourceLocation) -> Int? {
        for t in targets.reversed() {
            if let label {
                if t.label == label {
                    if loopOnly && !t.isLoop { error("'continue' label '\(label)' does not name a loop", location); return nil }
                    return t.id
                }
            } else if t.isLoop || !loopOnly {
                return t.id
            }
        }
        if let label { error("cannot find label '\(label)' in scope", location) }
        else { error(loopOnly ? "'continue' is only allowed inside a loop" : "'break' is only allowed inside a loop or switch", location) }
        return nil
    }

    /// Compiles `cond, let x = opt, ...` into one test; bindings land in the current scope.
    func conditionList(_ conditions: [Condition], _ location: SourceLocation) -> (Frame) throws -> Bool {
        let rt = runtime
        var tests: [TestCode] = []
        for c in conditions {
            switch c {
            case .expr(let e):
                let l = e.location
                if case .binary(let op, let a, let b, let bl) = e, op.isOrdering || op.isEquality {
                    // Fast path for comparisons of Ints (a slot against a literal: no calls at all).
                    let la = Compiler.isNumberLiteral(a), lb = Compiler.isNumberLiteral(b)
                    if let s = slotIndex(a), case .int(let k, _) = b {
                        tests.append(TestCode { f in
                            if case .int(let i) = f.slots[s] { return op.compare(i, k) ?? false }
                            return try rt.truth(try rt.binary(op, f.slots[s], .int(k), leftLiteral: la, rightLiteral: lb, at: bl), at: l)
                        })
                    } else {
                        let ca = expr(a), cb = expr(b)
                        tests.append(TestCode { f in
                            let x = try ca(f), y = try cb(f)
                            if case .int(let i) = x, case .int(let j) = y { return op.compare(i, j) ?? false }
                            return try rt.truth(try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: bl), at: l)
                        })
                    }
                } else {
                    let code = expr(e)
                    tests.append(TestCode { f in try rt.truth(try code(f), at: l) })
                }
            case .casePattern(let p, let value, _):
                let code = expr(value)
                var declared: [String: VarRef] = [:]
                let m = pattern(p, &declared)
                tests.append(TestCode { f in try m(f, try code(f)) })
            case .optionalBinding(let name, let isVar, let value, let l):
                let code = expr(value)
                let st = store(declare(name, constant: !isVar, l))
                tests.append(TestCode { f in
                    let v = try code(f)
                    switch v {
                    case .optional(nil): return false
                    case .optional(let w?): st(f, w); return true
                    default: st(f, v); return true
                    }
                })
            }
        }
        if tests.count == 1 { return tests[0].run }
        return { f in
            for t in tests where !(try t.run(f)) { return false }
            return true
        }
    }

    /// A condition's code kept in an array (see `ExecCode`).
    struct TestCode {
        let run: (Frame) throws -> Bool
    }

    /// Int comparison for a comparison operator.
    /// The slot of `e` when it names a plain local (read without a call).
    func slotIndex(_ e: Expr) -> Int? {
        if case .name(let n, _) = e, case .slot(let i)? = resolver.lookup(n)?.ref { return i }
        return nil
    }

    static func isIntLiteral(_ e: Expr) -> Bool {
        if case .int = e { return true }
        return false
    }
}
