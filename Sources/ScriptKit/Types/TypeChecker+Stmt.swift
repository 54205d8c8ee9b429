/// Statements: declarations, assignments, control flow, functions.
extension TypeChecker {
    func checkBlock(_ statements: [Stmt], newScope: Bool = true) {
        if newScope { env.push() }
        defer { if newScope { env.pop() } }
        // Functions are visible in their whole block (they may call each other in any order).
        for s in statements {
            if case .function(let decl) = s { declareFunction(decl) }
        }
        for s in statements { checkStatement(s) }
    }

    /// Checks one statement; literals it leaves unsolved take their defaults afterwards.
    func checkStatement(_ s: Stmt) {
        let first = solver.count
        statement(s)
        solver.solveDefaults(from: first)
    }

    private func statement(_ s: Stmt) {
        switch s {
        case .expr(let e):
            _ = infer(e)
        case .declaration(let isConstant, let pattern, let typeRef, let value, let location):
            var declared: ScriptType? = typeRef.map { type(of: $0, strict: true, at: location) }
            if let value {
                let found = infer(value, expected: declared)
                if let d = declared {
                    if !convert(found, to: d) {
                        mismatch(found, d, .specified, at: startLocation(value))
                    }
                } else {
                    declared = found
                }
            }
            bind(pattern, declared ?? .unknown, isConstant: isConstant, at: location)
        case .function(let decl):
            checkFunctionBody(decl)
        case .assign(let target, let op, let value, let location):
            assignment(target, op, value, location)
        case .ifStmt(let conditions, let then, let otherwise, _):
            env.push()
            checkConditions(conditions)
            checkBlock(then)
            env.pop()
            if let otherwise { checkBlock(otherwise) }
        case .guardStmt(let conditions, let body, _):
            // Names bound by `guard let` stay visible after the guard.
            checkBlock(body)
            checkConditions(conditions)
        case .whileStmt(_, let conditions, let body, _):
            env.push()
            checkConditions(conditions)
            checkBlock(body)
            env.pop()
        case .repeatWhile(_, let body, let condition, _):
            checkBlock(body)
            let t = infer(condition, expected: .bool)
            require(t, .bool, .condition, at: condition)
        case .forIn(_, let pattern, let sequence, let whereClause, let body, let location):
            // The sequence is typed on its own first (`for i in 1...10` is over Ints, whatever
            // the body does with `i`), as Swift checks the loop's header before its body.
            let first = solver.count
            let seq = infer(sequence)
            solver.solveDefaults(from: first)
            // Only a range of integers counts (`for x in 0.0..<1.0` does not compile in Swift).
            if case .range(let bound, let closed) = resolve(seq) {
                switch resolve(bound) {
                case .int, .unknown, .variable: break
                default:
                    error("referencing instance method 'next()' on '\(closed ? "ClosedRange" : "Range")' requires that '\(show(bound))' conform to 'SignedInteger'", location)
                }
            }
            env.push()
            bind(pattern, elementType(of: seq, at: sequence), isConstant: true, at: location)
            if let w = whereClause {
                require(infer(w, expected: .bool), .bool, .condition, at: w)
            }
            checkBlock(body)
            env.pop()
        case .switchStmt(_, let subject, let cases, let l):
            let t = infer(subject)
            checkExhaustive(cases, t, at: l)
            for c in cases {
                env.push()
                for p in c.patterns { checkPattern(p, t) }
                if let g = c.guardExpr { require(infer(g, expected: .bool), .bool, .condition, at: g) }
                checkBlock(c.body)
                env.pop()
            }
        case .returnStmt(let value, let location):
            let result = functions[functions.count - 1].result
            if let value {
                let found = infer(value, expected: result)
                if !convert(found, to: result) {
                    if solver.resolve(result) == .void {
                        error("unexpected non-void return value in void function", startLocation(value))
                    } else {
                        mismatch(found, result, .returnValue, at: startLocation(value))
                    }
                }
            } else if !convert(.void, to: result) {
                error("non-void function should return a value", location)
            }
        case .block(let body, _):
            // A `let a = 1, b = 2` list shares the enclosing scope.
            for s in body { checkStatement(s) }
        case .doCatch(let body, let catchBody, _):
            if catchBody != nil { catchDepth += 1 }
            checkBlock(body)
            if catchBody != nil { catchDepth -= 1 }
            if let catchBody {
                env.push()
                env.declare("error", TypedName(type: .unknown, isConstant: true))
                checkBlock(catchBody)
                env.pop()
            }
        case .doCatchClauses(let body, let clauses, _):
            catchDepth += 1
            checkBlock(body)
            catchDepth -= 1
            for c in clauses {
                env.push()
                var errorType = ScriptType.unknown
                if let t = c.castType { errorType = type(of: t, strict: true, at: c.location) }
                if let p = c.pattern { checkPattern(p, errorType) } else { env.declare("error", TypedName(type: .unknown, isConstant: true)) }
                if let g = c.guardExpr { require(infer(g, expected: .bool), .bool, .condition, at: g) }
                checkBlock(c.body)
                env.pop()
            }
        case .throwStmt(let value, let l):
            let t = display(infer(value))
            if case .native(let n) = t, !conformsToError(n) {
                error("thrown expression type '\(n)' does not conform to 'Error'", startLocation(value))
            } else if t != .unknown, t.bindingName != nil, !(t.bindingName.map(conformsToError) ?? false) {
                error("thrown expression type '\(show(t))' does not conform to 'Error'", startLocation(value))
            }
            noteThrow(at: l)
        case .typeDecl(let d):
            checkTypeDecl(d)
        case .typeAlias:
            break
        case .deferStmt(let body, _):
            checkBlock(body)
        default:
            break
        }
    }

    /// Whether a declared type conforms to `Error`.
    func conformsToError(_ name: String) -> Bool {
        registry.scriptTypes[name]?.conformances.contains("Error") ?? false
    }

    /// A `throw` outside `do`/`catch`: the function must throw (a closure becomes throwing).
    func noteThrow(at l: SourceLocation) {
        guard catchDepth == 0 else { return }
        let i = functions.count - 1
        if functions[i].isClosure { functions[i].threw = true }
        else if !functions[i].mayThrow { error("error is not handled because the enclosing function is not declared 'throws'", l) }
    }

    func checkConditions(_ conditions: [Condition]) {
        for c in conditions {
            switch c {
            case .expr(let e):
                require(infer(e, expected: .bool), .bool, .condition, at: e)
            case .optionalBinding(let name, let isVar, let value, _):
                let t = resolve(infer(value))
                switch t {
                case .optional(let w): env.declare(name, TypedName(type: w, isConstant: !isVar))
                case .unknown, .variable: env.declare(name, TypedName(type: .unknown, isConstant: !isVar))
                default:
                    error("initializer for conditional binding must have Optional type, not '\(show(t))'", startLocation(value))
                    env.declare(name, TypedName(type: t, isConstant: !isVar))
                }
            case .casePattern(let p, let value, _):
                checkPattern(p, infer(value))
            }
        }
    }

    /// Declares the names of a binding pattern with the parts of `t`.
    func bind(_ pattern: BindingPattern, _ t: ScriptType, isConstant: Bool, at location: SourceLocation) {
        switch pattern {
        case .wildcard: break
        case .name(let n, _): env.declare(n, TypedName(type: t, isConstant: isConstant))
        case .tuple(let items):
            if case .tuple(let parts, _) = solver.resolve(t), parts.count == items.count {
                for (p, part) in zip(items, parts) { bind(p, part, isConstant: isConstant, at: location) }
            } else {
                let r = solver.resolve(t)
                if r != .unknown, case .variable = r {} else if r != .unknown {
                    error("cannot destructure a value of type '\(show(r))' into \(items.count) names", location)
                }
                for p in items { bind(p, .unknown, isConstant: isConstant, at: location) }
            }
        }
    }

    /// The element type a `for` loop over a value of type `t` binds.
    func elementType(of t: ScriptType, at e: Expr) -> ScriptType {
        switch solver.resolve(t) {
        case .array(let x), .set(let x), .range(let x, _): return x
        case .dictionary(let k, let v): return .tuple([k, v], labels: ["key", "value"])
        case .string: return .character
        case .unknown, .variable, .native: return .unknown
        case let other:
            error("for-in loop requires '\(show(other))' to conform to 'Sequence'", startLocation(e))
            return .unknown
        }
    }

    /// `case` patterns: values compared with `==` or matched by ranges, bindings, tuples.
    func checkPattern(_ p: CasePattern, _ subject: ScriptType) {
        switch p {
        case .wildcard: break
        case .binding(let n, _): env.declare(n, TypedName(type: subject, isConstant: true))
        case .tuple(let items, let location):
            if case .tuple(let parts, _) = solver.resolve(subject), parts.count == items.count {
                for (i, part) in zip(items, parts) { checkPattern(i, part) }
            } else {
                if solver.resolve(subject) != .unknown {
                    error("tuple pattern cannot match values of type '\(show(subject))'", location)
                }
                for i in items { checkPattern(i, .unknown) }
            }
        case .enumCase(let typeName, let name, let items, let l):
            checkEnumCasePattern(typeName, name, items, subject, at: l)
        case .cast(let inner, let type, let l):
            let t = self.type(of: type, strict: true, at: l)
            if let inner { checkPattern(inner, t) }
        case .value(let e):
            let t = infer(e, expected: subject)
            if convert(t, to: subject) { return }
            if case .range(let b, _) = solver.resolve(t), convert(b, to: subject) { return }
            if case .array(let b) = solver.resolve(t), convert(b, to: subject) { return }
            error("expression pattern of type '\(show(t))' cannot match values of type '\(show(subject))'", startLocation(e))
        }
    }

    // MARK: - Assignment

    private func assignment(_ target: Expr, _ op: BinaryOperator?, _ value: Expr, _ location: SourceLocation) {
        if case .name("_", _) = target {
            _ = infer(value)
            return
        }
        let t = infer(target)
        if throughClass(target) { classRoots.insert(location) }
        // `stored = v` inside a class's member is `self.stored = v`, through the instance.
        if case .name(_, let nl) = target, selfMembers.contains(nl), case .native(let tn)? = memberContext?.type,
           registry.scriptTypes[tn]?.kind == .object {
            classRoots.insert(location)
        }
        if case .member(let base, let name, _) = target, case .native(let n) = resolve(infer(base)),
           let info = registry.scriptTypes[n], info.fieldIndex[name] == nil, info.computedWithSetter[name] == nil,
           registry.types[n]?.properties[name] != nil {
            error("cannot assign to property: '\(name)' is a get-only property", location)
        }
        if case .member(let base, let name, _) = target, case .native(let n) = resolve(infer(base)),
           registry.scriptTypes[n] == nil, let p = registry.types[n]?.properties[name], p.setter == nil {
            error("cannot assign to property: '\(name)' is a get-only property", location)
        }
        if case .member(let base, let name, _) = target, case .native(let n) = resolve(infer(base)),
           let info = registry.scriptTypes[n], let i = info.fieldIndex[name], i < info.fieldIsConstant.count, info.fieldIsConstant[i],
           memberContext == nil || !isInitializer {
            error("cannot assign to property: '\(name)' is a 'let' constant", location)
        }
        guard let binaryOp = op else {
            let found = infer(value, expected: t)
            if !convert(found, to: t) { mismatch(found, t, .assignment, at: startLocation(value)) }
            // A dictionary's subscript assignment unwraps its value (nil removes the key).
            var intoDictionary = false
            if case .subscriptAccess(let base, _, _) = target, case .dictionary = resolve(infer(base)) { intoDictionary = true }
            // Only a value not already optional needs wrapping (`n = node.next` does not: the
            // wrap would cost a type check on every pass through a loop).
            switch resolve(found) {
            case .optional, .unknown, .variable: break
            default: if case .optional = resolve(t), !intoDictionary { optionalWraps.insert(location) }
            }
            return
        }
        let found = infer(value, expected: t)
        _ = arithmetic(binaryOp, t, found, at: location, lhs: target, rhs: value, compound: true)
    }

    /// Whether an assignment target reaches its storage through a class instance (then a
    /// `let` holding the instance does not prevent it).
    func throughClass(_ target: Expr) -> Bool {
        switch target {
        case .member(let base, _, _), .subscriptAccess(let base, _, _), .tupleIndex(let base, _, _):
            if case .native(let n) = resolve(infer(base)),
               registry.scriptTypes[n]?.kind == .object || registry.types[n]?.isReference == true { return true }
            return throughClass(base)
        case .forceUnwrap(let base, _), .bindOptional(let base, _):
            return throughClass(base)
        case .name(_, let l) where selfMembers.contains(l):
            // `cells[k] = v` in a class's method: `self.cells[k]`, through the instance.
            guard case .native(let tn)? = memberContext?.type else { return false }
            return registry.scriptTypes[tn]?.kind == .object
        default:
            return false
        }
    }

    // MARK: - Functions

    /// The signature a `func` declares (parameters without a type are `unknown`).
    ///
    /// Generic parameters are checked loosely for now: to callers each stands for any type.
    /// Inside the body (`insideBody`), one constrained to a script or library protocol (or
    /// class) has that type, so its values offer the protocol's members (`$1.area` for
    /// `<S: Shape>`); standard protocols (`Comparable`, ...) still stand for any type.
    func signature(of decl: FunctionDecl, insideBody: Bool = false) -> FunctionSignature {
        var generics: [String: ScriptType] = [:]
        for g in decl.genericNames {
            generics[g] = insideBody ? decl.genericConstraints[g].map { type(of: $0) } ?? .unknown : .unknown
        }
        let params = decl.parameters.map { p -> FunctionSignature.Parameter in
            var t = p.type.map { type(of: $0, generics: generics, strict: true, at: p.location) } ?? .unknown
            if p.isVariadic { t = .array(t) }
            return FunctionSignature.Parameter(label: p.label, name: p.name, type: t,
                                               hasDefault: p.defaultValue != nil, isVariadic: p.isVariadic, isInout: p.isInout)
        }
        let result = decl.returnType.map { type(of: $0, generics: generics, strict: true, at: decl.location) } ?? .void
        return FunctionSignature(name: decl.name, parameters: params, result: result, throwing: decl.throwsKind != .none,
                                 rethrowing: decl.throwsKind == .rethrowing)
    }

    func declareFunction(_ decl: FunctionDecl) {
        let sig = signature(of: decl)
        env.declare(decl.name, TypedName(type: sig.type, isConstant: true, function: sig))
    }

    func checkFunctionBody(_ decl: FunctionDecl) {
        var sig = env.lookup(decl.name)?.function ?? signature(of: decl)
        if !decl.genericConstraints.isEmpty { sig = signature(of: decl, insideBody: true) }
        let savedGenerics = genericScope
        defer { genericScope = savedGenerics }
        for g in decl.genericNames { genericScope[g] = decl.genericConstraints[g].map { type(of: $0) } ?? .unknown }
        env.push()
        for (p, sp) in zip(decl.parameters, sig.parameters) {
            if let d = p.defaultValue {
                let t = infer(d, expected: sp.type)
                require(t, sp.type, .argument, at: d)
            }
            env.declare(p.name, TypedName(type: sp.type, isConstant: !p.isInout))
        }
        functions.append(FunctionContext(result: sig.result, mayThrow: sig.throwing, isClosure: false))
        let savedTry = tryDepth, savedCatch = catchDepth
        tryDepth = 0; catchDepth = 0
        checkBlock(decl.body)
        tryDepth = savedTry; catchDepth = savedCatch
        functions.removeLast()
        env.pop()
    }
}
