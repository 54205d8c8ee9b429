/// The run-time description of a type declared in script code (`struct`, `class`, `enum`).
final class ScriptTypeInfo {
    enum Kind {
        case structure
        case object
        case enumeration
    }

    /// One enum case: its name and the labels of its associated values.
    struct Case {
        var name: String
        var labels: [String?]
    }

    let name: String
    let kind: Kind
    /// Stored properties in declaration order (an object's include its superclass's first),
    /// with their declared types (nil where inferred).
    var fieldNames: [String] = []
    var fieldTypes: [TypeRef?] = []
    /// `struct Box<T>`: the generic parameters' names (empty for most types).
    var genericParameters: [String] = []
    var fieldIndex: [String: Int] = [:]
    var cases: [Case] = []
    var caseIndex: [String: Int] = [:]
    /// Raw values by case, for enums with a raw type.
    var rawValues: [Value] = []
    var superclass: ScriptTypeInfo?
    /// Protocols (and the superclass) named after the colon, with the superclass's own.
    var conformances: Set<String> = []
    /// For each stored property: what computes its default (nil when it has none).
    var fieldDefaults: [MemberSlot?] = []
    var fieldIsConstant: [Bool] = []
    /// Whether the declaration has an `init` (then no memberwise one is made).
    var hasCustomInit = false
    /// Computed properties with a setter, by name (their slots hold the getter and setter).
    var computedWithSetter: [String: MemberSlot] = [:]
    /// `description` written in script (a `CustomStringConvertible` conformance).
    var describe: ((Value) throws -> String)?
    /// For a struct whose memberwise initializer takes every stored property, in order, with
    /// no defaults: the properties' declared types (a call with exactly those labels builds
    /// the instance directly, see `Compiler.memberwiseCall`). Nil otherwise.
    var memberwiseTypes: [TypeRef]?

    init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// Whether some enum case has associated values.
    var hasPayloads: Bool { cases.contains { !$0.labels.isEmpty } }

    func addField(_ name: String, type: TypeRef?) {
        fieldIndex[name] = fieldNames.count
        fieldNames.append(name)
        fieldTypes.append(type)
    }

    /// Whether a superclass (at any depth) is named `name`.
    func hasSuperclass(named name: String) -> Bool {
        var t = superclass
        while let c = t {
            if c.name == name { return true }
            t = c.superclass
        }
        return false
    }

    /// Whether `self` is `other` or inherits from it.
    func isSubtype(of other: ScriptTypeInfo) -> Bool {
        var t: ScriptTypeInfo? = self
        while let c = t {
            if c === other { return true }
            t = c.superclass
        }
        return false
    }
}

/// A value of a script-declared type. Structs and enums have value semantics: a mutation
/// copies the box unless it is uniquely referenced (copy on write). Class instances are
/// shared references.
final class ScriptObject: NativeObject, CustomStringConvertible, CustomDebugStringConvertible {
    let type: ScriptTypeInfo
    /// Read and written on every property access: `@exclusivity(unchecked)` spares each a
    /// dynamic exclusivity check (see `Cell`).
    @exclusivity(unchecked) var fields: [Value]
    /// The enum case (-1 for structs and objects).
    let caseIndex: Int

    init(type: ScriptTypeInfo, fields: [Value], caseIndex: Int = -1) {
        self.type = type
        self.fields = fields
        self.caseIndex = caseIndex
    }

    var typeName: String { type.name }

    /// A copy of the box (for copy on write of struct values).
    func copy() -> ScriptObject {
        ScriptObject(type: type, fields: fields, caseIndex: caseIndex)
    }

    /// The enum case's name.
    var caseName: String { caseIndex >= 0 && caseIndex < type.cases.count ? type.cases[caseIndex].name : "" }

    /// What `print` writes, as swiftc's program prints it (module `main`).
    var description: String {
        if let d = type.describe, let s = try? d(.native(self)) { return s }
        switch type.kind {
        case .object: return "main.\(type.name)\(typeArguments(qualified: true))"
        // Swift's print names a nested struct without its enclosing type: `Rating(...)`.
        case .structure: return "\(type.name.split(separator: ".").last ?? "")\(typeArguments(qualified: false))(\(fieldList))"
        case .enumeration: return caseName + payloadList
        }
    }

    /// What a collection shows for it: qualified with the module, as Swift's reflection does.
    var debugDescription: String {
        if let d = type.describe, let s = try? d(.native(self)) { return s }
        switch type.kind {
        case .object: return "main.\(type.name)\(typeArguments(qualified: true))"
        case .structure: return "main.\(type.name)\(typeArguments(qualified: true))(\(fieldList))"
        case .enumeration: return "main.\(type.name).\(caseName)" + payloadList
        }
    }

    /// `<Int>` for a value of a generic struct, as Swift prints it: each parameter's type read
    /// from a stored property declared with it (`value: T`, `items: [T]` holding elements,
    /// `next: T?` holding a value). Empty when the type is not generic or a parameter cannot
    /// be told (an empty `Stack<Int>` prints as `Stack(items: [])`). `qualified`: with module
    /// names, as a collection shows its elements (`Swift.Int`, `main.Movie`).
    func typeArguments(qualified: Bool) -> String {
        guard !type.genericParameters.isEmpty else { return "" }
        var names: [String] = []
        for g in type.genericParameters {
            guard let v = sampleValue(of: g) else { return "" }
            names.append(ScriptObject.typeName(of: v, qualified: qualified))
        }
        return "<" + names.joined(separator: ", ") + ">"
    }

    /// A value stored where generic parameter `g` is the declared type, if any.
    private func sampleValue(of g: String) -> Value? {
        for (i, t) in type.fieldTypes.enumerated() where i < fields.count {
            switch (t, fields[i]) {
            case (.named(g)?, let v): return v
            case (.array(.named(g))?, .array(let items)) where !items.isEmpty: return items[0]
            case (.optional(.named(g))?, .optional(let w?)): return w
            default: continue
            }
        }
        return nil
    }

    /// A value's type name as a generic argument: a declared generic type's with its own
    /// arguments (`Box<Bool>`); `qualified`, with module names as Swift's reflection writes
    /// them in collections (`Swift.Int`, `main.Box<Swift.Bool>`).
    static func typeName(of v: Value, qualified: Bool) -> String {
        switch v {
        case .native(let n):
            guard let o = Value.asScriptObject(n) else { return n.typeName }
            return (qualified ? "main." : "") + o.type.name + o.typeArguments(qualified: qualified)
        case .array(let items):
            return (qualified ? "Swift." : "") + "Array<" + (items.first.map { typeName(of: $0, qualified: qualified) } ?? "Any") + ">"
        case .optional(let w?):
            return (qualified ? "Swift." : "") + "Optional<" + typeName(of: w, qualified: qualified) + ">"
        case .dictionary, .optional, .tuple, .set: return v.typeName
        default: return (qualified ? "Swift." : "") + v.typeName
        }
    }

    private var fieldList: String {
        zip(type.fieldNames, fields).map { "\($0): \($1.debugDescription)" }.joined(separator: ", ")
    }

    private var payloadList: String {
        if fields.isEmpty { return "" }
        let labels = caseIndex >= 0 ? type.cases[caseIndex].labels : []
        return "(" + fields.enumerated().map { i, v in
            let label = i < labels.count ? labels[i] : nil
            return (label.map { "\($0): " } ?? "") + v.debugDescription
        }.joined(separator: ", ") + ")"
    }

    /// Swift's synthesized `==`: the same case and equal fields (objects: identity).
    func isEqual(to other: ScriptObject) -> Bool {
        if type.kind == .object { return self === other }
        return type === other.type && caseIndex == other.caseIndex && fields == other.fields
    }

    func hash(into h: inout Hasher) {
        if type.kind == .object { h.combine(ObjectIdentifier(self)); return }
        h.combine(caseIndex)
        h.combine(fields)
    }
}

extension Value {
    /// Moves a script object out, leaving `.void`, so that a uniquely referenced struct box
    /// is mutated in place (see `takeString`).
    @inline(never)
    mutating func takeScriptObject() -> ScriptObject? {
        guard case .native(let n) = self, let o = Value.asScriptObject(n) else { return nil }
        self = .void
        return o
    }

    /// The script object inside, if any.
    var scriptObject: ScriptObject? {
        if case .native(let n) = self { return Value.asScriptObject(n) }
        return nil
    }

    /// `n` as a script object: `ScriptObject` is final, so comparing the dynamic type is
    /// enough (cheaper than a conditional cast from the protocol existential).
    @inline(__always)
    static func asScriptObject(_ n: NativeObject) -> ScriptObject? {
        guard ObjectIdentifier(type(of: n)) == ObjectIdentifier(ScriptObject.self) else { return nil }
        return unsafeDowncast(n as AnyObject, to: ScriptObject.self)
    }
}

extension Runtime {
    /// Runs `body` on stored property `index` of a script value in place (copy on write for
    /// a struct's box; an object's field is changed where it is shared). The box is moved out
    /// of `base` first and no other reference to it is held, so a uniquely referenced
    /// struct box is changed without a copy.
    func modifyField(_ base: inout Value, index i: Int, _ body: (inout Value) throws -> Void) throws {
        guard var obj = base.takeScriptObject() else { return }
        guard i < obj.fields.count else { base = .native(obj); return }
        if obj.type.kind == .object {
            base = .native(obj)
            try body(&obj.fields[i])
            return
        }
        if !isKnownUniquelyReferenced(&obj) { obj = obj.copy() }
        defer { base = .native(obj) }
        try body(&obj.fields[i])
    }

    /// Runs `body` on a stored property of a script value in place: a struct's box is copied
    /// first unless uniquely referenced; an object's field is changed where it is shared.
    func modifyField(_ base: inout Value, name: String, at location: SourceLocation,
                     _ body: (inout Value) throws -> Void) throws -> Bool {
        // The type, not the box: a reference to the box held across `body` would defeat
        // copy on write.
        guard let type = base.scriptObject?.type else { return false }
        if type.fieldIndex[name] == nil, let slot = type.computedWithSetter[name],
           case .function(let getter) = slot.function, case .function(let setter) = slot.setter {
            // A computed property: get, change, set (a struct's setter returns the new self).
            var value = try call(getter, [base], at: location)
            try body(&value)
            if type.kind == .object {
                _ = try call(setter, [base, value], at: location)
            } else {
                _ = try callMutating(.function(setter), &base, [value], at: location)
            }
            return true
        }
        guard let i = type.fieldIndex[name] else {
            throw LocatedError(message: "value of type '\(type.name)' has no member '\(name)'", location: location)
        }
        try modifyField(&base, index: i, body)
        return true
    }
}
