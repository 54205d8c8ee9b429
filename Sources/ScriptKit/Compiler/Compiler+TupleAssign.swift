/// Tuple assignment, `(a, b) = (b, a)`: the right side is evaluated in full, then its
/// elements are assigned left to right (nested tuples and `_` allowed).
extension Compiler {
    func tupleAssignment(_ items: [(String?, Expr)], _ value: Expr, _ location: SourceLocation) -> Exec {
        let target = Expr.tuple(items, location)
        let code = expr(value, expected: tupleType(target))
        let assign = tupleTarget(target, location)
        return { f in
            try assign(f, try code(f))
            return .normal
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
    private func tupleTarget(_ e: Expr, _ location: SourceLocation) -> (Frame, Value) throws -> Void {
        let rt = runtime
        switch e {
        case .name("_", _):
            return { _, _ in }
        case .tuple(let items, _):
            let parts = items.map { tupleTarget($0.1, location) }
            let count = parts.count
            return { f, v in
                guard case .tuple(let values, _) = v, values.count == count else {
                    throw LocatedError(message: "cannot assign value of type '\(v.typeName)' to a tuple of \(count) elements", location: location)
                }
                for (p, x) in zip(parts, values) { try p(f, x) }
            }
        default:
            guard checkMutable(e, location, what: "assign through subscript or property") else { return { _, _ in } }
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
            return { f, v in try modify(f) { $0 = v } }
        }
    }
}
