/// Type declarations: the member functions behind the rows `Registry.declare` registered.
/// Methods take the receiver as a hidden first parameter bound to `self`; a mutating method
/// returns `(result, self)` so that the row writes the new value back to the receiver; an
/// initializer starts from a blank instance and returns `self`.
extension Compiler {
    /// Code that creates the declaration's member functions and fills its rows' slots.
    func typeDeclaration(_ d: TypeDecl) -> Exec {
        var fills: [(Frame) throws -> Void] = []
        let info = registry.scriptTypes[d.name]
        let mutableSelf = info?.kind == .object ? false : true
        for m in d.members {
            switch m {
            case .property(let p):
                guard let slot = registry.memberSlots[ObjectIdentifier(p)] else { continue }
                if let getter = p.getter, p.isStatic {
                    // `static var label: String { ... }`: a function of nothing.
                    let getterDecl = FunctionDecl(name: "get_\(p.name)", parameters: [], returnType: p.type ?? .named("Any"),
                                                  body: getter, location: p.location, isClosure: false)
                    getterDecl.hasNestedFunctions = p.accessorsHaveClosures
                    let make = closure(getterDecl)
                    fills.append { f in slot.function = try make(f) }
                } else if let getter = p.getter {
                    let getterDecl = Compiler.memberFunction(named: "get_\(p.name)", parameters: [], body: getter,
                                                             returns: true, mode: .method, location: p.location)
                    getterDecl.hasNestedFunctions = p.accessorsHaveClosures
                    let make = closure(getterDecl)
                    fills.append { f in slot.function = try make(f) }
                    if let setter = p.setter {
                        // A setter is a mutating member of `newValue` (a struct's returns `(0, self)`).
                        let value = Parameter(label: nil, name: setter.name, type: p.type, defaultValue: nil, location: p.location)
                        let setterDecl = Compiler.memberFunction(named: "set_\(p.name)", parameters: [value], body: setter.body,
                                                                 returns: false, mode: mutableSelf ? .mutating : .method,
                                                                 location: p.location)
                        setterDecl.hasNestedFunctions = p.accessorsHaveClosures
                        let makeSetter = closure(setterDecl)
                        fills.append { f in slot.setter = try makeSetter(f) }
                    }
                } else if let value = p.value {
                    let make = closure(FunctionDecl(name: p.name, parameters: [], returnType: nil,
                                                    body: [.returnStmt(value, p.location)], location: p.location, isClosure: true))
                    if p.isStatic {
                        let rt = runtime
                        fills.append { f in slot.staticValue = try rt.call(try make(f), [], at: p.location) }
                    } else {
                        fills.append { f in slot.makeDefault = try make(f) }
                    }
                }
            case .method(let fn):
                guard let slot = registry.memberSlots[ObjectIdentifier(fn)], !fn.body.isEmpty || !registry.protocols.contains(d.name) else { continue }
                let decl: FunctionDecl
                if fn.isStatic {
                    decl = fn
                } else {
                    decl = Compiler.memberFunction(named: fn.name, parameters: fn.parameters, body: fn.body,
                                                   returns: fn.returnType != nil,
                                                   mode: fn.isMutating && mutableSelf ? .mutating : .method, location: fn.location)
                    decl.throwsKind = fn.throwsKind
                    decl.returnType = fn.returnType
                    decl.hasNestedFunctions = fn.hasNestedFunctions
                }
                let make = closure(decl)
                fills.append { f in slot.function = try make(f) }
            case .initializer(let fn, _):
                guard let slot = registry.memberSlots[ObjectIdentifier(fn)] else { continue }
                let decl = Compiler.memberFunction(named: "init", parameters: fn.parameters, body: fn.body, returns: false,
                                                   mode: .initializer, location: fn.location)
                decl.throwsKind = fn.throwsKind
                decl.hasNestedFunctions = fn.hasNestedFunctions
                let make = closure(decl)
                fills.append { f in slot.function = try make(f) }
            case .enumCase:
                break
            }
        }
        return { f in
            for fill in fills { try fill(f) }
            return .normal
        }
    }

    enum MemberMode {
        case method
        case mutating
        case initializer
    }

    /// A member's body as a function of the receiver: `$self` first, bound to `self`.
    static func memberFunction(named name: String, parameters: [Parameter], body: [Stmt], returns: Bool,
                               mode: MemberMode, location l: SourceLocation) -> FunctionDecl {
        var statements = body
        // A single-expression body returns its value.
        if returns, statements.count == 1, case .expr(let e) = statements[0] {
            statements = [.returnStmt(e, e.location)]
        }
        // A mutating member takes `inout self` (see `Runtime.callMutating`); the others bind
        // `self` to their hidden first parameter.
        if mode == .mutating {
            let receiver = Parameter(label: nil, name: "self", type: nil, defaultValue: nil, location: l, isInout: true)
            return FunctionDecl(name: name, parameters: [receiver] + parameters, returnType: nil,
                                body: statements, location: l, isClosure: false)
        }
        let receiver = Parameter(label: nil, name: "$self", type: nil, defaultValue: nil, location: l)
        if mode == .initializer {
            statements = statements.map { rewriteReturns($0) { v, rl in .returnStmt(v ?? .name("self", rl), rl) } }
            statements.append(.returnStmt(.name("self", l), l))
        }
        let bindSelf = Stmt.declaration(isConstant: mode == .method, pattern: .name("self", l), type: nil,
                                        value: .name("$self", l), l)
        return FunctionDecl(name: name, parameters: [receiver] + parameters, returnType: nil,
                            body: [bindSelf] + statements, location: l, isClosure: false)
    }

    /// `s` with its `return` statements (outside nested closures and functions) replaced.
    static func rewriteReturns(_ s: Stmt, _ make: (Expr?, SourceLocation) -> Stmt) -> Stmt {
        func all(_ b: [Stmt]) -> [Stmt] { b.map { rewriteReturns($0, make) } }
        switch s {
        case .returnStmt(let v, let l): return make(v, l)
        case .ifStmt(let c, let a, let b, let l): return .ifStmt(c, all(a), b.map(all), l)
        case .guardStmt(let c, let b, let l): return .guardStmt(c, all(b), l)
        case .whileStmt(let lb, let c, let b, let l): return .whileStmt(label: lb, c, all(b), l)
        case .repeatWhile(let lb, let b, let c, let l): return .repeatWhile(label: lb, all(b), c, l)
        case .forIn(let lb, let p, let seq, let w, let b, let l): return .forIn(label: lb, p, seq, whereClause: w, all(b), l)
        case .switchStmt(let lb, let subject, let cases, let l):
            return .switchStmt(label: lb, subject, cases.map { c in
                SwitchCase(patterns: c.patterns, guardExpr: c.guardExpr, body: all(c.body), location: c.location)
            }, l)
        case .block(let b, let l): return .block(all(b), l)
        case .doCatch(let b, let c, let l): return .doCatch(all(b), catchBody: c.map(all), l)
        case .doCatchClauses(let b, let clauses, let l):
            return .doCatchClauses(all(b), clauses.map { c in
                CatchClause(pattern: c.pattern, guardExpr: c.guardExpr, castType: c.castType, body: all(c.body), location: c.location)
            }, l)
        default: return s
        }
    }
}
