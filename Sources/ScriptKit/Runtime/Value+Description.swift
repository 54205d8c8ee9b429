/// Printing follows Swift: `description` is what `print(x)` writes, `debugDescription`
/// what `debugPrint(x)` writes (and what appears for elements inside collections).
extension Value: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String {
        switch self {
        case .string(let s): return s
        case .character(let c): return String(c)
        case .set(let x): return "[" + x.elements.map(\.debugDescription).joined(separator: ", ") + "]"
        case .optional(let w?): return "Optional(\(w.debugDescription))"
        case .native(let n as ScriptObject): return n.description
        default: return debugDescription
        }
    }

    public var debugDescription: String {
        switch self {
        case .int(let x): return String(x)
        case .double(let x): return Value.format(x)
        case .bool(let x): return x ? "true" : "false"
        case .string(let s): return Value.quote(s)
        case .array(let items): return "[" + items.map(\.debugDescription).joined(separator: ", ") + "]"
        case .dictionary(let d):
            if d.count == 0 { return "[:]" }
            return "[" + zip(d.keys, d.values).map { "\($0.debugDescription): \($1.debugDescription)" }
                .joined(separator: ", ") + "]"
        case .tuple(let items, let labels):
            var parts: [String] = []
            for (i, v) in items.enumerated() {
                let label = i < labels.count ? labels[i] : nil
                parts.append(label.map { "\($0): \(v.debugDescription)" } ?? v.debugDescription)
            }
            return "(" + parts.joined(separator: ", ") + ")"
        case .optional(let w): return w.map { "Optional(\($0.debugDescription))" } ?? "nil"
        case .range(let l, let u, let c): return c ? "\(l)...\(u)" : "\(l)..<\(u)"
        case .boundedRange(let l, let u, let c): return l.debugDescription + (c ? "..." : "..<") + u.debugDescription
        case .function: return "(Function)"
        case .native(let n):
            if let o = n as? ScriptObject { return o.debugDescription }
            if let d = n as? CustomStringConvertible { return d.description }
            return n.typeName
        case .void: return "()"
        case .set(let x): return "Set([" + x.elements.map(\.debugDescription).joined(separator: ", ") + "])"
        case .character(let c): return Value.quote(String(c))
        case .float(let x): return x.description
        case .partialRange(let lo, let hi, _):
            if let lo { return "\(typeName)(lowerBound: \(lo.debugDescription))" }
            return "\(typeName)(upperBound: \(hi?.debugDescription ?? ""))"
        }
    }

    /// Swift's shortest round-tripping spelling of a Double (`1.0`, `0.1`, `1e-05`, `inf`).
    static func format(_ x: Double) -> String {
        x.description
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}
