/// A static type as the type checker sees it. `variable` is an inference variable (solved by
/// unification); `unknown` is what a loosely typed host row (`Any`, `Function`) gives: it
/// accepts and is accepted by everything, and the runtime checks such values as before.
indirect enum ScriptType: Equatable {
    case int
    case double
    case float
    case bool
    case string
    case character
    case void
    case array(ScriptType)
    case dictionary(ScriptType, ScriptType)
    case set(ScriptType)
    case optional(ScriptType)
    /// Element types with labels (nil where unlabeled; empty when none has a label).
    case tuple([ScriptType], labels: [String?])
    case function(FunctionType)
    /// `a..<b` (`closed == false`) or `a...b` over Int or Double bounds.
    case range(ScriptType, closed: Bool)
    /// A host type registered in the `Registry` (`Tensor`, `Figure`).
    case native(String)
    case variable(Int)
    case unknown

    /// Whether this is Int, Double or Float.
    var isNumeric: Bool {
        switch self {
        case .int, .double, .float: return true
        default: return false
        }
    }

    /// The registry type whose members apply to values of this type.
    var bindingName: String? {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .character: return "Character"
        case .array: return "Array"
        case .dictionary: return "Dictionary"
        case .set: return "Set"
        case .optional: return "Optional"
        case .tuple: return "Tuple"
        case .range: return "Range"
        case .function: return "Function"
        case .native(let n): return n
        case .void: return "Void"
        case .variable, .unknown: return nil
        }
    }
}

/// The type of a function or closure value.
struct FunctionType: Equatable {
    var parameters: [ScriptType]
    var result: ScriptType
    var throwing: Bool
}

extension ScriptType: CustomStringConvertible {
    /// Swift's spelling, as in swiftc's messages (`[String: Int]`, `(Int) -> Double`).
    var description: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .character: return "Character"
        case .void: return "()"
        case .array(let e): return "[\(e)]"
        case .dictionary(let k, let v): return "[\(k): \(v)]"
        case .set(let e): return "Set<\(e)>"
        case .optional(let w):
            if case .function = w { return "(\(w))?" }
            return "\(w)?"
        case .tuple(let items, let labels):
            return "(" + items.enumerated().map { i, t in
                (i < labels.count ? labels[i].map { "\($0): " } ?? "" : "") + t.description
            }.joined(separator: ", ") + ")"
        case .function(let f):
            let params = f.parameters.map(\.description).joined(separator: ", ")
            return "(\(params))\(f.throwing ? " throws" : "") -> \(f.result)"
        case .range(let b, let closed): return closed ? "ClosedRange<\(b)>" : "Range<\(b)>"
        case .native(let n): return n
        case .variable: return "_"
        case .unknown: return "Any"
        }
    }
}

extension ScriptType {
    /// The static type of a run-time value (for globals a host defines).
    init(of value: Value) {
        switch value {
        case .int: self = .int
        case .double: self = .double
        case .bool: self = .bool
        case .string: self = .string
        case .array(let a): self = .array(a.first.map { ScriptType(of: $0) } ?? .unknown)
        case .dictionary(let d):
            self = .dictionary(d.keys.first.map { ScriptType(of: $0) } ?? .unknown,
                               d.values.first.map { ScriptType(of: $0) } ?? .unknown)
        case .tuple(let items, let labels): self = .tuple(items.map { ScriptType(of: $0) }, labels: labels)
        case .optional(let w): self = .optional(w.map { ScriptType(of: $0) } ?? .unknown)
        case .range(_, _, let closed): self = .range(.int, closed: closed)
        case .function: self = .unknown
        case .native(let n): self = .native(n.typeName)
        case .void: self = .void
        case .set(let x): self = .set(x.elements.first.map { ScriptType(of: $0) } ?? .unknown)
        case .character: self = .character
        case .float: self = .float
        case .boundedRange(let lo, _, let closed): self = .range(ScriptType(of: lo), closed: closed)
        case .partialRange(let lo, let hi, let closed):
            self = .range((lo ?? hi).map { ScriptType(of: $0) } ?? .int, closed: closed)
        }
    }
}
