/// A Swift type whose values cross between host code and scripts: numbers, strings, arrays,
/// optionals and dictionaries of them, and bound library types (`ScriptBound`). Binding rows
/// use it to read arguments and return results in one line (`args.get(0, as: Int.self)`,
/// `result.scriptValue`), and the key-path rows (`TypeBinding.field`) use it both ways.
public protocol ScriptConvertible {
    /// The host value a script value stands for; throws a `BindingError` naming the
    /// expected type when it does not (the type checker has normally ruled that out).
    static func fromScript(_ value: Value) throws -> Self
    /// The script value standing for this host value.
    var scriptValue: Value { get }
}

extension ScriptConvertible {
    static func mismatch(_ value: Value) -> BindingError {
        BindingError("expected \(Self.self), got \(value.typeName)")
    }
}

extension Int: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> Int {
        switch value.unwrapped {
        case .int(let v)?: return v
        default: throw mismatch(value)
        }
    }
    public var scriptValue: Value { .int(self) }
}

extension Double: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> Double {
        switch value.unwrapped {
        case .double(let v)?: return v
        case .int(let v)?: return Double(v)
        case .float(let v)?: return Double(v)
        default: throw mismatch(value)
        }
    }
    public var scriptValue: Value { .double(self) }
}

extension Float: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> Float {
        switch value.unwrapped {
        case .float(let v)?: return v
        case .double(let v)?: return Float(v)
        case .int(let v)?: return Float(v)
        default: throw mismatch(value)
        }
    }
    public var scriptValue: Value { .float(self) }
}

extension Int32: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> Int32 {
        guard case .int(let v)? = value.unwrapped else { throw mismatch(value) }
        guard let n = Int32(exactly: v) else { throw BindingError("expected Int32, got \(v) (out of range)") }
        return n
    }
    public var scriptValue: Value { .int(Int(self)) }
}

extension Int64: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> Int64 {
        guard case .int(let v)? = value.unwrapped else { throw mismatch(value) }
        return Int64(v)
    }
    public var scriptValue: Value { .int(Int(self)) }
}

extension UInt64: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> UInt64 {
        guard case .int(let v)? = value.unwrapped else { throw mismatch(value) }
        return UInt64(truncatingIfNeeded: v)
    }
    public var scriptValue: Value { .int(Int(truncatingIfNeeded: self)) }
}

extension Bool: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> Bool {
        guard case .bool(let v)? = value.unwrapped else { throw mismatch(value) }
        return v
    }
    public var scriptValue: Value { .bool(self) }
}

extension String: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> String {
        switch value.unwrapped {
        case .string(let v)?: return v
        case .character(let c)?: return String(c)
        default: throw mismatch(value)
        }
    }
    public var scriptValue: Value { .string(self) }
}

extension Array: ScriptConvertible where Element: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> [Element] {
        switch value.unwrapped {
        case .array(let items)?: return try items.map(Element.fromScript)
        case .set(let s)?: return try s.elements.map(Element.fromScript)
        case .range(let l, let u, let c)?:
            return try Value.rangeElements(l, u, closed: c).map(Element.fromScript)
        default: throw mismatch(value)
        }
    }
    public var scriptValue: Value { .array(map(\.scriptValue)) }
}

extension Optional: ScriptConvertible where Wrapped: ScriptConvertible {
    public static func fromScript(_ value: Value) throws -> Wrapped? {
        guard let v = value.unwrapped else { return nil }
        return try Wrapped.fromScript(v)
    }
    public var scriptValue: Value { .optional(self.map(\.scriptValue)) }
}

extension Dictionary: ScriptConvertible where Key: ScriptConvertible & Hashable, Value: ScriptConvertible {
    public static func fromScript(_ value: ScriptKit.Value) throws -> [Key: Value] {
        guard case .dictionary(let d)? = value.unwrapped else { throw mismatch(value) }
        var out: [Key: Value] = [:]
        for (k, v) in zip(d.keys, d.values) { out[try Key.fromScript(k)] = try Value.fromScript(v) }
        return out
    }
    public var scriptValue: ScriptKit.Value {
        // Sorted by key text so that printing is deterministic, as script dictionaries are ordered.
        var d = ScriptDictionary()
        for (k, v) in self.sorted(by: { "\($0.key)" < "\($1.key)" }) { d[k.scriptValue] = v.scriptValue }
        return .dictionary(d)
    }
}
