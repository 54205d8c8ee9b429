/// Checking values against declared types (`let x: Double = 2`, parameters, signatures).

/// Names that stand for "any value" in signatures (generic parameters).
private let anyTypeNames: Set<String> = ["Any", "AnyObject", "T", "U", "V", "Element", "Key", "Value",
                                         "Bound", "Comparable", "Hashable", "Equatable", "Numeric", "Result"]

/// `v` converted to `type` (Int to Double, wrapping optionals), or nil when it does not fit.
func conform(_ v: Value, to type: TypeRef) -> Value? {
    switch type {
    case .named(let n):
        switch (n, v) {
        case ("Int", .int): return v
        case ("Double", .double), ("CGFloat", .double): return v
        case ("Double", .int(let i)), ("CGFloat", .int(let i)): return .double(Double(i))
        // Number literals in Float context are compiled as Doubles (`let f: Float = 0.1`).
        case ("Float", .float): return v
        case ("Float", .double(let d)): return .float(Float(d))
        case ("Float", .int(let i)): return .float(Float(i))
        case ("Character", .character): return v
        case ("Character", .string(let s)):
            // A string literal in Character context; a longer string is not a Character.
            guard s.count == 1, let c = s.first else { return nil }
            return .character(c)
        // Library functions taking text accept a Character too (`s.append(c)`, `split(separator: c)`).
        case ("String", .character(let c)), ("Substring", .character(let c)): return .string(String(c))
        // A String.Index is a Character offset (see `addStringIndices`).
        case ("String.Index", .int): return v
        case ("Set", .set): return v
        case ("Set", .array(let items)): return .set(ScriptSet(items))   // `let s: Set = [1, 2]`
        case ("Bool", .bool), ("String", .string), ("Substring", .string): return v
        case ("Range", .range), ("ClosedRange", .range), ("Range", .boundedRange), ("ClosedRange", .boundedRange): return v
        case ("Function", .function), ("Void", .void): return v
        case ("Array", .array), ("Dictionary", .dictionary), ("Tuple", .tuple): return v
        // Fixed-width integers of library rows (`[Int32]` indices, `UInt64` seeds, `UInt32`
        // colours, `[UInt8]` bytes) are Ints in scripts (looked up after the common names).
        case (_, .int) where Registry.fixedWidthIntegerNames.contains(n): return v
        case ("Int", _), ("Double", _), ("Float", _), ("Bool", _), ("String", _), ("Character", _), ("Set", _),
             ("Range", _), ("ClosedRange", _), ("Function", _), ("Void", _), ("Array", _), ("Dictionary", _):
            return nil
        case _ where Registry.fixedWidthIntegerNames.contains(n):
            return nil
        default:
            if anyTypeNames.contains(n) { return v }
            // A type alias (a nested type's bare name, `Genre` for `Movie.Genre`) names its target.
            if case .named(let target)? = Runtime.current?.registry.typeAliases[n], target != n {
                return conform(v, to: .named(target))
            }
            // A generic parameter (`T`, `Element` of `struct Stack<Element>`): any value. Other
            // names are types the checker knows.
            if Runtime.current.map({ $0.registry.types[n] == nil }) ?? (n.count == 1) { return v }
            if case .native(let o) = v {
                if o.typeName == n { return v }
                // A declared type where one of its protocols or superclasses is expected.
                if let so = o as? ScriptObject, so.type.conformances.contains(n) || so.type.hasSuperclass(named: n) { return v }
                // A bound library type where one of its bound protocols is expected.
                if Runtime.current?.registry.types[o.typeName]?.conformances.contains(n) == true { return v }
                return nil
            }
            return nil
        }
    case .optional(let inner):
        switch v {
        case .optional(nil): return v
        case .optional(let w?): return conform(w, to: inner).map { .optional($0) }
        default: return conform(v, to: inner).map { .optional($0) }
        }
    case .array(let element):
        guard case .array(let items) = v else {
            // A generic row's `[T]` takes any sequence (`zip(1..., xs)`, `zip(set, names)`):
            // the host reads its elements.
            if case .named(let n) = element, anyTypeNames.contains(n) {
                switch v {
                case .partialRange, .set, .string: return v
                case .range(let l, let u, let c):
                    // Listed here, so that a range too large to list is a bad argument.
                    return (try? Value.rangeElements(l, u, closed: c)).map { .array($0) }
                default: break
                }
            }
            return nil
        }
        if case .named(let n) = element, anyTypeNames.contains(n) { return v }
        var out = items
        var changed = false
        for (i, item) in items.enumerated() {
            guard let c = conform(item, to: element) else { return nil }
            if case .double = c, case .int = item { out[i] = c; changed = true }
            else if case .array = c { out[i] = c; changed = true }
            else if case .optional = c, !item.isOptional { out[i] = c; changed = true }
            // An unlabeled tuple stored where labels are declared takes them (`rows.map(\.rating)`).
            else if case .tuple(_, let new) = c, case .tuple(_, let old) = item, new != old { out[i] = c; changed = true }
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
    case .generic(let name, let args):
        guard name == "Set", args.count == 1 else { return conform(v, to: .named(name)) }
        return conformSet(v, element: args[0])
    }
}

/// `v` (a set, or an array literal) as a `Set` whose elements conform to `element`.
private func conformSet(_ v: Value, element: TypeRef) -> Value? {
    let items: [Value]
    switch v {
    case .set(let x): items = x.elements
    case .array(let a): items = a
    default: return nil
    }
    if case .named(let n) = element, anyTypeNames.contains(n) {
        if case .set = v { return v }
        return .set(ScriptSet(items))
    }
    var out = ScriptSet()
    var changed = false
    for item in items {
        guard let c = conform(item, to: element) else { return nil }
        if !Value.sameKind(c, item) { changed = true }
        out.insert(c)
    }
    if case .set = v, !changed { return v }
    return .set(out)
}

extension Value {
    /// Whether both values are the same case (an Int stayed an Int...).
    static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int, .int), (.double, .double), (.float, .float), (.string, .string), (.character, .character),
             (.bool, .bool), (.optional, .optional): return true
        default: return false
        }
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
        switch type {
        case .named(let n):
            if Runtime.fitsAsIs(v, n) { return v }
        case .optional(.named(let n)):
            // `n = node.next` with `var n: Node?`: an optional that already fits is kept
            // (the general path would rebuild it).
            switch v {
            case .optional(nil): return v
            case .optional(let w?): if Runtime.fitsAsIs(w, n) { return v }
            default: break
            }
        default: break
        }
        return try coerceSlow(v, to: type, what: what(), at: location)
    }

    /// Whether `v` is a value of the type named `n` as it stands: the common scalars, and
    /// instances of a bound or declared type of that name (what `conform` returns unchanged).
    @inline(__always)
    static func fitsAsIs(_ v: Value, _ n: String) -> Bool {
        switch v {
        case .int: return n == "Int"
        case .double: return n == "Double"
        case .string: return n == "String"
        case .bool: return n == "Bool"
        case .native(let o): return o.typeName == n
        default: return false
        }
    }

    func coerceSlow(_ v: Value, to type: TypeRef, what: String, at location: SourceLocation) throws -> Value {
        if case .native(let n) = v, n is ImplicitMember {
            return try coerceSlow(try resolveImplicitMember(v, type, at: location), to: type, what: what, at: location)
        }
        if let c = conform(v, to: type) { return c }
        throw LocatedError(message: "cannot convert value of type '\(v.typeName)' to expected type '\(type)' (\(what))", location: location)
    }
}
