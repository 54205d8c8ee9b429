/// Values compare as Swift's `==` would; functions and host objects by identity.
extension Value: Hashable {
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.int(let x), .double(let y)): return Double(x) == y
        case (.double(let x), .int(let y)): return x == Double(y)
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.dictionary(let x), .dictionary(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) where y[k] != v { return false }
            return true
        case (.tuple(let x, _), .tuple(let y, _)): return x == y
        case (.optional(let x), .optional(let y)): return x == y
        case (.optional(let x?), _): return x == b
        case (_, .optional(let y?)): return a == y
        case (.range(let l1, let u1, let c1), .range(let l2, let u2, let c2)): return l1 == l2 && u1 == u2 && c1 == c2
        case (.function(let x), .function(let y)): return x === y
        case (.native(let x), .native(let y)):
            if let a = x as? ScriptObject, let b = y as? ScriptObject { return a.isEqual(to: b) }
            return x === y
        case (.void, .void): return true
        case (.set(let x), .set(let y)): return x.count == y.count && x.elements.allSatisfy(y.contains)
        case (.character(let x), .character(let y)): return x == y
        // A string literal where a Character is expected (`c == "a"`, `[Character: Int]` keys).
        case (.character(let x), .string(let y)), (.string(let y), .character(let x)): return String(x) == y
        case (.float(let x), .float(let y)): return x == y
        case (.float(let x), .int(let y)), (.int(let y), .float(let x)): return x == Float(y)
        case (.partialRange(let l1, let u1, let c1), .partialRange(let l2, let u2, let c2)):
            return l1 == l2 && u1 == u2 && c1 == c2
        case (.boundedRange(let l1, let u1, let c1), .boundedRange(let l2, let u2, let c2)):
            return l1 == l2 && u1 == u2 && c1 == c2
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .int(let x): h.combine(Double(x))
        case .double(let x): h.combine(x)
        case .bool(let x): h.combine(x)
        case .string(let x): h.combine(x)
        case .array(let x): h.combine(x)
        case .dictionary(let d): h.combine(d.count)
        case .tuple(let x, _): h.combine(x)
        case .optional(let x):
            if let x { x.hash(into: &h) } else { h.combine(0 as UInt8) }
        case .range(let l, let u, let c): h.combine(l); h.combine(u); h.combine(c)
        case .function(let f): h.combine(ObjectIdentifier(f))
        case .native(let n):
            if let o = n as? ScriptObject { o.hash(into: &h) } else { h.combine(ObjectIdentifier(n)) }
        case .void: h.combine(1 as UInt8)
        case .set(let x):
            // Order-independent, as equality is.
            h.combine(x.count)
            h.combine(x.elements.reduce(0) { $0 ^ $1.hashValue })
        // As the equal String (see `==`).
        case .character(let c): h.combine(String(c))
        case .float(let x): h.combine(Double(x))
        case .partialRange(let l, let u, let c): h.combine(l); h.combine(u); h.combine(c)
        case .boundedRange(let l, let u, let c): h.combine(l); h.combine(u); h.combine(c)
        }
    }
}
