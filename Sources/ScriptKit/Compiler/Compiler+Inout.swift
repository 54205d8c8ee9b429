/// `inout` parameters and `&` arguments, by copy-in copy-out as Swift specifies: the
/// argument's value moves into the callee's parameter (so a collection stays uniquely
/// referenced and is mutated in place), and the parameter's final value is written back
/// when the call returns or throws. Also `swap(&a, &b)`.
extension Compiler {
    /// Whether any argument is passed with `&`.
    static func hasInoutArgument(_ args: [Argument]) -> Bool {
        args.contains { if case .inoutArgument = $0.value { return true }; return false }
    }

    /// The storage an `&` argument names, checked as swiftc does; nil after reporting an error.
    func inoutTarget(_ e: Expr, _ l: SourceLocation) -> Modify? {
        switch e {
        case .int, .double, .string, .bool, .nilLiteral, .interpolated, .array, .dictionary:
            error("cannot pass immutable value as inout argument: literals are not mutable", l)
            return nil
        default: break
        }
        if let (root, rl) = rootName(e) {
            guard let b = resolver.lookup(root) else {
                error("cannot find '\(root)' in scope", rl)
                return nil
            }
            if b.isConstant {
                error("cannot pass immutable value as inout argument: '\(root)' is a 'let' constant", l)
                return nil
            }
        }
        guard let modify = lvalue(e) else {
            error("cannot pass immutable value as inout argument", l)
            return nil
        }
        return modify
    }

    /// Reports two `&` arguments of one call that reach the same variable.
    func checkInoutAliasing(_ args: [Argument], isSwap: Bool) -> Bool {
        var seen: [String: (plain: Bool, location: SourceLocation)] = [:]
        for a in args {
            guard case .inoutArgument(let e, let l) = a.value, let (root, _) = rootName(e) else { continue }
            var plain = false
            if case .name = e { plain = true }
            if let first = seen[root] {
                if plain && first.plain {
                    error("inout arguments are not allowed to alias each other", l)
                } else {
                    let hint = isSwap ? "consider calling MutableCollection.swapAt(_:_:)" : "consider copying to a local variable"
                    error("overlapping accesses to '\(root)', but modification requires exclusive access; \(hint)", first.location)
                }
                return false
            }
            seen[root] = (plain, l)
        }
        return true
    }

    /// `receiver.method(&x)`: a library row of the receiver's type when it has one that is
    /// not mutating (`xs.shuffled(using: &generator)`), or a declared type's method, called
    /// as its function with the receiver first (`&receiver` for a `mutating` one). The
    /// receiver is evaluated once to choose (and again as the `&` target of a mutating call);
    /// the arguments are compiled once, for whichever path runs.
    func inoutMethodCall(_ base: Expr, _ name: String, _ args: [Argument], _ l: SourceLocation) -> Eval {
        let rt = runtime
        let receiverCode = expr(base)
        guard let arguments = inoutArguments(args, isSwap: false) else { return { _ in .void } }
        final class Callee {   // the declared method's function and receiver, for the script paths
            @exclusivity(unchecked) var function: Value = .void
            @exclusivity(unchecked) var receiver: Value = .void
        }
        let callee = Callee()
        let hostCall = hostInoutInvocation(arguments, l)
        let calleeCode: Eval = { _ in callee.function }
        let methodCall = inoutCall(calleeCode, arguments.prepending(code: { _ in callee.receiver }, at: l), l)
        // A mutating method takes the receiver's storage with `&` (compiled only where it is a variable).
        var mutatingCall: Eval? = nil
        var constantRoot: String? = nil
        if let (root, _) = rootName(base), let b = resolver.lookup(root) {
            if b.isConstant && !assignmentsThroughClass.contains(l) { constantRoot = root }
            else if let modify = lvalue(base),
                    checkInoutAliasing([Argument(label: nil, value: .inoutArgument(base, l), location: l)] + args, isSwap: false) {
                mutatingCall = inoutCall(calleeCode, arguments.prepending(modify: modify, at: l), l)
            }
        }
        return { f in
            let v = try receiverCode(f)
            guard let rows = rt.registry.hostMethods(v.bindingTypeName, name) else {
                throw LocatedError(message: "value of type '\(v.typeName)' has no member '\(name)'", location: l)
            }
            guard rows.count == 1, let slot = rows[0].memberSlot else {
                if rows.contains(where: \.isMutating) {
                    throw LocatedError(message: "mutating library methods with '&' arguments are not supported yet", location: l)
                }
                return try hostCall(f, rows, v)
            }
            callee.function = slot.function
            defer { callee.function = .void; callee.receiver = .void }
            if rows[0].isMutating {
                guard let mutatingCall else {
                    throw LocatedError(message: "cannot use mutating member '\(name)' on immutable value"
                                       + (constantRoot.map { ": '\($0)' is a 'let' constant" } ?? ""), location: l)
                }
                return try mutatingCall(f)
            }
            callee.receiver = v
            return try methodCall(f)
        }
    }

    /// A call's arguments compiled for a call with `&` ones: for each, its code or (for an `&`
    /// argument) its storage, with labels and locations.
    struct InoutArguments {
        var codes: [Eval?]
        var modifies: [Modify?]
        var labels: [String?]
        var locations: [SourceLocation]

        /// The same arguments after a first, unlabeled one given by `code`.
        func prepending(code: @escaping Eval, at l: SourceLocation) -> InoutArguments {
            InoutArguments(codes: [code] + codes, modifies: [nil] + modifies, labels: [nil] + labels, locations: [l] + locations)
        }

        /// The same arguments after a first, unlabeled `&` one whose storage is `modify`.
        func prepending(modify: @escaping Modify, at l: SourceLocation) -> InoutArguments {
            InoutArguments(codes: [nil] + codes, modifies: [modify] + modifies, labels: [nil] + labels, locations: [l] + locations)
        }
    }

    /// Compiles `args`, checking each `&` target and their aliasing as swiftc does; nil after
    /// reporting an error.
    func inoutArguments(_ args: [Argument], isSwap: Bool) -> InoutArguments? {
        var a = InoutArguments(codes: [], modifies: [], labels: args.map(\.label), locations: args.map(\.location))
        for arg in args {
            if case .inoutArgument(let e, let al) = arg.value {
                guard let m = inoutTarget(e, al) else { return nil }
                a.modifies.append(m)
                a.codes.append(nil)
            } else {
                a.modifies.append(nil)
                a.codes.append(expr(arg.value))
            }
        }
        guard checkInoutAliasing(args, isSwap: isSwap) else { return nil }
        return a
    }

    /// A call with `&` arguments.
    func inoutCall(_ callee: Expr, _ args: [Argument], _ l: SourceLocation) -> Eval {
        var isSwap = false
        if case .name("swap", _) = callee, resolver.lookup("swap") == nil { isSwap = true }
        guard let arguments = inoutArguments(args, isSwap: isSwap) else { return { _ in .void } }
        if isSwap { return swapCall(args, arguments.modifies, l) }
        return inoutCall(expr(callee), arguments, l)
    }

    /// A call with `&` arguments of the function that `calleeCode` gives.
    func inoutCall(_ calleeCode: @escaping Eval, _ arguments: InoutArguments, _ l: SourceLocation) -> Eval {
        let rt = runtime
        let modifies = arguments.modifies, codes = arguments.codes, labels = arguments.labels
        let locations = arguments.locations
        let site = CallSiteCache()
        return { f in
            let callee = try calleeCode(f)
            guard case .function(let fn) = callee else {
                throw LocatedError(message: "cannot call value of non-function type '\(callee.typeName)'", location: l)
            }
            // Plain arguments first, then the `&` ones move out of their storage.
            var values = [Value](repeating: .void, count: codes.count)
            for (i, c) in codes.enumerated() { if let c { values[i] = try c(f) } }
            guard let script = fn.script else {
                let i = modifies.firstIndex { $0 != nil } ?? 0
                var v = Value.void
                try modifies[i]?(f) { v = $0 }
                throw LocatedError(message: "'&' used with non-inout argument of type '\(v.typeName)'", location: locations[i])
            }
            let p = script.prototype
            try site.map(p, labels, at: l)
            let mapping = site.mapping
            for (pi, ai) in mapping.enumerated() where ai >= 0 {
                let wantsInout = p.inoutIndices.contains(pi)
                if wantsInout != (modifies[ai] != nil) {
                    let v = try codes[ai].map { _ in values[ai] } ?? Compiler.peek(modifies[ai]!, f)
                    throw LocatedError(message: wantsInout
                        ? "passing value of type '\(v.typeName)' to an inout parameter requires explicit '&'"
                        : "'&' used with non-inout argument of type '\(v.typeName)'", location: locations[ai])
                }
            }
            for (i, m) in modifies.enumerated() { if let m { try m(f) { v in values[i] = v; v = .void } } }
            var outs: [(argument: Int, value: Value)] = []
            func writeBack() throws {
                for (ai, v) in outs { try modifies[ai]!(f) { $0 = v } }
            }
            let result: Value
            do {
                result = try rt.withFrame(script, l) { frame in
                    defer {
                        for pi in p.inoutIndices where mapping[pi] >= 0 {
                            switch p.targets[pi] {
                            case .slot(let s): outs.append((mapping[pi], frame.slots[s]))
                            case .cell(let c): outs.append((mapping[pi], frame.cells[c].value))
                            }
                        }
                    }
                    for (pi, ai) in mapping.enumerated() {
                        var v: Value
                        if ai >= 0 {
                            v = values[ai]
                            values[ai] = .void
                        } else if ai == -2 {
                            v = .array(site.variadic.map { values[$0] })
                        } else if let d = p.defaults[pi] {
                            v = try d(frame)
                        } else {
                            v = .void
                        }
                        // An `&` collection already has its variable's type: checking every
                        // element on each call would make `push(&xs, x)` in a loop quadratic.
                        if let t = p.parameterTypes[pi], !(ai >= 0 && modifies[ai] != nil && Value.sameCollectionKind(v, t)) {
                            v = try rt.coerce(v, to: t, what: "argument '\(p.parameterNames[pi])' of '\(p.signatureName)'", at: l)
                        }
                        rt.store(v, p.targets[pi], frame)
                    }
                    return try rt.runBody(p, frame, l)
                }
            } catch {
                try writeBack()
                throw error
            }
            try writeBack()
            return result
        }
    }

    /// The current value of an `&` argument's storage (for messages).
    /// (See also `Value.sameCollectionKind`.)
    static func peek(_ modify: Modify, _ f: Frame) throws -> Value {
        var v = Value.void
        try modify(f) { v = $0 }
        return v
    }

    /// `swap(&a, &b)`: exchanges the two values in place.
    private func swapCall(_ args: [Argument], _ modifies: [Modify?], _ l: SourceLocation) -> Eval {
        guard args.count == 2, let ma = modifies[0], let mb = modifies[1],
              args[0].label == nil, args[1].label == nil else {
            return failed("swap(_:_:) takes two '&' arguments: swap(&a, &b)", l)
        }
        return { f in
            var a = Value.void, b = Value.void
            try ma(f) { v in a = v; v = .void }
            do {
                try mb(f) { v in b = v; v = .void }
            } catch {
                try ma(f) { $0 = a }
                throw error
            }
            if a.bindingTypeName != b.bindingTypeName && !(a.isNumber && b.isNumber) {
                try ma(f) { $0 = a }
                try mb(f) { $0 = b }
                throw LocatedError(message: "cannot swap values of different types '\(a.typeName)' and '\(b.typeName)'", location: l)
            }
            try ma(f) { $0 = b }
            try mb(f) { $0 = a }
            return .void
        }
    }
}

/// `&` arguments to bound library rows (`Tensor.normal([3], generator: &rng)`,
/// `Linear(3, 2, generator: &rng)`): the variable's value goes in, and what the row sets with
/// `Arguments.setInout` is written back when it returns or throws.
extension Compiler {
    /// The rows a callee names when it is a bound free function, initializer or static
    /// method; nil for other callees.
    func hostOverloads(_ callee: Expr) -> [Overload]? {
        switch callee {
        case .name(let n, _) where resolver.lookup(n) == nil:
            if let o = registry.functions[n] { return o }
            if let t = registry.types[n], !t.initializers.isEmpty { return t.initializers }
        case .member(.name(let tn, _), let name, _) where resolver.lookup(tn) == nil && registry.types[tn] != nil:
            if let o = registry.types[tn]?.staticMethods[name] { return o }
            if name == "init", let inits = registry.types[tn]?.initializers, !inits.isEmpty { return inits }
        default: break
        }
        return nil
    }

    /// A call of bound rows with `&` arguments.
    func hostInoutCall(_ overloads: [Overload], _ args: [Argument], _ l: SourceLocation) -> Eval {
        guard let arguments = inoutArguments(args, isSwap: false) else { return { _ in .void } }
        let call = hostInoutInvocation(arguments, l)
        return { f in try call(f, overloads, nil) }
    }

    /// Calls rows (methods of `this` when given) with the arguments, the `&` ones written
    /// back when the call returns or throws.
    func hostInoutInvocation(_ arguments: InoutArguments, _ l: SourceLocation) -> (Frame, [Overload], Value?) throws -> Value {
        let rt = runtime
        let modifies = arguments.modifies, codes = arguments.codes, labels = arguments.labels
        return { f, overloads, this in
            var values = [Value](repeating: .void, count: codes.count)
            for (i, c) in codes.enumerated() { if let c { values[i] = try c(f) } }
            for (i, m) in modifies.enumerated() { if let m { values[i] = try Compiler.peek(m, f) } }
            let writes = InoutWrites()
            func writeBack() throws {
                for (pi, v) in writes.values where pi < writes.sources.count {
                    let ai = writes.sources[pi]
                    if ai >= 0, let m = modifies[ai] { try m(f) { $0 = v } }
                }
            }
            let result: Value
            do {
                result = try rt.callNative(overloads, this: this, labels: labels, values: values, at: l, writes: writes)
            } catch {
                try writeBack()
                throw error
            }
            try writeBack()
            return result
        }
    }
}
