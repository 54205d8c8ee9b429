/// Tuple assignment, `(a, b) = (b, a)`: the right side is evaluated in full, then its
/// elements are assigned left to right (nested tuples and `_` allowed).
extension Compiler {
    func tupleAssignment(_ items: [(String?, Expr)], _ value: Expr, _ location: SourceLocation) -> Exec {
        let target = Expr.tuple(items, location)
        let code = expr(value, expected: tupleType(target))
        let assign = tupleTarget(target, location, literals: Compiler.literalShape(value))
        return { f in
            try assign(f, try code(f))
            return .normal
        }
    }

    /// Which elements of a tuple literal are Int literals (they take a Double or Float
    /// target's type, as in `(x, y) = (3, 7)` with `var x = 0.5`).
    indirect enum LiteralShape {
        case intLiteral
        case tuple([LiteralShape])
        case other
    }

    static func literalShape(_ e: Expr) -> LiteralShape {
        switch e {
        case .int: return .intLiteral
        case .tuple(let items, _): return .tuple(items.map { literalShape($0.1) })
        default: return .other
        }
    }

    /// The declared types of the targets, so that literals on the right take them.
    private func tupleType(_ e: Expr) -> TypeRef? {
        guard case .tuple(let items, _) = e else { return declaredType(e) }
        let types = items.map { tupleType($0.1) }
        guard types.contains(where: { $0 != nil }) else { return nil }
        return .tuple(types.map { $0 ?? .named("Any") }, labels: [])
    }

    /// Code that stores a value into the target `e` (a tuple of targets, `_` or an lvalue).
    private func tupleTarget(_ e: Expr, _ location: SourceLocation, literals: LiteralShape) -> (Frame, Value) throws -> Void {
        let rt = runtime
        switch e {
        case .name("_", _):
            return { _, _ in }
        case .tuple(let items, _):
            var shapes = Array(repeating: LiteralShape.other, count: items.count)
            if case .tuple(let s) = literals, s.count == items.count { shapes = s }
            let parts = zip(items, shapes).map { tupleTarget($0.0.1, location, literals: $0.1) }
            let count = parts.count
            return { f, v in
                guard case .tuple(let values, _) = v, values.count == count else {
                    throw LocatedError(message: "cannot assign value of type '\(v.typeName)' to a tuple of \(count) elements", location: location)
                }
                for (p, x) in zip(parts, values) { try p(f, x) }
            }
        default:
            guard checkMutable(e, location, what: Compiler.assignmentKind(e)) else { return { _, _ in } }
            guard let modify = lvalue(e) else {
                error("cannot assign to this expression", location)
                return { _, _ in }
            }
            if case .name(let n, _) = e, let type = resolver.lookup(n)?.type {
                return { f, v in
                    let c = try rt.coerce(v, to: type, what: "'\(n)'", at: location)
                    try modify(f) { $0 = c }
                }
            }
            if case .intLiteral = literals {
                return { f, v in
                    try modify(f) { old in
                        switch (old, v) {
                        case (.double, .int(let i)): old = .double(Double(i))
                        case (.float, .int(let i)): old = .float(Float(i))
                        default: old = v
                        }
                    }
                }
            }
            return { f, v in try modify(f) { $0 = v } }
        }
    }
}
