/// Calls: script functions (labels checked once per call site and callee), bound native
/// functions, initializers, static and instance methods (mutating ones in place).
extension Compiler {
    func call(_ callee: Expr, _ args: [Argument], _ l: SourceLocation) -> Eval {
        let rt = runtime
        let labels = args.map(\.label)
        if Compiler.hasInoutArgument(args) {
            if let overloads = hostOverloads(callee) { return hostInoutCall(overloads, args, l) }
            // `value.method(&x)` (not `Type.method(&x)`): a library row or a script method.
            if case .member(let base, let name, _) = callee {
                var namesType = false
                if case .name(let n, _) = base, resolver.lookup(n) == nil, registry.types[n] != nil { namesType = true }
                if !namesType { return inoutMethodCall(base, name, args, l) }
            }
            return inoutCall(callee, args, l)
        }
        if let special = specialCall(callee, args, l) { return special }
        switch callee {
        case .name(let n, let nl) where resolver.lookup(n) == nil:
            if let overloads = registry.functions[n] {
                let codes = args.map { EvalCode(run: expr($0.value)) }
                return { f in
                    var values: [Value] = []
                    values.reserveCapacity(codes.count)
                    for c in codes { values.append(try c.run(f)) }
                    return try rt.callNative(overloads, this: nil, labels: labels, values: values, at: l)
                }
            }
            if let t = registry.types[n] {
                if t.initializers.isEmpty { return failed("type '\(n)' has no initializers", nl) }
                if let memberwise = memberwiseCall(n, args, l) { return memberwise }
                let codes = args.map { EvalCode(run: expr($0.value)) }
                let inits = t.initializers
                return { f in
                    let values = try codes.map { try $0.run(f) }
                    return try rt.callNative(inits, this: nil, labels: labels, values: values, at: l)
                }
            }
            return failed("cannot find '\(n)' in scope", nl)

        case .member(.name(let tn, _), let name, let ml) where resolver.lookup(tn) == nil && registry.types[tn] != nil:
            guard let overloads = registry.types[tn]?.staticMethods[name] else {
                if name == "init", let inits = registry.types[tn]?.initializers, !inits.isEmpty {
                    let codes = args.map { EvalCode(run: expr($0.value)) }
                    return { f in try rt.callNative(inits, this: nil, labels: labels, values: try codes.map { try $0.run(f) }, at: l) }
                }
                return failed("type '\(tn)' has no member '\(name)'", ml)
            }
            let codes = args.map { EvalCode(run: expr($0.value)) }
            return { f in
                try rt.callNative(overloads, this: nil, labels: labels, values: try codes.map { try $0.run(f) }, at: l)
            }

        case .member(let base, let name, let ml):
            return methodCall(base, name, args, ml)

        case .array(let items, _) where items.count == 1 && Compiler.isTypeName(items[0]) && args.isEmpty:
            return Compiler.constant(.array([]))   // [Int]()

        case .dictionary(let pairs, _) where pairs.count == 1 && Compiler.isTypeName(pairs[0].0)
            && Compiler.isTypeName(pairs[0].1) && args.isEmpty:
            return Compiler.constant(.dictionary(ScriptDictionary()))   // [String: Int]()

        case .name(let n, _):
            if let ref = resolver.lookup(n)?.ref { return knownCall(ref, args, l) }
            return functionValueCall(expr(callee), args, l)

        default:
            return functionValueCall(expr(callee), args, l)
        }
    }

    static func isTypeName(_ e: Expr) -> Bool {
        switch e {
        case .name(let n, _): return n.first?.isUppercase == true
        case .array(let items, _): return items.count == 1 && isTypeName(items[0])
        case .dictionary(let pairs, _): return pairs.count == 1 && isTypeName(pairs[0].0) && isTypeName(pairs[0].1)
        default: return false
        }
    }

    /// Calls a value that should be a function.
    func functionValueCall(_ calleeCode: @escaping Eval, _ args: [Argument], _ l: SourceLocation) -> Eval {
        functionValueCall(calleeCode, args.map(\.label), args.map { EvalCode(run: expr($0.value)) }, l)
    }

    /// `functionValueCall` with the arguments' labels and compiled code.
    func functionValueCall(_ calleeCode: @escaping Eval, _ labels: [String?], _ argCodes: [EvalCode],
                           _ l: SourceLocation) -> Eval {
        switch argCodes.count {
        case 0: return functionValueCall(NoArguments(), calleeCode, labels, argCodes, l)
        case 1: return functionValueCall(OneArgument(a: argCodes[0].run), calleeCode, labels, argCodes, l)
        case 2: return functionValueCall(TwoArguments(a: argCodes[0].run, b: argCodes[1].run), calleeCode, labels, argCodes, l)
        default: return functionValueCall(ManyArguments(codes: argCodes), calleeCode, labels, argCodes, l)
        }
    }

    /// A call of a function value: the function called last time is called directly (its
    /// arguments evaluated straight into its slots); any other goes through `generalCall`.
    private func functionValueCall<Fill: ArgumentFill>(_ fill: Fill, _ calleeCode: @escaping Eval, _ labels: [String?],
                                                       _ argCodes: [EvalCode], _ l: SourceLocation) -> Eval {
        let rt = runtime
        let site = CallSiteCache()
        let general = generalCall(site, labels, argCodes, l)
        return { f in
            let callee = try calleeCode(f)
            guard case .function(let fn) = callee else {
                throw LocatedError(message: "cannot call value of non-function type '\(callee.typeName)'", location: l)
            }
            let id = ObjectIdentifier(fn)
            if id != site.identity && (id == site.fallback || !site.prepare(fn, labels: labels, at: l)) {
                return try general(fn, f)
            }
            return try rt.callBound(site, fill, f, l) { try general(fn, f) }
        }
    }

    /// Calls `fn` with the arguments matched to its parameters by label (defaults anywhere,
    /// variadics, captured parameters), or a native function with its values.
    private func generalCall(_ site: CallSiteCache, _ labels: [String?], _ argCodes: [EvalCode],
                             _ l: SourceLocation) -> (Function, Frame) throws -> Value {
        let rt = runtime
        let codes = argCodes.map(\.run)
        return { fn, f in
            guard let script = fn.script else {
                let values = try codes.map { try $0(f) }
                return try rt.call(fn, values, at: l)
            }
            let p = script.prototype
            try site.map(p, labels, at: l)
            let mapping = site.mapping
            if let pi = p.inoutIndices.first(where: { mapping[$0] >= 0 }) {
                let v = try codes[mapping[pi]](f)
                throw LocatedError(message: "passing value of type '\(v.typeName)' to an inout parameter requires explicit '&'", location: l)
            }
            return try rt.withFrame(script, l) { frame in
                for (pi, ai) in mapping.enumerated() {
                    var v: Value
                    if ai >= 0 {
                        v = try codes[ai](f)
                    } else if ai == -2 {
                        v = .array(try site.variadic.map { try codes[$0](f) })
                    } else if let d = p.defaults[pi] {
                        v = try d(frame)
                    } else {
                        v = .void
                    }
                    if let t = p.parameterTypes[pi] {
                        v = try rt.coerce(v, to: t, what: "argument '\(p.parameterNames[pi])' of '\(p.signatureName)'", at: l)
                    }
                    switch p.targets[pi] {
                    case .slot(let i): frame.slots[i] = v
                    case .cell(let i): frame.cells[i] = Cell(v)
                    }
                }
                return try rt.runBody(p, frame, l)
            }
        }
    }

    /// `base.name(args)`: a registry method of the base's type, mutating in place when the
    /// method is mutating, or a function stored in a tuple member.
    func methodCall(_ base: Expr, _ name: String, _ args: [Argument], _ l: SourceLocation) -> Eval {
        let rt = runtime
        let labels = args.map(\.label)
        let baseCode = expr(base)
        // `xs.append(1)` with `var xs: [Double]`: the literal becomes a Double, as in Swift.
        var elementType: TypeRef? = nil
        if name == "append" || name == "insert", case .name(let n, _) = base,
           case .array(let t)? = resolver.lookup(n)?.type {
            elementType = t
        }
        // `EvalCode`: closures held in an array directly are called through reabstraction thunks.
        let codes = args.map { EvalCode(run: expr($0.value, expected: $0.label == nil ? elementType : nil)) }
        let modify = lvalue(base)
        var constantName: String? = nil
        if let (root, _) = rootName(base), let b = resolver.lookup(root), b.isConstant,
           !assignmentsThroughClass.contains(l) { constantName = root }
        final class Cache {   // read on every call (`@exclusivity(unchecked)`: see `Cell`)
            @exclusivity(unchecked) var typeName = ""
            @exclusivity(unchecked) var overloads: [Overload] = []
        }
        let cache = Cache()
        let mutatingSite = CallSiteCache()
        func callWith(_ f: Frame, _ values: [Value]) throws -> Value {
            var overloads: [Overload]
            do {
                var receiver = try baseCode(f)
                let typeName = receiver.bindingTypeName
                if cache.typeName == typeName {
                    overloads = cache.overloads
                } else {
                    var found = rt.registry.hostMethods(typeName, name)
                    if found == nil, receiver.borrowsArrayMembers, let a = rt.registry.types["Array"]?.methods[name],
                       !a.contains(where: \.isMutating) {
                        found = a
                    }
                    guard let found else {
                        if case .tuple(let items, let tl) = receiver, let i = tl.firstIndex(of: name), i < items.count {
                            return try rt.call(items[i], values, at: l)
                        }
                        // A stored property holding a function: `model.activation(x)`.
                        if let o = receiver.scriptObject, let i = o.type.fieldIndex[name], i < o.fields.count {
                            return try rt.call(o.fields[i], values, at: l)
                        }
                        if case .optional(.some) = receiver {
                            throw LocatedError(message: "value of optional type '\(receiver.typeName)' must be unwrapped to refer to member '\(name)'; use '!' or '?.'", location: l)
                        }
                        throw LocatedError(message: "value of type '\(receiver.typeName)' has no member '\(name)'", location: l)
                    }
                    overloads = found
                    cache.typeName = receiver.bindingTypeName
                    cache.overloads = found
                }
                if receiver.borrowsArrayMembers, rt.registry.types[receiver.bindingTypeName]?.methods[name] == nil {
                    receiver = .array(try rt.materialize(receiver, at: l))
                }
                // A declared type's method called with exactly its labels: no binding needed.
                if overloads.count == 1, !overloads[0].isMutating, let slot = overloads[0].memberSlot,
                   case .function(let fn) = slot.function, overloads[0].signature.takesExactly(labels) {
                    var all = [receiver]
                    all.append(contentsOf: values)
                    return try rt.call(fn, all, at: l)
                }
                if !overloads[0].isMutating {
                    let (o, a) = try rt.bind(overloads, labels: labels, values: values, at: l)
                    return try rt.invokeNative(o, this: receiver, a, at: l)
                }
            }
            // A declared type's mutating method with exactly its labels: in place, unbound
            // (and the site bound to it for the next calls).
            if overloads.count == 1, let slot = overloads[0].memberSlot, constantName == nil, let modify,
               overloads[0].signature.takesExactly(labels) {
                var result = Value.void
                try modify(f) { this in
                    if !mutatingSite.disabled, mutatingSite.receiverType == nil, let t = this.scriptObject?.type {
                        mutatingSite.bindMutating(t, slot, argumentCount: values.count)
                    }
                    result = try rt.callMutating(slot.function, &this, values, at: l)
                }
                return result
            }
            // Mutating: bind first, then run in place on the variable's storage.
            let (o, a) = try rt.bind(overloads, labels: labels, values: values, at: l)
            guard case .mutatingMethod(let body) = o.body else { return .void }
            if let constantName {
                throw LocatedError(message: "cannot use mutating member '\(name)' on immutable value: '\(constantName)' is a 'let' constant", location: l)
            }
            guard let modify else {
                throw LocatedError(message: "cannot use mutating member '\(name)' on an immutable value", location: l)
            }
            var result = Value.void
            try modify(f) { this in
                do {
                    result = try body(&this, a)
                } catch let e as LocatedError { throw e } catch let e as Interrupted { throw e } catch let e as ThrownError { throw e } catch {
                    throw LocatedError(message: Runtime.hostMessage(error, in: o.qualifiedName), location: l,
                                       catchable: o.signature.throwing)
                }
            }
            return result
        }
        // `xs.append(x)` on an array variable: in place, without binding arguments.
        if name == "append", codes.count == 1, labels[0] == nil, constantName == nil, let modify {
            let arg = codes[0].run
            if case .name(let n, _) = base, case .global(let cell)? = resolver.lookup(n)?.ref {
                return { f in
                    let v = try arg(f)
                    guard var a = cell.value.takeArray() else { return try callWith(f, [v]) }
                    a.append(v)
                    cell.value = .array(a)
                    return .void
                }
            }
            return { f in
                let v = try arg(f)
                var done = false
                try modify(f) { this in
                    guard var a = this.takeArray() else { return }
                    a.append(v)
                    this = .array(a)
                    done = true
                }
                return done ? .void : try callWith(f, [v])
            }
        }
        if constantName == nil, let modify {
            let argumentCount = codes.count
            if argumentCount <= 1 {
                let arg: EvalCode = codes.first ?? EvalCode { _ in .void }
                return { f in
                    let v = try arg.run(f)
                    // A bound declared mutating method: in place, without looking it up.
                    if mutatingSite.isBoundMutating {
                        var result: Value? = nil
                        try modify(f) { this in
                            if mutatingSite.matchesMutating(this) {
                                result = try rt.callMutatingDirect(mutatingSite, &this, v, argumentCount: argumentCount, at: l)
                            }
                        }
                        if let result { return result }
                        mutatingSite.disabled = true
                    }
                    return try callWith(f, argumentCount == 1 ? [v] : [])
                }
            }
            return { f in
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for c in codes { values.append(try c.run(f)) }
                // A bound declared mutating method: in place, without looking it up.
                if mutatingSite.isBoundMutating {
                    var result: Value? = nil
                    try modify(f) { this in
                        if mutatingSite.matchesMutating(this) {
                            result = try rt.callMutatingDirect(mutatingSite, &this, values, at: l)
                        }
                    }
                    if let result { return result }
                    mutatingSite.disabled = true
                }
                return try callWith(f, values)
            }
        }
        return { f in
            var values: [Value] = []
            values.reserveCapacity(codes.count)
            for c in codes { values.append(try c.run(f)) }
            return try callWith(f, values)
        }
    }
}
