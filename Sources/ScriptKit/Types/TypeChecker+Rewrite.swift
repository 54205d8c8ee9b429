/// Applies what the checker solved to the syntax tree: an integer literal whose type was
/// solved to Double or Float becomes a float literal, so the runtime stores a Double.
extension TypeChecker {
    func rewrite(_ s: Stmt) -> Stmt {
        switch s {
        case .expr(let e): return .expr(rewrite(e))
        case .declaration(let c, let p, let t, let v, let l):
            return .declaration(isConstant: c, pattern: p, type: t.map(expandAliases), value: v.map(rewrite), l)
        case .function(let decl): rewrite(decl); return s
        case .assign(let t, let op, let v, let l):
            let value = optionalWraps.contains(l) ? .cast(rewrite(v), .optional(.named("Any")), l) : rewrite(v)
            return .assign(target: rewrite(t), op: op, value: value, l)
        case .ifStmt(let cs, let a, let b, let l): return .ifStmt(cs.map(rewrite), a.map(rewrite), b.map { $0.map(rewrite) }, l)
        case .guardStmt(let cs, let body, let l): return .guardStmt(cs.map(rewrite), body.map(rewrite), l)
        case .whileStmt(let label, let cs, let body, let l): return .whileStmt(label: label, cs.map(rewrite), body.map(rewrite), l)
        case .repeatWhile(let label, let body, let c, let l): return .repeatWhile(label: label, body.map(rewrite), rewrite(c), l)
        case .forIn(let label, let p, let seq, let w, let body, let l):
            return .forIn(label: label, p, rewrite(seq), whereClause: w.map(rewrite), body.map(rewrite), l)
        case .switchStmt(let label, let subject, let cases, let l):
            return .switchStmt(label: label, rewrite(subject), cases.map { c in
                SwitchCase(patterns: c.patterns.map(rewrite), guardExpr: c.guardExpr.map(rewrite), body: c.body.map(rewrite), location: c.location)
            }, l)
        case .returnStmt(let v, let l): return .returnStmt(v.map(rewrite), l)
        case .block(let body, let l): return .block(body.map(rewrite), l)
        case .doCatch(let body, let c, let l): return .doCatch(body.map(rewrite), catchBody: c.map { $0.map(rewrite) }, l)
        case .doCatchClauses(let body, let clauses, let l):
            return .doCatchClauses(body.map(rewrite), clauses.map { c in
                CatchClause(pattern: c.pattern.map(rewrite), guardExpr: c.guardExpr.map(rewrite), castType: c.castType,
                            body: c.body.map(rewrite), location: c.location)
            }, l)
        case .throwStmt(let e, let l): return .throwStmt(rewrite(e), l)
        case .deferStmt(let body, let l): return .deferStmt(body.map(rewrite), l)
        case .typeDecl(let d):
            for m in d.members {
                switch m {
                case .property(let p):
                    p.value = p.value.map(rewrite)
                    p.getter = p.getter.map { $0.map(rewrite) }
                    p.setter = p.setter.map { (name: $0.name, body: $0.body.map(rewrite)) }
                    p.type = p.type.map(expandAliases)
                case .method(let f), .initializer(let f, _): rewrite(f)
                case .enumCase: break
                }
            }
            return s
        default: return s
        }
    }

    /// A type annotation with `typealias` names replaced by what they stand for, and the
    /// generic parameters of the function being rewritten by `Any` (the runtime checks
    /// their values loosely).
    func expandAliases(_ t: TypeRef) -> TypeRef {
        t.replacingNames { genericsBeingRewritten.contains($0) ? .named("Any") : registry.typeAliases[$0].map(expandAliases) }
    }

    /// Function bodies are rewritten in place (declarations are shared by reference).
    private func rewrite(_ decl: FunctionDecl) {
        let saved = genericsBeingRewritten
        genericsBeingRewritten.formUnion(decl.genericNames)
        decl.body = decl.body.map(rewrite)
        genericsBeingRewritten = saved
        // The runtime checks a generic parameter's values as `Any`.
        let generics = Set(decl.genericNames)
        if !generics.isEmpty {
            let erase = { (t: TypeRef) in t.replacingNames { generics.contains($0) ? .named("Any") : nil } }
            decl.parameters = decl.parameters.map { p in var p = p; p.type = p.type.map(erase); return p }
            decl.returnType = decl.returnType.map(erase)
        }
        decl.parameters = decl.parameters.map { p in
            var p = p
            p.defaultValue = p.defaultValue.map(rewrite)
            p.type = p.type.map(expandAliases)
            return p
        }
        decl.returnType = decl.returnType.map(expandAliases)
    }

    private func rewrite(_ c: Condition) -> Condition {
        switch c {
        case .expr(let e): return .expr(rewrite(e))
        case .optionalBinding(let n, let v, let value, let l): return .optionalBinding(name: n, isVar: v, value: rewrite(value), l)
        case .casePattern(let p, let value, let l): return .casePattern(rewrite(p), rewrite(value), l)
        }
    }

    private func rewrite(_ p: CasePattern) -> CasePattern {
        switch p {
        case .value(let e): return .value(rewrite(e))
        case .tuple(let items, let l): return .tuple(items.map(rewrite), l)
        case .enumCase(let t, let n, let items, let l): return .enumCase(type: t, name: n, items.map { $0.map(rewrite) }, l)
        case .cast(let inner, let t, let l): return .cast(inner.map(rewrite), t, l)
        default: return p
        }
    }

    private func rewrite(_ a: Argument) -> Argument {
        let value = rewrite(a.value)
        guard optionalWraps.contains(a.location) else { return Argument(label: a.label, value: value, location: a.location) }
        return Argument(label: a.label, value: .cast(value, .optional(.named("Any")), a.location), location: a.location)
    }

    func rewrite(_ e: Expr) -> Expr {
        switch e {
        // `Stack<Int>()`: a declared generic type is called as itself (its parameters are loose).
        case .genericType(let n, _, let l) where registry.scriptTypes[n] != nil:
            return .name(n, l)
        case .int(let v, let l):
            if let t = literalTypes[l] {
                switch solver.resolve(t) {
                case .double, .float: return .double(Double(v), l)
                default: break
                }
            }
            return e
        case .name(let n, let l) where selfMembers.contains(l):
            return .member(.name("self", l), n, l)
        case .name(_, let l) where aliasedTypeNames[l] != nil:
            return .name(aliasedTypeNames[l]!, l)
        case .name(let n, let l) where staticMembers[l] != nil:
            return .member(.name(staticMembers[l]!, l), n, l)
        case .implicitMember(let n, let l):
            if let t = implicitMembers[l] { return .member(.name(t, l), n, l) }
            return e
        case .interpolated(let parts, let l):
            return .interpolated(parts.map { part in
                if case .expr(let x) = part { return .expr(rewrite(x)) }
                return part
            }, l)
        case .array(let items, let l):
            let array = Expr.array(items.map(rewrite), l)
            if optionalArrayLiterals.contains(l) { return .cast(array, .array(.optional(.named("Any"))), l) }
            return array
        case .dictionary(let pairs, let l): return .dictionary(pairs.map { (rewrite($0.0), rewrite($0.1)) }, l)
        case .tuple(let items, let l): return .tuple(items.map { ($0.0, rewrite($0.1)) }, l)
        case .unary(let op, let x, let l): return .unary(op, rewrite(x), l)
        case .binary(let op, let a, let b, let l): return .binary(op, rewrite(a), rewrite(b), l)
        case .ternary(let c, let a, let b, let l): return .ternary(rewrite(c), rewrite(a), rewrite(b), l)
        case .call(let f, let args, let l) where callAsFunctionCalls.contains(l):
            return .call(.member(rewrite(f), "callAsFunction", l), args.map(rewrite), l)
        case .call(let f, let args, let l): return .call(rewrite(f), args.map(rewrite), l)
        case .member(.name("super", let sl), _, let l) where superMembers[l] != nil:
            return .member(.name("self", sl), superMembers[l]!, l)
        case .member(_, _, let l) where nestedTypeNames[l] != nil:
            return .name(nestedTypeNames[l]!, l)
        case .member(let b, let n, let l): return .member(rewrite(b), n, l)
        case .tupleIndex(let b, let i, let l): return .tupleIndex(rewrite(b), i, l)
        case .subscriptAccess(let b, let args, let l): return .subscriptAccess(rewrite(b), args.map(rewrite), l)
        case .forceUnwrap(let x, let l): return .forceUnwrap(rewrite(x), l)
        case .bindOptional(let x, let l): return .bindOptional(rewrite(x), l)
        case .optionalChain(let x, let l): return .optionalChain(rewrite(x), l)
        case .closure(let decl): rewrite(decl); return e
        case .tryExpr(let x, let o, let l): return .tryExpr(rewrite(x), optional: o, l)
        case .forceTry(let x, let l): return .forceTry(rewrite(x), l)
        case .inoutArgument(let x, let l): return .inoutArgument(rewrite(x), l)
        case .partialRange(let lo, let hi, let c, let l): return .partialRange(lower: lo.map(rewrite), upper: hi.map(rewrite), closed: c, l)
        case .cast(let x, let t, let l): return .cast(rewrite(x), expandAliases(t), l)
        case .typeCheck(let x, let t, let l): return .typeCheck(rewrite(x), t, l)
        case .conditionalCast(let x, let t, let forced, let l): return .conditionalCast(rewrite(x), expandAliases(t), forced: forced, l)
        default: return e
        }
    }
}
