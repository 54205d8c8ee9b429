/// Declared types: member bodies are checked with `self` in scope, and a name that is a
/// member of the type (`x`, `area()`) is read as `self.x` (the syntax tree is rewritten).
extension TypeChecker {
    /// The type `self` has inside a member of `d` (a script type, or an extended host type).
    func selfType(of d: TypeDecl) -> ScriptType {
        typeNamed(d.name) ?? .unknown
    }

    func checkTypeDecl(_ d: TypeDecl) {
        guard env.atTopLevel else { return }   // the compiler reports nested declarations
        if d.kind == .protocolType { return }
        // Inside `struct Stack<Element>`, `Element` stands for any type.
        let savedGenerics = genericScope
        defer { genericScope = savedGenerics }
        for g in d.genericParameters { genericScope[g] = .unknown }
        let me = selfType(of: d)
        let isClass = registry.scriptTypes[d.name]?.kind == .object
        for m in d.members {
            switch m {
            case .property(let p):
                let declared = p.type.map { type(of: $0, strict: true, at: p.location) }
                if let value = p.value {
                    let first = solver.count
                    let found = infer(value, expected: declared)
                    if let declared { require(found, declared, .specified, at: value) }
                    solver.solveDefaults(from: first)
                }
                if let getter = p.getter {
                    checkMember(getter, parameters: [], result: declared ?? .unknown, selfType: p.isStatic ? nil : me,
                                selfMutable: false, throwing: false, singleExpression: true,
                                staticOf: p.isStatic ? d.name : nil)
                }
                if let setter = p.setter {
                    env.push()
                    env.declare(setter.name, TypedName(type: declared ?? .unknown, isConstant: true))
                    checkMember(setter.body, parameters: [], result: .void, selfType: me, selfMutable: !isClass,
                                throwing: false, singleExpression: false)
                    env.pop()
                }
            case .method(let f):
                if f.body.isEmpty { continue }
                let sig = signature(of: f, insideBody: true)
                checkMember(f.body, parameters: zip(f.parameters, sig.parameters).map { ($0.0.name, $0.1.type, $0.0.isInout) },
                            result: sig.result, selfType: f.isStatic ? nil : me, selfMutable: f.isMutating && !isClass,
                            throwing: sig.throwing, singleExpression: f.returnType != nil, generics: f.genericNames,
                            staticOf: f.isStatic ? d.name : nil)
            case .initializer(let f, _):
                let sig = signature(of: f)
                isInitializer = true
                defer { isInitializer = false }
                checkMember(f.body, parameters: zip(f.parameters, sig.parameters).map { ($0.0.name, $0.1.type, $0.0.isInout) },
                            result: .unknown, selfType: me, selfMutable: !isClass, throwing: sig.throwing,
                            singleExpression: false)
            case .enumCase(let c):
                if let raw = c.rawValue { _ = infer(raw) }
            }
        }
    }

    /// Checks a member's body: parameters and `self` in scope, returns against `result`.
    private func checkMember(_ body: [Stmt], parameters: [(name: String, type: ScriptType, isInout: Bool)], result: ScriptType,
                             selfType: ScriptType?, selfMutable: Bool, throwing: Bool, singleExpression: Bool,
                             generics: [String] = [], staticOf staticType: String? = nil) {
        let savedGenerics = genericScope
        defer { genericScope = savedGenerics }
        for g in generics where genericScope[g] == nil { genericScope[g] = .unknown }
        env.push()
        let savedSelf = memberContext, savedStatic = staticContext
        memberContext = selfType.map { MemberContext(type: $0, depth: env.depth) }
        staticContext = staticType.map { ($0, env.depth) }
        defer { staticContext = savedStatic }
        if let selfType { env.declare("self", TypedName(type: selfType, isConstant: !selfMutable)) }
        for p in parameters { env.declare(p.name, TypedName(type: p.type, isConstant: !p.isInout)) }
        functions.append(FunctionContext(result: result, mayThrow: throwing, isClosure: false))
        let savedTry = tryDepth, savedCatch = catchDepth
        tryDepth = 0; catchDepth = 0
        if singleExpression, body.count == 1, case .expr(let e) = body[0] {
            let first = solver.count
            let t = infer(e, expected: result)
            if !convert(t, to: result) { mismatch(t, result, .returnValue, at: startLocation(e)) }
            solver.solveDefaults(from: first)
        } else {
            checkBlock(body)
        }
        tryDepth = savedTry; catchDepth = savedCatch
        functions.removeLast()
        memberContext = savedSelf
        env.pop()
    }

    /// A name that is not a local but a member of the type whose member is being checked:
    /// its type, and the name is recorded to be read through `self`.
    func implicitSelfMember(_ name: String, at l: SourceLocation) -> ScriptType? {
        guard let ctx = memberContext, !env.isLocal(name, from: ctx.depth) else { return nil }
        if let p = property(named: name, of: ctx.type) {
            selfMembers.insert(l)
            return p
        }
        return nil
    }

    /// A name that is not a local but a static property of the type whose static member is
    /// being checked: its type, and the name is recorded to be read as `Type.name`.
    func implicitStaticMember(_ name: String, at l: SourceLocation) -> ScriptType? {
        guard let ctx = staticContext, !env.isLocal(name, from: ctx.depth),
              let p = registry.types[ctx.typeName]?.staticProperties[name], let r = p.signature.returnType else { return nil }
        staticMembers[l] = ctx.typeName
        return type(of: r)
    }

    /// `f(args)` inside a static member, where `f` is a static method of the type: `Type.f(args)`.
    func implicitStaticMethod(_ name: String, at l: SourceLocation) -> [Overload]? {
        guard let ctx = staticContext, !env.isLocal(name, from: ctx.depth),
              let m = registry.types[ctx.typeName]?.staticMethods[name] else { return nil }
        staticMembers[l] = ctx.typeName
        return m
    }

    /// `f(args)` inside a member, where `f` is a method of the type: `self.f(args)`.
    func implicitSelfMethod(_ name: String, at l: SourceLocation) -> ([Overload], [String: ScriptType])? {
        guard let ctx = memberContext, !env.isLocal(name, from: ctx.depth), let m = methods(named: name, of: ctx.type) else {
            return nil
        }
        selfMembers.insert(l)
        return m
    }

    // MARK: - Enum patterns

    func checkEnumCasePattern(_ typeName: String?, _ name: String, _ items: [CasePattern]?, _ subject: ScriptType,
                              at l: SourceLocation) {
        var t = typeName.flatMap { typeNamed($0) } ?? solver.resolve(subject)
        if case .optional(let w) = t, name == "some" || name == "none" {
            if let items, items.count == 1 { checkPattern(items[0], w) }
            return
        }
        if case .optional(let w) = t { t = solver.resolve(w) }
        guard case .native(let n) = t, let info = registry.scriptTypes[n], info.kind == .enumeration else {
            if t != .unknown, case .variable = t {} else if t != .unknown {
                error("enum case pattern cannot match values of the non-enum type '\(show(t))'", l)
            }
            for i in items ?? [] { checkPattern(i, .unknown) }
            return
        }
        guard info.caseIndex[name] != nil else {
            error("type '\(n)' has no member '\(name)'", l)
            return
        }
        guard let items else { return }
        let payload = registry.types[n]?.staticMethods[name]?.first?.signature.parameters.map { type(of: $0.type) } ?? []
        if items.count == 1 && payload.count > 1 {
            checkPattern(items[0], .tuple(payload, labels: []))
        } else if items.count != payload.count {
            error("tuple pattern has the wrong length for tuple type '(\(payload.map(show).joined(separator: ", ")))'", l)
        } else {
            for (i, p) in zip(items, payload) { checkPattern(i, p) }
        }
    }

    /// A `switch` over a declared enum needs every case (or a `default`).
    func checkExhaustive(_ cases: [SwitchCase], _ subject: ScriptType, at l: SourceLocation) {
        guard case .native(let n) = solver.resolve(subject), let info = registry.scriptTypes[n], info.kind == .enumeration else { return }
        var covered = Set<String>()
        for c in cases {
            if c.patterns.isEmpty { return }
            for p in c.patterns {
                switch p {
                case .wildcard, .binding: if c.guardExpr == nil { return }
                case .enumCase(_, let name, let items, _):
                    if c.guardExpr == nil && (items ?? []).allSatisfy(Compiler.catchesAll) { covered.insert(name) }
                case .value(.member(_, let name, _)), .value(.implicitMember(let name, _)):
                    if c.guardExpr == nil { covered.insert(name) }
                default: break
                }
            }
        }
        let missing = info.cases.map(\.name).filter { !covered.contains($0) }
        if !missing.isEmpty {
            error("switch must be exhaustive; add a 'default:' case or the missing cases: \(missing.map { "." + $0 }.joined(separator: ", "))", l)
        }
    }
}
