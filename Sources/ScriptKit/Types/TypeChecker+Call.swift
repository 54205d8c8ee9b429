/// Calls: script functions, host rows (overloads tried in order), initializers, function values.
extension TypeChecker {
    /// A parameter as a call sees it: its type already instantiated.
    struct CallParameter {
        var isInout = false
        var label: String?
        var name: String
        var type: ScriptType
        var hasDefault: Bool
        var isVariadic: Bool
    }

    func call(_ callee: Expr, _ args: [Argument], at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        let start = startLocation(callee)
        callParen = l
        switch callee {
        case .name(let n, let nl):
            if let (overloads, generics) = implicitSelfMethod(n, at: nl) {
                return callOverloads(overloads, generics: generics, args, name: "instance method '\(n)'", at: start, expected: expected)
            }
            if let overloads = implicitStaticMethod(n, at: nl) {
                return callOverloads(overloads, generics: [:], args, name: "static method '\(n)'", at: start, expected: expected)
            }
            if let info = env.lookup(n) {
                if let sig = info.function { return callScript(sig, args, at: start) }
                if let r = callAsFunction(info.type, args, at: start, call: l, expected: expected) { return r }
                return callValue(info.type, args, at: start)
            }
            if let overloads = registry.functions[n] {
                return callOverloads(overloads, generics: [:], args, name: "global function '\(n)'", at: start, expected: expected)
            }
            if let t = typeExpression(callee) {
                return construct(t, args, at: start, expected: expected)
            }
        case .member(.name("super", _), let name, let ml):
            guard let ctx = memberContext, case .native(let n) = ctx.type,
                  let (overloads, generics) = methods(named: "super(\(n)).\(name)", of: ctx.type) else {
                inferArguments(args)
                error("'super' members cannot be referenced here: '\(name)' is not a method of a superclass", ml)
                return .unknown
            }
            superMembers[ml] = "super(\(n)).\(name)"
            return callOverloads(overloads, generics: generics, args, name: "instance method '\(name)'", at: start, expected: expected)
        case .member(let base, let name, _):
            // `MultVAE.Configuration(...)`: a nested bound type's initializer.
            if let nested = typeExpression(callee) { return construct(nested, args, at: start, expected: expected) }
            if let t = typeExpression(base) {
                if name == "init" { return construct(t, args, at: start, expected: expected) }
                if let binding = t.bindingName.flatMap({ registry.types[$0] }), let overloads = binding.staticMethods[name] {
                    return callOverloads(overloads, generics: receiverGenerics(t), args, name: "static method '\(name)'", at: start, expected: expected)
                }
                break
            }
            let receiver = resolve(infer(base))
            // `[[T]].joined()` concatenates the arrays (a `[T]`); `[String].joined()` is a String.
            if name == "joined", args.isEmpty, case .array(let inner) = receiver, case .array = resolve(inner) {
                return resolve(inner)
            }
            if let (overloads, generics) = methods(named: name, of: receiver) {
                if overloads.allSatisfy(\.isMutating) { requireMutable(base, receiver, at: callee.location) }
                if name == "append" || name == "insert", case .array(let e) = receiver, case .optional = resolve(e),
                   let first = args.first, first.label == nil {
                    optionalWraps.insert(first.location)
                }
                return callOverloads(overloads, generics: generics, args, name: "instance method '\(name)'", at: start, expected: expected)
            }
            switch receiver {
            case .unknown, .variable:
                break
            case .tuple(let items, let labels):
                if let i = labels.firstIndex(of: name), i < items.count { return callValue(items[i], args, at: start) }
                error("value of tuple type '\(show(receiver))' has no member '\(name)'", callee.location)
            default:
                if let p = property(named: name, of: receiver) { return callValue(p, args, at: start) }
                missingMember(name, receiver, at: callee.location)
            }
            inferArguments(args)
            return .unknown
        case .array, .dictionary, .genericType:
            if let t = typeExpression(callee) { return construct(t, args, at: start, expected: expected) }
        case .implicitMember(let name, let ml):
            if let x = expected {
                var t = solver.resolve(x)
                if case .optional(let w) = t { t = solver.resolve(w) }
                if let binding = t.bindingName.flatMap({ registry.types[$0] }), let overloads = binding.staticMethods[name] {
                    implicitMembers[ml] = t.description
                    return callOverloads(overloads, generics: receiverGenerics(t), args, name: "static method '\(name)'", at: start, expected: expected)
                }
            }
            inferArguments(args)
            return .unknown
        default:
            break
        }
        let calleeType = infer(callee)
        if let r = callAsFunction(calleeType, args, at: start, call: l, expected: expected) { return r }
        return callValue(calleeType, args, at: start)
    }

    /// `value(args)` on a library value whose bound type (or a protocol it conforms to) has
    /// `callAsFunction` rows, as Swift allows (`layer(x)`); nil for other callees.
    private func callAsFunction(_ t: ScriptType, _ args: [Argument], at start: SourceLocation, call l: SourceLocation,
                                expected: ScriptType?) -> ScriptType? {
        let receiver = resolve(t)
        guard case .native = receiver, let (overloads, generics) = methods(named: "callAsFunction", of: receiver) else { return nil }
        callAsFunctionCalls.insert(l)
        return callOverloads(overloads, generics: generics, args, name: "instance method 'callAsFunction'", at: start, expected: expected)
    }

    /// The static type a type name denotes (`Int`, `Tensor`), or nil when it names no type.
    func typeNamed(_ n: String) -> ScriptType? {
        switch n {
        case "Int": return .int
        case _ where Registry.fixedWidthIntegerNames.contains(n): return .int
        case "Double": return .double
        case "Float": return .float
        case "Bool": return .bool
        case "String": return .string
        case "Character": return .character
        case "Array": return .array(solver.fresh())
        case "Dictionary": return .dictionary(solver.fresh(), solver.fresh())
        case "Set": return .set(solver.fresh())
        default: return registry.types[n] != nil ? .native(n) : nil
        }
    }

    /// The type a type expression names (`Int`, `[Double]`, `[String: [Int]]`), or nil.
    func typeExpression(_ e: Expr) -> ScriptType? {
        switch e {
        case .name(let n, let l):
            guard env.lookup(n) == nil else { return nil }
            // A type alias of a declared or bound type used as a value (`Tag(text:)` for
            // `Item.Tag` inside `Item`): the rewrite names the type itself.
            if registry.types[n] == nil, case .named(let target)? = registry.typeAliases[n], registry.types[target] != nil {
                aliasedTypeNames[l] = target
                return .native(target)
            }
            return typeNamed(n)
        case .array(let items, _) where items.count == 1:
            return typeExpression(items[0]).map { .array($0) }
        case .dictionary(let pairs, _) where pairs.count == 1:
            guard let k = typeExpression(pairs[0].0), let v = typeExpression(pairs[0].1) else { return nil }
            return .dictionary(k, v)
        case .genericType(let n, let args, _):
            let t = type(of: .generic(n, args))
            return t == .unknown ? nil : t
        case .member(let base, let name, let l):
            // `MultVAE.Configuration`: a bound type nested in another.
            guard let outer = typeExpression(base)?.bindingName else { return nil }
            var full = outer + "." + name
            if case .named(let target)? = registry.typeAliases[full] { full = target }
            guard registry.types[full] != nil else { return nil }
            nestedTypeNames[l] = full
            return .native(full)
        default:
            return nil
        }
    }

    /// Generic parameter names of a receiver's rows, bound to its parts.
    func receiverGenerics(_ t: ScriptType) -> [String: ScriptType] {
        switch solver.resolve(t) {
        case .array(let e), .set(let e): return ["Element": e]
        case .range(let b, _): return ["Element": b, "Bound": b]
        case .dictionary(let k, let v): return ["Key": k, "Value": v, "Element": .tuple([k, v], labels: ["key", "value"])]
        case .optional(let w): return ["Wrapped": w]
        case .string: return ["Element": .character]
        default: return [:]
        }
    }

    /// A mutating method needs a `var` receiver (not a `let`, not a temporary), unless the
    /// storage is reached through a class instance.
    func requireMutable(_ base: Expr, _ receiver: ScriptType, at l: SourceLocation) {
        if case .native(let n) = receiver, registry.scriptTypes[n]?.kind == .object { return }
        if throughClass(base) { classRoots.insert(l); return }
        var root = base
        while true {
            switch root {
            case .member(let b, _, _), .subscriptAccess(let b, _, _), .tupleIndex(let b, _, _), .forceUnwrap(let b, _),
                 .bindOptional(let b, _), .optionalChain(let b, _):
                root = b
                continue
            default: break
            }
            break
        }
        guard case .name(let n, _) = root, let info = env.lookup(n), info.isConstant else { return }
        if n == "self" {
            error("cannot use mutating member on immutable value: 'self' is immutable", l)
        } else {
            error("cannot use mutating member on immutable value: '\(n)' is a 'let' constant", l)
        }
    }

    func inferArguments(_ args: [Argument]) {
        for a in args {
            // A key path passed to a callee of unknown type may be the function it expects.
            if case .closure(let d) = a.value, d.isKeyPath { _ = infer(a.value, expected: .unknown); continue }
            _ = infer(a.value)
        }
    }

    // MARK: - Kinds of callee

    private func callScript(_ sig: FunctionSignature, _ args: [Argument], at l: SourceLocation) -> ScriptType {
        let params = sig.parameters.map {
            CallParameter(isInout: $0.isInout, label: $0.label, name: $0.name, type: $0.isVariadic ? elementOf($0.type) : $0.type,
                          hasDefault: $0.hasDefault, isVariadic: $0.isVariadic)
        }
        var argumentThrows = false
        _ = matchArguments(params, args, at: l, argumentThrows: &argumentThrows, checksInout: true)
        if sig.throwing && (!sig.rethrowing || argumentThrows) { noteThrowingCall(at: l) }
        return sig.result
    }

    private func elementOf(_ t: ScriptType) -> ScriptType {
        if case .array(let e) = t { return e }
        return t
    }

    /// Calls a value of function type (no argument labels).
    private func callValue(_ t: ScriptType, _ args: [Argument], at l: SourceLocation) -> ScriptType {
        switch solver.resolve(t) {
        case .function(let f):
            let params = f.parameters.enumerated().map {
                CallParameter(label: nil, name: "#\($0.offset + 1)", type: $0.element, hasDefault: false, isVariadic: false)
            }
            var argumentThrows = false
            _ = matchArguments(params, args, at: l, argumentThrows: &argumentThrows)
            if f.throwing { noteThrowingCall(at: l) }
            return f.result
        case .unknown, .variable:
            inferArguments(args)
            return .unknown
        case let other:
            inferArguments(args)
            error("cannot call value of non-function type '\(show(other))'", l)
            return .unknown
        }
    }

    /// `T(...)`: the initializer rows of the type.
    private func construct(_ t: ScriptType, _ args: [Argument], at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        guard let binding = t.bindingName.flatMap({ registry.types[$0] }), !binding.initializers.isEmpty else {
            inferArguments(args)
            return t
        }
        return callOverloads(binding.initializers, generics: receiverGenerics(t), args, name: "initializer",
                             at: l, expected: expected, result: t)
    }

    /// Tries each row in order; the first whose labels and types fit is the one called.
    func callOverloads(_ overloads: [Overload], generics: [String: ScriptType], _ args: [Argument], name: String,
                       at l: SourceLocation, expected: ScriptType?, result: ScriptType? = nil) -> ScriptType {
        var chosen: ScriptType? = nil
        for o in overloads {
            var throwing = false
            if attempt({
                chosen = apply(o, generics: generics, args, at: l, result: result, throwing: &throwing)
                return chosen != nil
            }) {
                if throwing { noteThrowingCall(at: l) }
                return chosen!
            }
        }
        // None fits: report the row's own errors when one row alone takes these labels.
        let labelled = overloads.filter { labelsFit($0.signature, args) }
        if labelled.count == 1 || overloads.count == 1 {
            var throwing = false
            return apply(labelled.first ?? overloads[0], generics: generics, args, at: l, result: result, throwing: &throwing) ?? .unknown
        }
        inferArguments(args)
        error("no exact matches in call to \(name)", l)
        return .unknown
    }

    /// Checks a call against one row; the result type, or nil after reporting what did not fit.
    private func apply(_ o: Overload, generics: [String: ScriptType], _ args: [Argument], at l: SourceLocation,
                       result: ScriptType?, throwing: inout Bool) -> ScriptType? {
        var g = generics
        for n in o.signature.genericNames { g[n] = solver.fresh() }
        for n in ["T", "U", "V", "Result"] where g[n] == nil { g[n] = solver.fresh() }
        let params = o.signature.parameters.map {
            CallParameter(isInout: $0.isInout, label: $0.label, name: $0.name, type: type(of: $0.type, generics: g),
                          hasDefault: $0.defaultValue != nil, isVariadic: $0.isVariadic)
        }
        var argumentThrows = false
        guard matchArguments(params, args, at: l, argumentThrows: &argumentThrows, host: true, checksInout: true) else { return nil }
        throwing = o.signature.throwing || (o.signature.rethrowing && argumentThrows)
        if let r = o.signature.returnType { return type(of: r, generics: g) }
        return result ?? .void
    }

    private func labelsFit(_ s: Signature, _ args: [Argument]) -> Bool {
        var i = 0
        for p in s.parameters {
            if i < args.count && labelFits(args[i].label, p.label) {
                i += 1
                if p.isVariadic { while i < args.count && args[i].label == nil { i += 1 } }
            } else if p.defaultValue == nil && !p.isVariadic {
                return false
            }
        }
        return i == args.count
    }

    // MARK: - Arguments

    /// Pairs arguments with parameters as Swift does (labels in order, defaults skipped,
    /// variadics, a trailing closure for a function parameter) and checks each argument's
    /// type. Reports the first problem with swiftc's wording; false when anything failed.
    func matchArguments(_ params: [CallParameter], _ args: [Argument], at l: SourceLocation,
                        argumentThrows: inout Bool, host: Bool = false, checksInout: Bool = false) -> Bool {
        let paren = callParen ?? l
        var ai = 0
        var ok = true
        func check(_ a: Argument, _ p: CallParameter) {
            let t = infer(a.value, expected: p.type)
            // A script function's `inout` parameter takes `&x`, and only it does.
            if checksInout {
                if case .inoutArgument = a.value {
                    if !p.isInout { error("'&' used with non-inout argument of type '\(show(t))'", a.value.location); ok = false }
                } else if p.isInout {
                    error("passing value of type '\(show(t))' to an inout parameter requires explicit '&'", startLocation(a.value))
                    ok = false
                }
            }
            // Host rows taking an array take any sequence of its elements (a range too).
            if host, case .range(let b, _) = solver.resolve(t), case .array(let e) = solver.resolve(p.type),
               solver.unify(b, e) { return }
            if !convert(t, to: p.type) {
                mismatch(t, p.type, .argument, at: startLocation(a.value))
                ok = false
            }
            if case .function(let f) = solver.resolve(t), f.throwing { argumentThrows = true }
        }
        for p in params {
            let isFunction: Bool
            switch solver.resolve(p.type) {
            case .function, .unknown, .variable: isFunction = true
            case .optional(let w): if case .function = solver.resolve(w) { isFunction = true } else { isFunction = false }
            default: isFunction = false
            }
            if ai < args.count && labelFits(args[ai].label, p.label)
                && (args[ai].label != trailingClosureLabel || isFunction) {
                check(args[ai], p)
                ai += 1
                if p.isVariadic {
                    while ai < args.count && args[ai].label == nil { check(args[ai], p); ai += 1 }
                }
            } else if p.hasDefault || p.isVariadic {
                continue
            } else if ai < args.count {
                let have = args[ai].label
                if have == trailingClosureLabel {
                    error("trailing closure passed to parameter of type '\(show(p.type))' that does not accept a closure", args[ai].location)
                } else if have == nil, let want = p.label {
                    error("missing argument label '\(want):' in call", paren)
                } else if let have, p.label == nil {
                    error("extraneous argument label '\(have):' in call", args[ai].location)
                } else {
                    let haveAll = args.map { ($0.label ?? "_") + ":" }.joined()
                    let wantAll = params.map { ($0.label ?? "_") + ":" }.joined()
                    error("incorrect argument label in call (have '\(haveAll)', expected '\(wantAll)')", paren)
                }
                for a in args[ai...] { _ = infer(a.value) }
                return false
            } else {
                error("missing argument for parameter \(p.label.map { "'\($0)'" } ?? "#\(params.firstIndex { $0.name == p.name }.map { $0 + 1 } ?? 1)") in call", l)
                return false
            }
        }
        if ai < args.count {
            let a = args[ai]
            if let label = a.label, label != trailingClosureLabel {
                error("extra argument '\(label)' in call", a.location)
            } else {
                error("extra argument in call", a.location)
            }
            for a in args[ai...] { _ = infer(a.value) }
            return false
        }
        return ok
    }
}
