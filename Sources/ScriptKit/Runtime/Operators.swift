/// Operator semantics, as Swift defines them for Int, Double, String, Bool, arrays, and
/// through the registry for host types. Int arithmetic checks overflow; Int and Double
/// mix only when one side is a literal (the literal takes the other side's type).
extension Runtime {
    static func mismatch(_ op: BinaryOperator, _ a: Value, _ b: Value, _ location: SourceLocation) -> LocatedError {
        LocatedError(message: "binary operator '\(op)' cannot be applied to operands of type '\(a.typeName)' and '\(b.typeName)'",
                     location: location)
    }

    static func overflow(_ op: BinaryOperator, _ a: Int, _ b: Int, _ location: SourceLocation) -> LocatedError {
        LocatedError(message: "arithmetic overflow: \(a) \(op) \(b) does not fit in Int", location: location)
    }

    /// Applies a binary operator. `leftLiteral`/`rightLiteral` say whether an operand is an
    /// integer literal (which may become a Double).
    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, leftLiteral: Bool, rightLiteral: Bool,
                at location: SourceLocation) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            return try intBinary(op, x, y, location)
        case (.double(let x), .double(let y)):
            return try doubleBinary(op, x, y, location)
        case (.int(let x), .double(let y)) where leftLiteral:
            return try doubleBinary(op, Double(x), y, location)
        case (.double(let x), .int(let y)) where rightLiteral:
            return try doubleBinary(op, x, Double(y), location)
        case (.string(let x), .string(let y)):
            if op == .add { return .string(x + y) }
            if let r = op.compare(x, y) { return .bool(r) }
        case (.bool(let x), .bool(let y)):
            switch op {
            case .equal: return .bool(x == y)
            case .notEqual: return .bool(x != y)
            default: break
            }
        case (.array(let x), .array(let y)) where op == .add:
            return .array(x + y)
        // Library operators first: `Float * Tensor` is the Tensor's.
        case (.native(let n), _), (_, .native(let n)):
            if let t = registry.types[n.typeName], let f = t.operators[op.spelling]?.body {
                do {
                    return try f(a, b)
                } catch let e as LocatedError { throw e } catch let e as ThrownError { throw e } catch {
                    throw LocatedError(message: "\(n.typeName) \(op): \(error)", location: location,
                                       catchable: t.throwingOperators.contains(op.spelling))
                }
            }
        case (.float, _), (_, .float), (.character, _), (_, .character):
            if let r = try floatOrCharacterBinary(op, a, b, leftLiteral: leftLiteral, rightLiteral: rightLiteral, location) {
                return r
            }
        default:
            break
        }
        if op == .identical || op == .notIdentical {
            var same = false
            if case .native(let x) = a.unwrapped ?? .void, case .native(let y) = b.unwrapped ?? .void { same = x === y }
            else if a.isNil && b.isNil { same = true }
            return .bool(op == .identical ? same : !same)
        }
        if op == .equal || op == .notEqual {
            if a.isOptional || b.isOptional || a.bindingTypeName == b.bindingTypeName {
                let eq = a == b
                return .bool(op == .equal ? eq : !eq)
            }
        }
        if op.isOrdering, a.bindingTypeName == b.bindingTypeName,
           let c = Runtime.compare(a, b), let r = op.compare(c, 0) {
            return .bool(r)
        }
        throw Runtime.mismatch(op, a, b, location)
    }

    @inline(__always)
    func intBinary(_ op: BinaryOperator, _ x: Int, _ y: Int, _ location: SourceLocation) throws -> Value {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw Runtime.overflow(op, x, y, location) }
            return .int(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw Runtime.overflow(op, x, y, location) }
            return .int(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw Runtime.overflow(op, x, y, location) }
            return .int(r)
        case .divide:
            if y == 0 { throw LocatedError(message: "division by zero", location: location) }
            let (r, o) = x.dividedReportingOverflow(by: y)
            if o { throw Runtime.overflow(op, x, y, location) }
            return .int(r)
        case .remainder:
            if y == 0 { throw LocatedError(message: "division by zero in remainder operation", location: location) }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            if o { throw Runtime.overflow(op, x, y, location) }
            return .int(r)
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual: return .bool(op.compare(x, y) ?? false)
        case .bitAnd: return .int(x & y)
        case .bitOr: return .int(x | y)
        // The overflow operators wrap around instead of stopping with an error.
        case .wrappingAdd: return .int(x &+ y)
        case .wrappingSubtract: return .int(x &- y)
        case .wrappingMultiply: return .int(x &* y)
        case .bitXor: return .int(x ^ y)
        case .shiftLeft: return .int(y >= 64 || y <= -64 ? 0 : x << y)
        case .shiftRight: return .int(y >= 64 ? (x < 0 ? -1 : 0) : (y <= -64 ? 0 : x >> y))
        default:
            throw Runtime.mismatch(op, .int(x), .int(y), location)
        }
    }

    @inline(__always)
    func doubleBinary(_ op: BinaryOperator, _ x: Double, _ y: Double, _ location: SourceLocation) throws -> Value {
        try floatingBinary(op, x, y, location, named: "Double", Value.double)
    }

    /// Arithmetic and comparisons of two Doubles or two Floats; `wrap` makes the result value.
    @inline(__always)
    func floatingBinary<F: BinaryFloatingPoint>(_ op: BinaryOperator, _ x: F, _ y: F, _ location: SourceLocation,
                                                named name: String, _ wrap: (F) -> Value) throws -> Value {
        switch op {
        case .add: return wrap(x + y)
        case .subtract: return wrap(x - y)
        case .multiply: return wrap(x * y)
        case .divide: return wrap(x / y)
        case .remainder:
            throw LocatedError(message: "'%' is unavailable for \(name): use 'x.truncatingRemainder(dividingBy: y)'", location: location)
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual: return .bool(op.compare(x, y) ?? false)
        default:
            throw Runtime.mismatch(op, wrap(x), wrap(y), location)
        }
    }

    /// Three-way comparison for sorting, min/max and `<` on tuples; nil when not comparable.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.double(let x), .double(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .double(let y)): return Double(x) < y ? -1 : (Double(x) > y ? 1 : 0)
        case (.double(let x), .int(let y)): return x < Double(y) ? -1 : (x > Double(y) ? 1 : 0)
        case (.string(let x), .string(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.float(let x), .float(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.character(let x), .character(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        // A one-character string literal against a Character (`case "a"..."z":`).
        case (.character(let x), .string(let s)) where s.count == 1:
            let y = s.first!
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let s), .character(let y)) where s.count == 1:
            let x = s.first!
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.tuple(let xs, _), .tuple(let ys, _)), (.array(let xs), .array(let ys)):
            for (x, y) in zip(xs, ys) {
                guard let c = compare(x, y) else { return nil }
                if c != 0 { return c }
            }
            return xs.count < ys.count ? -1 : (xs.count > ys.count ? 1 : 0)
        case (.native(let x as ScriptObject), .native(let y as ScriptObject)):
            return compareDeclared(x, y)
        default: return nil
        }
    }

    /// Declared types order by their own `<`, or (enums declared `Comparable`) by case order.
    static func compareDeclared(_ x: ScriptObject, _ y: ScriptObject) -> Int? {
        if let lt = Runtime.current?.registry.types[x.typeName]?.operators["<"]?.body {
            guard case .bool(let p)? = try? lt(.native(x), .native(y)),
                  case .bool(let q)? = try? lt(.native(y), .native(x)) else { return nil }
            return p ? -1 : (q ? 1 : 0)
        }
        if x.type === y.type, x.type.kind == .enumeration, x.type.conformances.contains("Comparable") {
            return x.caseIndex < y.caseIndex ? -1 : (x.caseIndex > y.caseIndex ? 1 : 0)
        }
        return nil
    }

    /// Prefix operators.
    func unary(_ op: PrefixOperator, _ v: Value, at location: SourceLocation) throws -> Value {
        switch (op, v) {
        case (.negate, .int(let x)):
            let (r, o) = Int(0).subtractingReportingOverflow(x)
            if o { throw LocatedError(message: "arithmetic overflow: -(\(x)) does not fit in Int", location: location) }
            return .int(r)
        case (.negate, .double(let x)): return .double(-x)
        case (.negate, .float(let x)): return .float(-x)
        case (.plus, .int), (.plus, .double), (.plus, .float): return v
        case (.not, .bool(let b)): return .bool(!b)
        case (.bitNot, .int(let x)): return .int(~x)
        case (_, .native(let n)):
            if let f = registry.types[n.typeName]?.prefixOperators[op.spelling]?.body {
                do { return try f(v) } catch let e as LocatedError { throw e } catch let e as ThrownError { throw e } catch {
                    throw LocatedError(message: "\(n.typeName) \(op): \(error)", location: location)
                }
            }
        default: break
        }
        throw LocatedError(message: "unary operator '\(op)' cannot be applied to an operand of type '\(v.typeName)'", location: location)
    }

    /// Makes `lower..<upper` or `lower...upper`.
    func makeRange(_ a: Value, _ b: Value, closed: Bool, at location: SourceLocation) throws -> Value {
        guard case .int(let lo) = a, case .int(let hi) = b else {
            // Doubles, Floats, Strings, Characters: a range that is not a sequence.
            if a.bindingTypeName == b.bindingTypeName, let c = Runtime.compare(a, b) {
                if c > 0 {
                    throw LocatedError(message: "range requires lowerBound <= upperBound, got \(a)\(closed ? "..." : "..<")\(b)", location: location)
                }
                return .boundedRange(lower: a, upper: b, closed: closed)
            }
            throw Runtime.mismatch(closed ? .closedRange : .halfOpenRange, a, b, location)
        }
        if closed ? lo > hi : lo > hi {
            throw LocatedError(message: "range requires lowerBound <= upperBound, got \(lo)\(closed ? "..." : "..<")\(hi)", location: location)
        }
        return .range(lower: lo, upper: hi, closed: closed)
    }

    /// Whether a condition value is true; it must be a Bool.
    @inline(__always)
    func truth(_ v: Value, at location: SourceLocation) throws -> Bool {
        if case .bool(let b) = v { return b }
        throw LocatedError(message: "type '\(v.typeName)' cannot be used as a boolean; test for '!= 0' instead", location: location)
    }
}
