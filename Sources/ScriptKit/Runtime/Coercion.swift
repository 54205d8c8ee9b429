/// Checking values against declared types (`let x: Double = 2`, parameters, signatures).

/// Names that stand for "any value" in signatures (generic parameters).
private let anyTypeNames: Set<String> = ["Any", "AnyObject", "T", "U", "V", "Element", "Key", "Value",
                                         "Comparable", "Hashable", "Equatable", "Numeric", "Result"]

/// `v` converted to `type` (Int to Double, wrapping optionals), or nil when it does not fit.
func conform(_ v: Value, to type: TypeRef) -> Value? {
    switch type {
    case .named(let n):
        switch (n, v) {
        case ("Int", .int): return v
        case ("Double", .double), ("Float", .double), ("CGFloat", .double): return v
        case ("Double", .int(let i)), ("Float", .int(let i)), ("CGFloat", .int(let i)): return .double(Double(i))
        case ("Bool", .bool), ("String", .string), ("Character", .string), ("Substring", .string): return v
        case ("Range", .range), ("ClosedRange", .range): return v
        case ("Function", .function), ("Void", .void): return v
        case ("Array", .array), ("Dictionary", .dictionary), ("Tuple", .tuple): return v
        case ("Int", _), ("Double", _), ("Float", _), ("Bool", _), ("String", _), ("Character", _),
             ("Range", _), ("ClosedRange", _), ("Function", _), ("Void", _), ("Array", _), ("Dictionary", _):
            return nil
        default:
            if anyTypeNames.contains(n) { return v }
            if case .native(let o) = v {
                if o.typeName == n { return v }
                // A declared type where one of its protocols or superclasses is expected.
                if let so = o as? ScriptObject, so.type.conformances.contains(n) || so.type.hasSuperclass(named: n) { return v }
                return nil
            }
            if n.count == 1 { return v }
            return nil
        }
    case .optional(let inner):
        switch v {
        case .optional(nil): return v
        case .optional(let w?): return conform(w, to: inner).map { .optional($0) }
        default: return conform(v, to: inner).map { .optional($0) }
        }
    case .array(let element):
        guard case .array(let items) = v else { return nil }
        if case .named(let n) = element, anyTypeNames.contains(n) { return v }
        var out = items
        var changed = false
        for (i, item) in items.enumerated() {
            guard let c = conform(item, to: element) else { return nil }
            if case .double = c, case .int = item { out[i] = c; changed = true }
            else if case .array = c { out[i] = c; changed = true }
            else if case .optional = c, !item.isOptional { out[i] = c; changed = true }
        }
        return changed ? .array(out) : v
    case .dictionary(_, let valueType):
        guard case .dictionary(let d) = v else { return nil }
        var out = ScriptDictionary()
        for (k, item) in zip(d.keys, d.values) {
            guard let c = conform(item, to: valueType) else { return nil }
            out[k] = c
        }
        return .dictionary(out)
    case .tuple(let types, let typeLabels):
        guard case .tuple(let items, let valueLabels) = v, items.count == types.count else { return nil }
        let labels = typeLabels.isEmpty ? valueLabels : typeLabels
        var out: [Value] = []
        for (item, t) in zip(items, types) {
            guard let c = conform(item, to: t) else { return nil }
            out.append(c)
        }
        return .tuple(out, labels: labels)
    case .function:
        if case .function = v { return v }
        return nil
    }
}

extension Value {
    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }
}

extension Runtime {
    /// `v` as `type`, or a located "cannot convert" error naming `what`.
    /// (`what` is built only for the error: this runs on every typed call.)
    @inline(__always)
    func coerce(_ v: Value, to type: TypeRef, what: @autoclosure () -> String, at location: SourceLocation) throws -> Value {
        if case .named(let n) = type {
            // Fast paths for the common scalar annotations.
            switch v {
            case .int: if n == "Int" { return v }
            case .double: if n == "Double" { return v }
            case .string: if n == "String" { return v }
            case .bool: if n == "Bool" { return v }
            default: break
            }
        }
        return try coerceSlow(v, to: type, what: what(), at: location)
    }

    func coerceSlow(_ v: Value, to type: TypeRef, what: String, at location: SourceLocation) throws -> Value {
        if let c = conform(v, to: type) { return c }
        throw LocatedError(message: "cannot convert value of type '\(v.typeName)' to expected type '\(type)' (\(what))", location: location)
    }
}
