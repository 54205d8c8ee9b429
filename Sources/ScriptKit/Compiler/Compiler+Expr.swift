/// Expressions. `expected` carries the type the context wants, so that literals adapt
/// as in Swift (`let x: Double = 2`, `[1, 2.5]`).
extension Compiler {
    /// Code returning `v`. Scalars are rebuilt from their payload: returning a captured
    /// `Value` goes through its outlined copy (a switch over every case) on each evaluation.
    static func constant(_ v: Value) -> Eval {
        switch v {
        case .int(let i): return { _ in .int(i) }
        case .double(let d): return { _ in .double(d) }
        case .bool(let b): return { _ in .bool(b) }
        default: return { _ in v }
        }
    }

    func expr(_ e: Expr, expected: TypeRef? = nil) -> Eval {
        let rt = runtime
        switch e {
        case .int(let v, _):
            if let expected, Compiler.wantsDouble(expected) { return Compiler.constant(.double(Double(v))) }
            return Compiler.constant(.int(v))
        case .double(let v, _): return Compiler.constant(.double(v))
        case .string(let s, _): return Compiler.constant(.string(s))
        case .bool(let b, _): return Compiler.constant(.bool(b))
        case .nilLiteral: return Compiler.constant(.optional(nil))

        case .interpolated(let parts, _):
            let codes: [Either] = parts.map {
                switch $0 {
                case .text(let s): return .text(s)
                case .expr(let e): return .code(expr(e))
                }
            }
            return { f in
                var s = ""
                for c in codes {
                    switch c {
                    case .text(let t): s += t
                    case .code(let code):
                        // Ints and strings appended directly (what `description` gives them).
                        switch try code(f) {
                        case .int(let i): s += String(i)
                        case .string(let t): s += t
                        case let v: s += v.description
                        }
                    }
                }
                return .string(s)
            }

        case .name(let n, let l):
            return name(n, l)

        case .array(let items, let l) where Compiler.isSetType(expected):
            // An array literal where a Set is expected: `d[k, default: []]` for `Set` values.
            let code = expr(.array(items, l), expected: Compiler.setElementType(expected).map { .array($0) })
            return { f in
                guard case .array(let a) = try code(f) else { return .set(ScriptSet()) }
                return .set(ScriptSet(a))
            }

        case .array(let items, _):
            var elementType: TypeRef? = nil
            if let expected, case .array(let t) = Compiler.stripOptional(expected) { elementType = t }
            if elementType == nil, items.contains(where: { if case .double = $0 { return true }; return false }),
               items.allSatisfy({ if case .int = $0 { return true }; if case .double = $0 { return true }; return false }) {
                elementType = .named("Double")
            }
            let codes = items.map { EvalCode(run: expr($0, expected: elementType)) }
            return { f in
                var out: [Value] = []
                out.reserveCapacity(codes.count)
                for c in codes { out.append(try c.run(f)) }
                return .array(out)
            }

        case .dictionary(let pairs, let l):
            var keyType: TypeRef? = nil, valueType: TypeRef? = nil
            if let expected, case .dictionary(let k, let v) = Compiler.stripOptional(expected) { keyType = k; valueType = v }
            if valueType == nil, pairs.contains(where: { if case .double = $0.1 { return true }; return false }),
               pairs.allSatisfy({ if case .int = $0.1 { return true }; if case .double = $0.1 { return true }; return false }) {
                valueType = .named("Double")
            }
            let codes = pairs.map { (expr($0.0, expected: keyType), expr($0.1, expected: valueType)) }
            return { f in
                var d = ScriptDictionary()
                for (k, v) in codes {
                    let key = try k(f)
                    if case .function = key { throw LocatedError(message: "dictionary keys must be hashable values", location: l) }
                    d[key] = try v(f)
                }
                return .dictionary(d)
            }

        case .tuple(let items, _):
            var types: [TypeRef?] = Array(repeating: nil, count: items.count)
            var labels = items.map(\.0)
            if let expected, case .tuple(let ts, let expectedLabels) = expected, ts.count == items.count {
                types = ts
                // `(u, i, r)` where `(user: Int, item: Int, rating: Double)` is expected takes its labels.
                if !labels.contains(where: { $0 != nil }), expectedLabels.count == items.count { labels = expectedLabels }
            }
            let codes = zip(items, types).map { EvalCode(run: expr($0.0.1, expected: $0.1)) }
            let hasLabels = labels.contains { $0 != nil }
            return { f in
                var out: [Value] = []
                out.reserveCapacity(codes.count)
                for c in codes { out.append(try c.run(f)) }
                return .tuple(out, labels: hasLabels ? labels : [])
            }

        case .unary(let op, let operand, let l):
            let code = expr(operand, expected: expected)
            return { f in try rt.unary(op, try code(f), at: l) }

        case .binary(let op, let a, let b, let l):
            return binary(op, a, b, l, expected: expected)

        case .ternary(let c, let a, let b, let l):
            let cc = expr(c), ca = expr(a, expected: expected), cb = expr(b, expected: expected)
            return { f in try rt.truth(try cc(f), at: l) ? try ca(f) : try cb(f) }

        case .call(let callee, let args, let l):
            return call(callee, args, l)

        case .member(let base, let name, let l):
            if case .name(let tn, _) = base, resolver.lookup(tn) == nil, let t = registry.types[tn] {
                guard let o = t.staticProperties[name] else {
                    return failed("type '\(tn)' has no member '\(name)'", l)
                }
                return { _ in try rt.invokeNative(o, this: nil, Arguments(values: [], runtime: rt, location: l), at: l) }
            }
            let code = expr(base)
            let cache = FieldCache()
            if let s = slotIndex(base) {
                // `node.value`, `self.x` on a local: the field is read where the instance
                // lies, without copying the instance out of its slot first.
                return { f in
                    if let v = cache.storedField(f.slots + s, name) { return v }
                    return try rt.property(f.slots[s], name, at: l)
                }
            }
            return { f in
                let v = try code(f)
                if let o = v.scriptObject, let i = cache.index(of: name, in: o.type), i < o.fields.count { return o.fields[i] }
                return try rt.property(v, name, at: l)
            }

        case .implicitMember(let name, let l):
            return implicitMember(name, l, expected: expected)

        case .tupleIndex(let base, let index, let l):
            let code = expr(base)
            return { f in
                let v = try code(f)
                guard case .tuple(let items, _) = v, index < items.count else {
                    throw LocatedError(message: "value of type '\(v.typeName)' has no member '\(index)'", location: l)
                }
                return items[index]
            }

        case .subscriptAccess(let base, let args, let l):
            let code = expr(base)
            let valueType = Compiler.dictionaryValueType(declaredType(base))
            // `EvalCode`: a closure taken out of an array is called through a reabstraction thunk.
            let keyCodes = args.map { EvalCode(run: expr($0.value, expected: $0.label == "default" ? valueType : nil)) }
            let labels = args.map(\.label)
            if keyCodes.count == 1 && labels[0] == nil {
                let k = keyCodes[0].run
                return { f in
                    let b = try code(f), key = try k(f)
                    if case .array(let a) = b, case .int(let i) = key, i >= 0, i < a.count { return a[i] }
                    return try rt.subscriptGet(b, [key], labels: labels, at: l)
                }
            }
            return { f in
                let b = try code(f)
                return try rt.subscriptGet(b, try keyCodes.map { try $0.run(f) }, labels: labels, at: l)
            }

        case .forceUnwrap(let base, let l):
            let code = expr(base)
            return { f in
                let v = try code(f)
                switch v {
                case .optional(nil): throw LocatedError(message: "unexpectedly found nil while unwrapping an Optional value", location: l)
                case .optional(let w?): return w
                default: return v
                }
            }

        case .bindOptional(let base, _):
            let code = expr(base)
            return { f in
                let v = try code(f)
                switch v {
                case .optional(nil): throw OptionalChainNil()
                case .optional(let w?): return w
                default: return v
                }
            }

        case .optionalChain(let inner, _):
            let code = expr(inner)
            return { f in
                do {
                    let v = try code(f)
                    if case .optional = v { return v }
                    return .optional(v)
                } catch is OptionalChainNil {
                    return .optional(nil)
                }
            }

        case .closure(let decl):
            return closure(decl)

        case .operatorRef(let op, let l):
            let fn = Function(name: op.spelling) { rt, args in
                // `zip(a, b).map(*)`: the two operands arrive as one pair.
                if args.count == 1, case .tuple(let pair, _) = args[0], pair.count == 2 {
                    return try rt.binary(op, pair[0], pair[1], leftLiteral: false, rightLiteral: false, at: l)
                }
                guard args.count == 2 else {
                    throw LocatedError(message: "operator '\(op)' takes 2 arguments, got \(args.count)", location: l)
                }
                return try rt.binary(op, args[0], args[1], leftLiteral: false, rightLiteral: false, at: l)
            }
            return Compiler.constant(.function(fn))

        case .forceTry(let inner, let l):
            let code = expr(inner, expected: expected)
            return { f in
                do { return try code(f) } catch let e as ThrownError {
                    throw LocatedError(message: "'try!' expression unexpectedly raised an error: \(e.value.debugDescription)", location: l)
                }
            }

        case .tryExpr(let inner, let optional, _):
            let code = expr(inner, expected: expected)
            if !optional { return code }
            return { f in
                do {
                    let v = try code(f)
                    if case .optional = v { return v }
                    return .optional(v)
                } catch let e as LocatedError where e.catchable {
                    return .optional(nil)
                } catch is ThrownError {
                    return .optional(nil)
                }
            }

        case .cast(let inner, let type, let l):
            let code = expr(inner, expected: type)
            return { f in try rt.coerce(try code(f), to: type, what: "'as' cast", at: l) }

        case .inoutArgument(_, let l):
            return failed("'&' may only be used to pass an argument to inout parameter", l)

        case .partialRange(let lower, let upper, let closed, let l):
            return partialRange(lower, upper, closed: closed, l)

        case .genericType(let name, let args, let l):
            return failed("type '\(TypeRef.generic(name, args))' cannot be used as a value; call an initializer such as '\(TypeRef.generic(name, args))()'", l)

        case .conditionalCast(let inner, let type, let forced, let l):
            let code = expr(inner)
            return { f in
                var v: Value? = try code(f)
                if case .optional(let w)? = v { v = w }   // `as?` looks through an optional
                if let x = v, let cast = Compiler.dynamicCast(x, to: type) { return forced ? cast : .optional(cast) }
                guard forced else { return .optional(nil) }
                throw LocatedError(message: "could not cast value of type '\(v?.typeName ?? "nil")' to '\(type)'", location: l)
            }

        case .typeCheck(let inner, let type, _):
            let code = expr(inner)
            return { f in
                .bool(Compiler.dynamicCast(try code(f), to: type) != nil)
            }
        }
    }

    enum Either {
        case text(String)
        case code(Eval)
    }

    static func stripOptional(_ t: TypeRef) -> TypeRef {
        if case .optional(let inner) = t { return stripOptional(inner) }
        return t
    }

    /// `v` as a `type` for `is`, `as?` and `as!`: like a coercion, except that an Int is not
    /// a Double (`1 as Any as? Double` is nil, as in Swift).
    static func dynamicCast(_ v: Value, to type: TypeRef) -> Value? {
        if case .int = v, wantsDouble(type) { return nil }
        return conform(v, to: type)
    }

    static func wantsDouble(_ t: TypeRef) -> Bool {
        if case .named(let n) = stripOptional(t) { return n == "Double" || n == "Float" || n == "CGFloat" }
        return false
    }

    func name(_ n: String, _ l: SourceLocation) -> Eval {
        if let b = resolver.lookup(n) { return read(b.ref) }
        if let overloads = registry.functions[n] {
            let rt = runtime
            let fn = Function(name: overloads[0].signature.swiftName) { rt, args in
                try rt.callNative(overloads, this: nil, labels: overloads[0].signature.parameters.prefix(args.count).map(\.label)
                    + Array(repeating: nil, count: max(0, args.count - overloads[0].signature.parameters.count)),
                                  values: args, at: rt.callLocation)
            }
            _ = rt
            return Compiler.constant(.function(fn))
        }
        if registry.types[n] != nil {
            return failed("type '\(n)' cannot be used as a value; call an initializer such as '\(n)(...)'", l)
        }
        return failed("cannot find '\(n)' in scope", l)
    }

    /// The type an expression has by declaration (an annotated variable, or an element of
    /// one), when that is known before running; used to type literals as Swift does.
    func declaredType(_ e: Expr) -> TypeRef? {
        switch e {
        case .name(let n, _):
            return resolver.lookup(n)?.type
        case .subscriptAccess(let base, let args, _) where args.count == 1 && args[0].label == nil:
            switch declaredType(base).map(Compiler.stripOptional) {
            case .dictionary(_, let v)?: return .optional(v)
            case .array(let t)?: return t
            default: return nil
            }
        default:
            return nil
        }
    }

    func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, _ l: SourceLocation, expected: TypeRef?) -> Eval {
        let rt = runtime
        switch op {
        case .and, .or:
            let ca = expr(a), cb = expr(b)
            let la = a.location, lb = b.location
            if op == .and {
                return { f in .bool(try rt.truth(try ca(f), at: la) ? try rt.truth(try cb(f), at: lb) : false) }
            }
            return { f in .bool(try rt.truth(try ca(f), at: la) ? true : try rt.truth(try cb(f), at: lb)) }
        case .nilCoalescing:
            // `d[k] ?? 0` with `d: [String: Double]`: the literal takes the wrapped type.
            let wrapped = declaredType(a).map(Compiler.stripOptional)
            let ca = expr(a), cb = expr(b, expected: expected ?? wrapped)
            return { f in
                switch try ca(f) {
                case .optional(nil): return try cb(f)
                case .optional(let w?): return w
                case let v: return v
                }
            }
        case .halfOpenRange, .closedRange:
            let ca = expr(a), cb = expr(b)
            let closed = op == .closedRange
            return { f in try rt.makeRange(try ca(f), try cb(f), closed: closed, at: l) }
        default:
            break
        }
        let la = Compiler.isNumberLiteral(a), lb = Compiler.isNumberLiteral(b)
        // A literal takes the type of the other operand when that one is a Double literal.
        var ea: TypeRef? = nil, eb: TypeRef? = nil
        if case .double = a, lb { eb = .named("Double") }
        if case .double = b, la { ea = .named("Double") }
        if let expected, Compiler.wantsDouble(expected), [.add, .subtract, .multiply, .divide].contains(op) { ea = expected; eb = expected }
        let ca = expr(a, expected: ea), cb = expr(b, expected: eb)
        // A plain local with a literal (`n - 1`): read the slot directly.
        if case .int(let k, _) = b, eb == nil, let s = slotIndex(a), let arithmetic = ArithmeticOperator(op), op != .divide {
            return { f in
                if case .int(let i) = f.slots[s], let (r, o) = arithmetic.apply(i, k) {
                    if o { throw Runtime.overflow(op, i, k, l) }
                    return .int(r)
                }
                return try rt.binary(op, f.slots[s], .int(k), leftLiteral: la, rightLiteral: true, at: l)
            }
        }
        // Specialized closures for Int arithmetic with a literal right operand.
        if case .int(let k, _) = b, eb == nil {
            switch op {
            case .add:
                return { f in
                    let x = try ca(f)
                    if case .int(let i) = x {
                        let (r, o) = i.addingReportingOverflow(k)
                        if o { throw Runtime.overflow(.add, i, k, l) }
                        return .int(r)
                    }
                    return try rt.binary(op, x, .int(k), leftLiteral: la, rightLiteral: true, at: l)
                }
            case .subtract:
                return { f in
                    let x = try ca(f)
                    if case .int(let i) = x {
                        let (r, o) = i.subtractingReportingOverflow(k)
                        if o { throw Runtime.overflow(.subtract, i, k, l) }
                        return .int(r)
                    }
                    return try rt.binary(op, x, .int(k), leftLiteral: la, rightLiteral: true, at: l)
                }
            case .multiply:
                return { f in
                    let x = try ca(f)
                    if case .int(let i) = x {
                        let (r, o) = i.multipliedReportingOverflow(by: k)
                        if o { throw Runtime.overflow(.multiply, i, k, l) }
                        return .int(r)
                    }
                    return try rt.binary(op, x, .int(k), leftLiteral: la, rightLiteral: true, at: l)
                }
            case .remainder where k != 0 && k != -1:
                return { f in
                    let x = try ca(f)
                    if case .int(let i) = x { return .int(i % k) }
                    return try rt.binary(op, x, .int(k), leftLiteral: la, rightLiteral: true, at: l)
                }
            default: break
            }
        }
        switch op {
        case .add:
            return { f in
                let x = try ca(f), y = try cb(f)
                if case .int(let i) = x, case .int(let j) = y {
                    let (r, o) = i.addingReportingOverflow(j)
                    if o { throw Runtime.overflow(.add, i, j, l) }
                    return .int(r)
                }
                if case .double(let i) = x, case .double(let j) = y { return .double(i + j) }
                return try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: l)
            }
        case .subtract:
            return { f in
                let x = try ca(f), y = try cb(f)
                if case .int(let i) = x, case .int(let j) = y {
                    let (r, o) = i.subtractingReportingOverflow(j)
                    if o { throw Runtime.overflow(.subtract, i, j, l) }
                    return .int(r)
                }
                if case .double(let i) = x, case .double(let j) = y { return .double(i - j) }
                return try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: l)
            }
        case .multiply:
            return { f in
                let x = try ca(f), y = try cb(f)
                if case .int(let i) = x, case .int(let j) = y {
                    let (r, o) = i.multipliedReportingOverflow(by: j)
                    if o { throw Runtime.overflow(.multiply, i, j, l) }
                    return .int(r)
                }
                if case .double(let i) = x, case .double(let j) = y { return .double(i * j) }
                return try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: l)
            }
        case .less:
            return { f in
                let x = try ca(f), y = try cb(f)
                if case .int(let i) = x, case .int(let j) = y { return .bool(i < j) }
                return try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: l)
            }
        case .equal:
            return { f in
                let x = try ca(f), y = try cb(f)
                if case .int(let i) = x, case .int(let j) = y { return .bool(i == j) }
                return try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: l)
            }
        case .notEqual:
            return { f in
                let x = try ca(f), y = try cb(f)
                if case .int(let i) = x, case .int(let j) = y { return .bool(i != j) }
                return try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: l)
            }
        case .greater:
            return { f in
                let x = try ca(f), y = try cb(f)
                if case .int(let i) = x, case .int(let j) = y { return .bool(i > j) }
                return try rt.binary(op, x, y, leftLiteral: la, rightLiteral: lb, at: l)
            }
        default:
            return { f in try rt.binary(op, try ca(f), try cb(f), leftLiteral: la, rightLiteral: lb, at: l) }
        }
    }
}
