/// Properties, static members, implicit members and subscripts.
extension TypeChecker {
    func member(_ base: Expr, _ name: String, at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        if let t = typeExpression(base) {
            let n = t.description
            guard let binding = t.bindingName.flatMap({ registry.types[$0] }) else { return .unknown }
            if let p = binding.staticProperties[name], let r = p.signature.returnType {
                return type(of: r, generics: receiverGenerics(t))
            }
            if binding.staticMethods[name] == nil && name != "init" {
                error("type '\(n)' has no member '\(name)'", l)
            }
            return .unknown
        }
        let t = resolve(infer(base))
        switch t {
        case .unknown, .variable:
            return .unknown
        case .tuple(let items, let labels):
            if let i = labels.firstIndex(of: name), i < items.count { return items[i] }
            error("value of tuple type '\(show(t))' has no member '\(name)'", l)
            return .unknown
        default:
            if let p = property(named: name, of: t) { return p }
            if methods(named: name, of: t) == nil && t.bindingName != nil { missingMember(name, t, at: l) }
            return .unknown
        }
    }

    /// The bindings whose members apply to `t`, most specific first (a range also has the
    /// members of an array of its elements), each with its generic parameters.
    func bindings(of t: ScriptType) -> [(TypeBinding, [String: ScriptType])] {
        var result: [(TypeBinding, [String: ScriptType])] = []
        if let b = t.bindingName.flatMap({ registry.types[$0] }) {
            result.append((b, receiverGenerics(t)))
            // The bound protocols it conforms to lend their extension members.
            for p in b.conformances.sorted() { if let pb = registry.types[p] { result.append((pb, [:])) } }
        }
        // Ranges, sets, strings and dictionaries also have Array's non-mutating members (over
        // their elements; a dictionary's are its (key, value) pairs).
        if let a = registry.types["Array"] {
            switch solver.resolve(t) {
            case .range(let bound, _): result.append((a, receiverGenerics(.array(bound))))
            case .dictionary(let k, let v):
                result.append((a, receiverGenerics(.array(.tuple([k, v], labels: ["key", "value"])))))
            case .set(let e): result.append((a, receiverGenerics(.array(e))))
            case .string: result.append((a, receiverGenerics(.array(.character))))
            default: break
            }
        }
        return result
    }

    func property(named name: String, of t: ScriptType) -> ScriptType? {
        for (b, g) in bindings(of: t) {
            if let p = b.properties[name], let r = p.signature.returnType { return type(of: r, generics: g) }
        }
        return nil
    }

    func methods(named name: String, of t: ScriptType) -> ([Overload], [String: ScriptType])? {
        for (b, g) in bindings(of: t) {
            if let m = b.methods[name] { return (m, g) }
        }
        return nil
    }

    func hasMember(_ name: String, _ t: ScriptType) -> Bool {
        property(named: name, of: t) != nil || methods(named: name, of: t) != nil
    }

    /// Reports a missing member, pointing out an optional that needs unwrapping.
    func missingMember(_ name: String, _ t: ScriptType, at l: SourceLocation) {
        if case .optional(let w) = solver.resolve(t), hasMember(name, w) {
            error("value of optional type '\(show(t))' must be unwrapped to refer to member '\(name)' of wrapped base type '\(show(w))'", l)
            return
        }
        error("value of type '\(show(t))' has no member '\(name)'", l)
    }

    /// `.name` where the context's type says which type it belongs to.
    func implicitMember(_ name: String, at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        guard let x = expected else { return .unknown }
        var t = solver.resolve(x)
        if case .optional(let w) = t { t = solver.resolve(w) }
        if let binding = t.bindingName.flatMap({ registry.types[$0] }),
           let p = binding.staticProperties[name], let r = p.signature.returnType {
            if case .native(let n) = t { implicitMembers[l] = n }
            return type(of: r, generics: receiverGenerics(t))
        }
        if case .native(let n) = t, registry.scriptTypes[n] != nil, registry.types[n]?.staticMethods[name] == nil {
            error("type '\(n)' has no member '\(name)'", l)
        }
        return .unknown
    }

    /// `a[i]`, `a[range]`, `d[key]`, `d[key, default: v]`.
    func subscriptType(_ base: Expr, _ args: [Argument], at l: SourceLocation) -> ScriptType {
        let t = resolve(infer(base))
        switch t {
        case .array(let e):
            guard args.count == 1, args[0].label == nil else { break }
            let i = resolve(infer(args[0].value, expected: .int))
            switch i {
            case .range: return t
            case .int, .variable:
                _ = solver.unify(i, .int)
                return e
            case .unknown: return .unknown
            default:
                mismatch(i, .int, .argument, at: startLocation(args[0].value))
                return e
            }
        case .dictionary(let k, let v):
            guard args.count >= 1, args[0].label == nil else { break }
            require(infer(args[0].value, expected: k), k, .argument, at: args[0].value)
            if args.count == 2, args[1].label == "default" {
                require(infer(args[1].value, expected: v), v, .argument, at: args[1].value)
                return v
            }
            guard args.count == 1 else { break }
            return .optional(v)
        case .string:
            guard args.count == 1, args[0].label == nil else { break }
            switch resolve(infer(args[0].value)) {
            case .int:
                error("cannot subscript a value of type 'String' with an argument of type 'Int'; use Array(s)[i]", l)
                return .unknown
            // A range of positions (`s[i..<j]`, `s[..<i]`) is a piece of the text (a Substring
            // in Swift; a String here). A single position is a Character.
            case .range: return .string
            default: return .unknown
            }
        default:
            // A bound library type's subscript rows (`history["loss"]`).
            if let (overloads, generics) = methods(named: "subscript", of: t) {
                return callOverloads(overloads, generics: generics, args, name: "subscript", at: l, expected: nil)
            }
        }
        inferArguments(args)
        return .unknown
    }

    // MARK: - Closures

    /// Whether a value of the (resolved) expected type may be a function: a key path is
    /// accepted only there, since elsewhere Swift would make it a `KeyPath` value.
    static func mayBeFunction(_ expected: ScriptType?) -> Bool {
        switch expected {
        case .function?, .variable?, .unknown?: return true
        case .optional(let w)?: return mayBeFunction(w)
        default: return false
        }
    }

    /// A closure literal: parameter and result types from annotations, else from the context.
    func closure(_ decl: FunctionDecl, expected: ScriptType?) -> ScriptType {
        var wanted: FunctionType? = nil
        if let x = expected {
            var r = solver.resolve(x)
            if case .optional(let w) = r { r = solver.resolve(w) }
            if case .function(let f) = r { wanted = f }
        }
        if decl.isKeyPath && !Self.mayBeFunction(expected.map { solver.resolve($0) }) {
            error("a key path is supported only where a function is expected (as in 'xs.map(\\.name)'); write a closure such as '{ $0.name }'", decl.location)
        }
        let usesDollars = decl.parameters.first?.name.hasPrefix("$") ?? false
        // `{ k, v in ... }` for one tuple parameter destructures it, as Swift allows.
        var destructured: [ScriptType]? = nil
        if var w = wanted, w.parameters.count == 1, decl.parameters.count > 1,
           case .tuple(let parts, _) = solver.resolve(w.parameters[0]), parts.count == decl.parameters.count {
            destructured = w.parameters
            w.parameters = parts
            wanted = w
        }
        if let w = wanted, !usesDollars, !decl.parameters.isEmpty, w.parameters.count != decl.parameters.count {
            error("contextual closure type '\(show(.function(w)))' expects \(w.parameters.count) argument\(w.parameters.count == 1 ? "" : "s"), but \(decl.parameters.count) \(decl.parameters.count == 1 ? "was" : "were") used in closure body", decl.location)
        }
        var params: [ScriptType] = []
        for (i, p) in decl.parameters.enumerated() {
            if let t = p.type { params.append(type(of: t, strict: true, at: p.location)) }
            else if let w = wanted, i < w.parameters.count { params.append(w.parameters[i]) }
            else { params.append(solver.fresh()) }
        }
        // A closure that ignores its arguments (`{ 0 }` where one is passed) keeps the context's arity.
        if let w = wanted, decl.parameters.isEmpty || (usesDollars && params.count < w.parameters.count) {
            params += w.parameters.dropFirst(params.count)
        }
        let result = decl.returnType.map { type(of: $0, strict: true, at: decl.location) } ?? wanted?.result ?? solver.fresh()
        env.push()
        for (p, t) in zip(decl.parameters, params) { env.declare(p.name, TypedName(type: t, isConstant: !p.isInout)) }
        functions.append(FunctionContext(result: result, mayThrow: true, isClosure: true))
        let savedTry = tryDepth, savedCatch = catchDepth
        tryDepth = 0; catchDepth = 0
        if decl.returnType == nil, decl.body.count == 1, case .expr(let e) = decl.body[0] {
            let t = infer(e, expected: result)
            if !convert(t, to: result) {
                let r = solver.resolve(result)
                if r != .void && r != .optional(.void) {
                    error("cannot convert value of type '\(show(t))' to closure result type '\(show(r))'", startLocation(e))
                }
            }
        } else {
            checkBlock(decl.body)
            if case .variable = solver.resolve(result) { _ = solver.unify(result, .void) }
        }
        tryDepth = savedTry; catchDepth = savedCatch
        let threw = functions.removeLast().threw
        env.pop()
        return .function(FunctionType(parameters: destructured ?? params, result: result, throwing: threw))
    }
}
