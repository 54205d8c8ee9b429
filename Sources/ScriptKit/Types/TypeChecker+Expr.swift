/// Expressions: literals, names, collections and operators. `expected` is the type the
/// context wants (a hint: callers still check the result against it).
extension TypeChecker {
    func infer(_ e: Expr, expected: ScriptType? = nil) -> ScriptType {
        switch e {
        case .int(_, let l):
            return literal(.integerLiteral, at: l, expected: expected)
        case .double(_, let l):
            return literal(.floatLiteral, at: l, expected: expected)
        case .string(let s, _):
            if let x = expected, solver.resolve(x) == .character, s.count == 1 { return .character }
            return .string
        case .interpolated(let parts, _):
            for case .expr(let x) in parts { _ = infer(x) }
            return .string
        case .bool:
            return .bool
        case .nilLiteral:
            if let x = expected {
                switch solver.resolve(x) {
                case .optional, .unknown: return x
                default: break
                }
            }
            return .optional(solver.fresh())
        case .name(let n, let l):
            if let ctx = memberContext, !env.isLocal(n, from: ctx.depth), let t = implicitSelfMember(n, at: l) { return t }
            if let t = implicitStaticMember(n, at: l) { return t }
            if let t = env.lookup(n) { return t.type }
            return .unknown
        case .array(let items, let l):
            return arrayLiteral(items, at: l, expected: expected)
        case .dictionary(let pairs, let l):
            return dictionaryLiteral(pairs, at: l, expected: expected)
        case .tuple(let items, _):
            var wanted: [ScriptType]? = nil
            if let x = expected, case .tuple(let ts, _) = solver.resolve(x), ts.count == items.count { wanted = ts }
            let types = items.enumerated().map { i, item in infer(item.1, expected: wanted?[i]) }
            let labels = items.map(\.0)
            return .tuple(types, labels: labels.contains { $0 != nil } ? labels : [])
        case .unary(let op, let x, let l):
            return unary(op, x, at: l, expected: expected)
        case .binary(let op, let a, let b, let l):
            return binary(op, a, b, at: l, expected: expected)
        case .ternary(let c, let a, let b, let l):
            require(infer(c, expected: .bool), .bool, .condition, at: c)
            let ta = infer(a, expected: expected)
            let tb = infer(b, expected: expected ?? ta)
            if convert(tb, to: ta) { return ta }
            if convert(ta, to: tb) { return tb }
            error("result values in '? :' expression have mismatching types '\(show(ta))' and '\(show(tb))'", startLocation(a))
            return .unknown
        case .call(let callee, let args, let l):
            return call(callee, args, at: l, expected: expected)
        case .member(let base, let name, let l):
            return member(base, name, at: l, expected: expected)
        case .implicitMember(let name, let l):
            return implicitMember(name, at: l, expected: expected)
        case .tupleIndex(let base, let i, let l):
            let t = resolve(infer(base))
            switch t {
            case .tuple(let items, _) where i < items.count: return items[i]
            case .unknown, .variable: return .unknown
            default:
                error("value of type '\(show(t))' has no member '\(i)'", l)
                return .unknown
            }
        case .subscriptAccess(let base, let args, let l):
            return subscriptType(base, args, at: l)
        case .forceUnwrap(let x, let l):
            let t = resolve(infer(x, expected: expected.map { .optional($0) }))
            switch t {
            case .optional(let w): return w
            case .unknown, .variable: return .unknown
            default:
                error("cannot force unwrap value of non-optional type '\(show(t))'", l)
                return t
            }
        case .bindOptional(let x, let l):
            let t = resolve(infer(x))
            switch t {
            case .optional(let w): return w
            case .unknown, .variable: return .unknown
            default:
                error("cannot use optional chaining on non-optional value of type '\(show(t))'", l)
                return t
            }
        case .optionalChain(let x, _):
            let t = resolve(infer(x))
            switch t {
            case .optional, .unknown: return t
            case .void: return .optional(.void)
            default: return .optional(t)
            }
        case .closure(let decl):
            return closure(decl, expected: expected)
        case .operatorRef(let op, _):
            // `reduce(0, +)`: an arithmetic operator's operands and result are one type;
            // a comparison's operands are, and it returns Bool.
            if let x = expected, case .function(let f) = resolve(x) {
                if f.parameters.count == 2 {
                    _ = solver.unify(f.parameters[0], f.parameters[1])
                    if [.add, .subtract, .multiply, .divide, .remainder].contains(op) { _ = solver.unify(f.parameters[0], f.result) }
                    else if op.isOrdering || op.isEquality { _ = solver.unify(f.result, .bool) }
                }
                return x
            }
            return .unknown
        case .tryExpr(let x, let optional, let l):
            let t = tried(x, handlesErrors: optional, at: l, expected: expected)
            if !optional { return t }
            if case .optional = solver.resolve(t) { return t }
            return .optional(t)
        case .forceTry(let x, let l):
            return tried(x, handlesErrors: true, at: l, expected: expected)
        case .inoutArgument(let x, _):
            return infer(x, expected: expected)
        case .partialRange(let lower, let upper, let closed, let l):
            guard let bound = lower ?? upper else { return .unknown }
            let t = infer(bound, expected: rangeBoundHint(expected))
            switch resolve(t) {
            case .int, .double, .float, .character, .string, .variable, .unknown: return .range(t, closed: closed)
            default:
                error("one-sided range needs comparable bounds, not '\(show(t))'", l)
                return .unknown
            }
        case .genericType(let n, let args, let l):
            _ = type(of: .generic(n, args), strict: true, at: l)
            return .unknown
        case .cast(let x, let typeRef, let l):
            let t = type(of: typeRef, strict: true, at: l)
            let found = infer(x, expected: t)
            if !convert(found, to: t) {
                error("cannot convert value of type '\(show(found))' to type '\(show(t))' in coercion", startLocation(x))
            }
            return t
        case .typeCheck(let x, _, _):
            _ = infer(x)
            return .bool
        case .conditionalCast(let x, let typeRef, let forced, let l):
            // A downcast (or a cast from `Any`) decides at run time; swiftc only warns when
            // it always or never succeeds.
            let t = type(of: typeRef, strict: true, at: l)
            _ = infer(x)
            return forced ? t : .optional(t)
        }
    }

    // MARK: - Literals

    private func literal(_ kind: TypeSolver.Kind, at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        let v = solver.fresh(kind)
        literalTypes[l] = v
        if let x = expected {
            var target = solver.resolve(x)
            if case .optional(let w) = target { target = solver.resolve(w) }
            switch target {
            case .int, .double, .float, .variable: _ = solver.unify(v, target)
            default: break
            }
        }
        return v
    }

    private func arrayLiteral(_ items: [Expr], at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        var wanted = expected.map { solver.resolve($0) }
        if case .optional(let w)? = wanted { wanted = solver.resolve(w) }
        switch wanted {
        case .array(let element)?, .set(let element)?:
            for item in items {
                require(infer(item, expected: element), element, .element, at: item)
            }
            return wanted!
        default:
            guard let first = items.first else { return .array(solver.fresh()) }
            if items.contains(where: { if case .nilLiteral = $0 { return true }; return false }) {
                // `[1, nil, 3]` is an `[Int?]`, as in Swift.
                let element = ScriptType.optional(solver.fresh())
                for item in items { require(infer(item, expected: element), element, .element, at: item) }
                optionalArrayLiterals.insert(l)
                return .array(element)
            }
            let element = infer(first)
            for item in items.dropFirst() {
                let t = infer(item, expected: element)
                if !solver.unify(t, element) {
                    error("heterogeneous collection literal could only be inferred to '[Any]'; add explicit type annotation if this is intentional", l)
                    return .array(.unknown)
                }
            }
            return .array(element)
        }
    }

    private func dictionaryLiteral(_ pairs: [(Expr, Expr)], at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        var wanted = expected.map { solver.resolve($0) }
        if case .optional(let w)? = wanted { wanted = solver.resolve(w) }
        if case .dictionary(let k, let v)? = wanted {
            for (key, value) in pairs {
                require(infer(key, expected: k), k, .dictionaryKey, at: key)
                require(infer(value, expected: v), v, .dictionaryValue, at: value)
            }
            return wanted!
        }
        guard let first = pairs.first else { return .dictionary(solver.fresh(), solver.fresh()) }
        let k = infer(first.0), v = infer(first.1)
        for (key, value) in pairs.dropFirst() {
            let tk = infer(key, expected: k), tv = infer(value, expected: v)
            if !solver.unify(tk, k) || !solver.unify(tv, v) {
                error("heterogeneous collection literal could only be inferred to '[AnyHashable: Any]'; add explicit type annotation if this is intentional", l)
                return .dictionary(.unknown, .unknown)
            }
        }
        return .dictionary(k, v)
    }

    // MARK: - Operators

    private func unary(_ op: PrefixOperator, _ x: Expr, at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        switch op {
        case .not:
            require(infer(x, expected: .bool), .bool, .condition, at: x)
            return .bool
        default:
            let t = infer(x, expected: expected)
            switch solver.resolve(t) {
            case .int, .double, .float, .variable, .unknown: return t
            case .native(let n) where registry.types[n]?.prefixOperators[op.spelling] != nil: return t
            default:
                error("unary operator '\(op)' cannot be applied to an operand of type '\(show(t))'", l)
                return .unknown
            }
        }
    }

    private func binary(_ op: BinaryOperator, _ a: Expr, _ b: Expr, at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        switch op {
        case .and, .or:
            require(infer(a, expected: .bool), .bool, .condition, at: a)
            require(infer(b, expected: .bool), .bool, .condition, at: b)
            return .bool
        case .nilCoalescing:
            let ta = resolve(infer(a))
            let wrapped: ScriptType
            switch ta {
            case .optional(let w): wrapped = w
            case .unknown, .variable: wrapped = .unknown
            default: wrapped = ta
            }
            let tb = infer(b, expected: wrapped)
            if convert(tb, to: wrapped) { return wrapped }
            if convert(tb, to: .optional(wrapped)) { return .optional(wrapped) }
            mismatch(tb, wrapped, .argument, at: startLocation(b))
            return wrapped
        case .halfOpenRange, .closedRange:
            let hint = rangeBoundHint(expected)
            let ta = infer(a, expected: hint)
            let tb = infer(b, expected: hint ?? ta)
            guard solver.unify(ta, tb) else {
                error("binary operator '\(op)' cannot be applied to operands of type '\(show(ta))' and '\(show(tb))'", l)
                return .unknown
            }
            return .range(ta, closed: op == .closedRange)
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual, .identical, .notIdentical:
            if case .nilLiteral = b { _ = infer(a); return .bool }
            if case .nilLiteral = a { _ = infer(b); return .bool }
            let ta = infer(a)
            let tb = infer(b, expected: ta)
            if convert(tb, to: ta) || convert(ta, to: tb) {
                if op != .identical && op != .notIdentical { requireComparable(op, ta, at: l) }
                return .bool
            }
            if isNativeOperator(op, ta, tb) { return .unknown }
            error("binary operator '\(op)' cannot be applied to operands of type '\(show(ta))' and '\(show(tb))'", l)
            return .bool
        default:
            let ta = infer(a, expected: expected)
            let tb = infer(b, expected: ta)
            return arithmetic(op, ta, tb, at: l, lhs: a, rhs: b, compound: false)
        }
    }

    /// `==` on a declared type needs `Equatable` (synthesized for structs and enums that
    /// declare it, and for enums without associated values); `<` needs `Comparable`.
    func requireComparable(_ op: BinaryOperator, _ t: ScriptType, at l: SourceLocation) {
        guard case .native(let n) = solver.resolve(t), let info = registry.scriptTypes[n] else { return }
        if registry.types[n]?.operators[op.spelling] != nil { return }
        let equality = op == .equal || op == .notEqual
        let needed = equality ? "Equatable" : "Comparable"
        var ok = info.conformances.contains(needed) || (equality && info.conformances.contains("Hashable"))
            || (!equality && false)
        if equality && info.kind == .enumeration && !info.hasPayloads { ok = true }
        if !ok {
            error("referencing operator function '\(op)' on '\(needed)' requires that '\(n)' conform to '\(needed)'", l)
        }
    }

    /// The type a range's bounds should take: the expected range's bound, or the value a
    /// `case` pattern matches (`case 0.5..<1:` over a Double).
    func rangeBoundHint(_ expected: ScriptType?) -> ScriptType? {
        guard let x = expected else { return nil }
        switch resolve(x) {
        case .range(let bound, _): return bound
        case .int, .double, .float, .character, .string: return x
        default: return nil
        }
    }

    /// Whether a host type defines `op` for these operands.
    func isNativeOperator(_ op: BinaryOperator, _ a: ScriptType, _ b: ScriptType) -> Bool {
        for t in [a, b] {
            if case .native(let n) = solver.resolve(t), registry.types[n]?.operators[op.spelling] != nil { return true }
        }
        return false
    }

    /// The type of `a op b` for arithmetic, bitwise and `+` on strings and arrays.
    func arithmetic(_ op: BinaryOperator, _ ta: ScriptType, _ tb: ScriptType, at l: SourceLocation,
                    lhs: Expr, rhs: Expr, compound: Bool) -> ScriptType {
        let shownOp = compound ? op.spelling + "=" : op.spelling
        let ra = solver.resolve(ta), rb = solver.resolve(tb)
        if ra == .unknown || rb == .unknown {
            _ = solver.unify(ra, rb)
            return .unknown
        }
        for t in [ra, rb] {
            if case .native(let n) = t {
                if let binding = registry.types[n], binding.operators[op.spelling] != nil {
                    // A throwing operator throws between two library values (`Tensor + Tensor`);
                    // with a number operand it is Swift's non-throwing scalar overload (`Tensor * 2`).
                    var bothHost = false
                    if case .native = ra, case .native = rb { bothHost = true }
                    if binding.throwingOperators.contains(op.spelling) && bothHost { noteThrowingCall(at: l, what: "operator") }
                    return t
                }
                break
            }
        }
        func fail() -> ScriptType {
            error("binary operator '\(shownOp)' cannot be applied to operands of type '\(show(ra))' and '\(show(rb))'", l)
            return .unknown
        }
        guard solver.unify(ra, rb) else { return fail() }
        let t = solver.resolve(ra)
        switch (t, op) {
        case (.int, .add), (.int, .subtract), (.int, .multiply), (.int, .divide), (.int, .remainder), (.int, .bitAnd), (.int, .bitOr), (.int, .bitXor),
             (.int, .shiftLeft), (.int, .shiftRight), (.int, .wrappingAdd), (.int, .wrappingSubtract), (.int, .wrappingMultiply):
            return t
        case (.double, .remainder), (.float, .remainder):
            error("'%' is unavailable: For floating point numbers use truncatingRemainder instead", l)
            return t
        case (.double, .add), (.double, .subtract), (.double, .multiply), (.double, .divide),
             (.float, .add), (.float, .subtract), (.float, .multiply), (.float, .divide):
            return t
        case (.variable, _):
            // Both operands are unsolved literals: the statement's defaults decide.
            return t
        case (.string, .add), (.array, .add):
            return t
        default:
            return fail()
        }
    }

    // MARK: - try

    /// Counts throwing calls under a `try`; an unhandled one makes the enclosing closure throw
    /// or, in a function that does not throw, is an error.
    private func tried(_ x: Expr, handlesErrors: Bool, at l: SourceLocation, expected: ScriptType?) -> ScriptType {
        let before = throwingCalls
        tryDepth += 1
        let t = infer(x, expected: expected)
        tryDepth -= 1
        if throwingCalls > before && !handlesErrors && catchDepth == 0 {
            let i = functions.count - 1
            if functions[i].isClosure {
                functions[i].threw = true
            } else if !functions[i].mayThrow {
                error("errors thrown from here are not handled", l)
            }
        }
        return t
    }

    /// Records a call that can throw: it needs a `try`.
    func noteThrowingCall(at l: SourceLocation, what: String = "call") {
        throwingCalls += 1
        guard tryDepth == 0 else { return }
        // swiftc's wording differs for calls and operators.
        error(what == "call" ? "call can throw but is not marked with 'try'"
                             : "\(what) can throw but expression is not marked with 'try'", l)
    }
}
