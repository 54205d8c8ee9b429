/// Calls compiled to dedicated code: numeric conversions (`Double(k)`, `Int(x)`, `Float(x)`,
/// `String(i)`) as direct conversions instead of a registry call, initializers of typed
/// collections (`[Double](repeating: 0, count: n)`, `Set<Int>()`), and closures passed to
/// `reduce(into:)`, whose first parameter is `inout`.
extension Compiler {
    /// Dedicated code for `callee(args)`, or nil for the general call paths.
    func specialCall(_ callee: Expr, _ args: [Argument], _ l: SourceLocation) -> Eval? {
        switch callee {
        case .name(let n, _) where args.count == 1 && args[0].label == nil && Compiler.conversionTypes.contains(n)
            && resolver.lookup(n) == nil:
            return conversion(n, expr(args[0].value), l)
        case .array(let items, _) where items.count == 1 && Compiler.isTypeName(items[0]) && !args.isEmpty:
            guard let element = Compiler.typeRef(items[0]) else { return nil }
            return typedInitializer("Array", .array(element), element: element, args, l)
        case .genericType(let name, let types, _):
            switch (name, types.count) {
            case ("Set", 1): return typedInitializer("Set", .generic("Set", types), element: types[0], args, l)
            case ("Array", 1): return typedInitializer("Array", .array(types[0]), element: types[0], args, l)
            case ("Dictionary", 2): return typedInitializer("Dictionary", .dictionary(types[0], types[1]), element: nil, args, l)
            default: return failed("cannot find type '\(name)' in scope", l)
            }
        case .member(_, "reduce", _) where args.count == 2 && args[0].label == "into":
            // `reduce(into: [:]) { counts, x in counts[x, default: 0] += 1 }`: the accumulator
            // is an inout parameter of the closure.
            if case .closure(let decl) = args[1].value, !decl.parameters.isEmpty {
                decl.parameters[0].isInout = true
            }
            return nil
        default:
            return nil
        }
    }

    static let conversionTypes: Set<String> = ["Double", "Float", "Int", "String"]

    /// The type an expression such as `Int` or `[Double]` names (as in `[Double](...)`).
    static func typeRef(_ e: Expr) -> TypeRef? {
        switch e {
        case .name(let n, _): return .named(n)
        case .array(let items, _) where items.count == 1: return typeRef(items[0]).map { .array($0) }
        case .dictionary(let pairs, _) where pairs.count == 1:
            guard let k = typeRef(pairs[0].0), let v = typeRef(pairs[0].1) else { return nil }
            return .dictionary(k, v)
        default: return nil
        }
    }

    /// `Type(args)` for a collection type with known element types: literal arguments take
    /// the element type (`repeating: 0` is `0.0` for `[Double]`), and so does the result.
    private func typedInitializer(_ binding: String, _ type: TypeRef, element: TypeRef?, _ args: [Argument],
                                  _ l: SourceLocation) -> Eval {
        let rt = runtime
        guard let inits = registry.types[binding]?.initializers, !inits.isEmpty else {
            return failed("type '\(type)' has no initializers", l)
        }
        let labels = args.map(\.label)
        let codes = args.map { a in expr(a.value, expected: a.label == "repeating" ? element : (a.label == nil ? type : nil)) }
        return { f in
            var values: [Value] = []
            values.reserveCapacity(codes.count)
            for c in codes { values.append(try c(f)) }
            let v = try rt.callNative(inits, this: nil, labels: labels, values: values, at: l)
            return try rt.coerce(v, to: type, what: "'\(type)(...)'", at: l)
        }
    }

    /// `Double(x)`, `Float(x)`, `Int(x)`, `String(x)` on numbers: converted directly, as
    /// cheap as an arithmetic operation. Other arguments (text to parse, an out-of-range
    /// Double) take the registered initializers, with their checks and messages.
    private func conversion(_ type: String, _ arg: @escaping Eval, _ l: SourceLocation) -> Eval? {
        guard let inits = registry.types[type]?.initializers, !inits.isEmpty else { return nil }
        let rt = runtime
        let slow: (Value) throws -> Value = { v in try rt.callNative(inits, this: nil, labels: [nil], values: [v], at: l) }
        switch type {
        case "Double":
            return { f in
                let v = try arg(f)
                switch v {
                case .int(let i): return .double(Double(i))
                case .double: return v
                case .float(let x): return .double(Double(x))
                default: return try slow(v)
                }
            }
        case "Float":
            return { f in
                let v = try arg(f)
                switch v {
                case .int(let i): return .float(Float(i))
                case .double(let d): return .float(Float(d))
                case .float: return v
                default: return try slow(v)
                }
            }
        case "Int":
            return { f in
                let v = try arg(f)
                switch v {
                case .int: return v
                // Inside Int's range (NaN fails both tests): truncation toward zero cannot trap.
                case .double(let d) where d > -9.223372036854775808e18 && d < 9.223372036854775808e18:
                    return .int(Int(d))
                case .float(let x) where x > -9.223372036854775808e18 && x < 9.223372036854775808e18:
                    return .int(Int(x))
                default: return try slow(v)
                }
            }
        default:
            return { f in
                let v = try arg(f)
                switch v {
                case .int(let i): return .string(String(i))
                case .string: return v
                default: return try slow(v)
                }
            }
        }
    }
}
