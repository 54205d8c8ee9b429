/// A host object exposed to scripts (a Tensor, a Figure...). `typeName` selects the bound
/// type in the `Registry` whose methods, properties and operators apply to it.
public protocol NativeObject: AnyObject {
    /// The registered type name, e.g. "Tensor".
    var typeName: String { get }
}

/// A script value. A closed enum: every value a script can hold is one of these cases.
public enum Value {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([Value])
    /// Boxed (`indirect`), as is `range`: their payloads are the only ones over 16 bytes, and
    /// keeping every case within 16 makes a `Value` 24 bytes apart in memory instead of 32.
    indirect case dictionary(ScriptDictionary)
    /// Elements with optional labels (`(min: 1, max: 2)`); `labels` is empty when none.
    case tuple([Value], labels: [String?])
    /// `Optional(x)` when wrapped, `nil` when nil.
    indirect case optional(Value?)
    /// `lower..<upper` (`closed == false`) or `lower...upper`.
    indirect case range(lower: Int, upper: Int, closed: Bool)
    case function(Function)
    case native(NativeObject)
    /// `()`: the result of a call that returns nothing.
    case void
    /// A `Set`: unique elements (kept in a deterministic order, see `ScriptSet`).
    case set(ScriptSet)
    /// One `Character` (an extended grapheme cluster), as iterating a String yields.
    case character(Character)
    /// A 32-bit `Float`.
    case float(Float)
    /// A one-sided range: `a...` (upper nil), `..<b` or `...b` (lower nil).
    indirect case partialRange(lower: Value?, upper: Value?, closed: Bool)
    /// A range whose bounds are not Ints (`0.5...4.5`, `"a"..."m"`): both bounds of one
    /// Comparable type, lower <= upper. Not a sequence, as in Swift.
    indirect case boundedRange(lower: Value, upper: Value, closed: Bool)

    /// The nil value.
    public static let null = Value.optional(nil)

    /// Swift's name for the value's type, as used in error messages ("Int", "[Double]").
    public var typeName: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .array(let a):
            return "[\(a.first.map { $0.typeName } ?? "Any")]"
        case .dictionary(let d):
            guard let k = d.keys.first, let v = d.values.first else { return "[AnyHashable: Any]" }
            return "[\(k.typeName): \(v.typeName)]"
        case .tuple(let items, _): return "(" + items.map(\.typeName).joined(separator: ", ") + ")"
        case .optional(let w): return w.map { "\($0.typeName)?" } ?? "Optional<Any>"
        case .range(_, _, let closed): return closed ? "ClosedRange<Int>" : "Range<Int>"
        case .function: return "function"
        case .native(let n): return n.typeName
        case .void: return "()"
        case .set(let x): return "Set<\(x.elements.first.map { $0.typeName } ?? "AnyHashable")>"
        case .character: return "Character"
        case .float: return "Float"
        case .boundedRange(let lo, _, let closed):
            return (closed ? "ClosedRange<" : "Range<") + lo.typeName + ">"
        case .partialRange(let lo, let hi, let closed):
            if let lo { return "PartialRangeFrom<\(lo.typeName)>" }
            return (closed ? "PartialRangeThrough<" : "PartialRangeUpTo<") + (hi?.typeName ?? "Int") + ">"
        }
    }

    /// The registry type whose members apply to the value ("Array", "Tensor"...).
    var bindingTypeName: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .array: return "Array"
        case .dictionary: return "Dictionary"
        case .tuple: return "Tuple"
        case .optional: return "Optional"
        case .range: return "Range"
        case .function: return "Function"
        case .native(let n): return n.typeName
        case .void: return "Void"
        case .set: return "Set"
        case .character: return "Character"
        case .float: return "Float"
        case .partialRange: return "PartialRange"
        case .boundedRange: return "Range"
        }
    }

    /// Recovers a host object of type `T` from a `.native` value.
    public func native<T: NativeObject>(as type: T.Type) -> T? {
        if case .native(let n) = self { return n as? T }
        return nil
    }

    /// The value with optional wrappers removed, or nil for nil.
    public var unwrapped: Value? {
        if case .optional(let w) = self { return w?.unwrapped }
        return self
    }

    /// True for nil.
    public var isNil: Bool {
        if case .optional(nil) = self { return true }
        return false
    }
}

/// A script function value: a compiled script function or closure, or a bound native function.
public final class Function {
    /// The function's name as Swift spells it (`topK(_:k:)`, or "closure").
    public let name: String
    let call: (Runtime, [Value]) throws -> Value
    let script: ScriptFunction?

    init(name: String, call: @escaping (Runtime, [Value]) throws -> Value) {
        self.name = name
        self.call = call
        self.script = nil
    }

    init(script: ScriptFunction) {
        self.name = script.prototype.name
        self.script = script
        self.call = { _, _ in .void }
    }
}

/// A dictionary that keeps insertion order, so printing is deterministic.
public struct ScriptDictionary {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [Value: Int] = [:]

    /// An empty dictionary.
    public init() {}

    /// Number of entries.
    public var count: Int { keys.count }

    /// The value for `key`, or nil.
    public subscript(key: Value) -> Value? {
        get { index[key].map { values[$0] } }
        set {
            if let i = index[key] {
                if let v = newValue { values[i] = v } else { remove(key) }
            } else if let v = newValue {
                index[key] = keys.count
                keys.append(key)
                values.append(v)
            }
        }
    }

    /// Runs `body` on the value stored for `key` in place (so a collection stored there is
    /// mutated without a copy); false, without calling `body`, when `key` is absent.
    mutating func modifyValue(_ key: Value, _ body: (inout Value) throws -> Void) rethrows -> Bool {
        guard let i = index[key] else { return false }
        try body(&values[i])
        return true
    }

    /// Removes `key` and returns its value.
    @discardableResult
    public mutating func remove(_ key: Value) -> Value? {
        guard let i = index[key] else { return nil }
        let v = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        index = [:]
        for (j, k) in keys.enumerated() { index[k] = j }
        return v
    }

    /// Removes everything.
    public mutating func removeAll() {
        keys = []; values = []; index = [:]
    }
}

extension Value {
    /// Moves a string out, leaving `.void`, so that appending to it does not copy its storage.
    /// Not inlined: the optimizer could otherwise drop the store of `.void` (dead before the
    /// caller stores the result back) and keep the old reference alive during the append.
    @inline(never)
    mutating func takeString() -> String? {
        guard case .string(let s) = self else { return nil }
        self = .void
        return s
    }

    /// Moves a dictionary out, leaving `.void` (see `takeString`).
    @inline(never)
    mutating func takeDictionary() -> ScriptDictionary? {
        guard case .dictionary(let d) = self else { return nil }
        self = .void
        return d
    }

    /// Moves an array out, leaving `.void` (see `takeString`).
    @inline(never)
    mutating func takeArray() -> [Value]? {
        guard case .array(let a) = self else { return nil }
        self = .void
        return a
    }
}

extension Value {
    /// Most elements a range may be turned into an array of (`Array(r)`, `r.map`...).
    static let maxRangeElements = 100_000_000

    /// The Ints of `lower..<upper` (or `...`) as values; an error past `maxRangeElements`.
    static func rangeElements(_ lower: Int, _ upper: Int, closed: Bool) throws -> [Value] {
        let (span, overflow) = upper.subtractingReportingOverflow(lower)
        guard !overflow, span < maxRangeElements else {
            throw BindingError("range \(lower)\(closed ? "..." : "..<")\(upper) has too many elements to make an array (limit 100,000,000)")
        }
        return closed ? (lower...upper).map { .int($0) } : (lower..<upper).map { .int($0) }
    }
}
