/// One registered callable: its signature, doc line and host closure.
final class Overload {
    enum Body {
        case function((Arguments) throws -> Value)
        case method((Value, Arguments) throws -> Value)
        case mutatingMethod((inout Value, Arguments) throws -> Value)
        case property((Value) throws -> Value)
        case staticProperty(() throws -> Value)
    }

    let signature: Signature
    let doc: String
    let body: Body
    /// Name of the owning type ("" for free functions), for messages and help.
    let owner: String
    /// A protocol requirement: typed for the checker, implemented by conforming types.
    var isRequirement = false
    /// For a declared type's method: the script function it calls (calls with exactly its
    /// labels skip argument binding; a mutating one takes `inout self`).
    var memberSlot: MemberSlot?
    /// For a settable host property: writes the new value (a struct's setter replaces the
    /// receiver with a new box; a class's changes the shared instance).
    var setter: ((inout Value, Value) throws -> Void)?

    init(signature: Signature, doc: String, body: Body, owner: String) {
        self.signature = signature
        self.doc = doc
        self.body = body
        self.owner = owner
    }

    var isMutating: Bool {
        if case .mutatingMethod = body { return true }
        return false
    }

    /// Whether calling this row runs something (not a bare protocol requirement).
    var isImplemented: Bool { !isRequirement }

    /// `Type.name(label:)` or `name(label:)`.
    var qualifiedName: String {
        (owner.isEmpty ? "" : owner + ".") + signature.swiftName
    }
}

/// A host type exposed to scripts: initializers, methods, properties and operators, each
/// one row with a Swift-style signature and a one-line doc. Methods return the binding so
/// rows chain.
public final class TypeBinding {
    /// The type's name in scripts, e.g. "Tensor".
    public let name: String
    /// One line describing the type ("" until a row declaring it gives one).
    public internal(set) var doc: String
    var initializers: [Overload] = []
    var methods: [String: [Overload]] = [:]
    var properties: [String: Overload] = [:]
    var staticMethods: [String: [Overload]] = [:]
    var staticProperties: [String: Overload] = [:]
    /// A declared type's static stored properties that are `var`: where their values live,
    /// so that `Type.count += 1` changes them.
    var staticVariables: [String: MemberSlot] = [:]
    var operators: [String: (doc: String, body: (Value, Value) throws -> Value)] = [:]
    var prefixOperators: [String: (doc: String, body: (Value) throws -> Value)] = [:]
    /// Binary operators that throw, as in Swift (`Tensor + Tensor` on mismatched shapes):
    /// callers write `try`.
    var throwingOperators: Set<String> = []
    /// Protocols (bound as types too) that values of this type may be passed as.
    public internal(set) var conformances: Set<String> = []
    /// Whether the bound type is a class: a `let` holding one still allows property writes.
    public internal(set) var isReference = false
    weak var registry: Registry?

    init(name: String, doc: String, registry: Registry) {
        self.name = name
        self.doc = doc
        self.registry = registry
    }

    /// `init(shape: [Int], scalars: [Double])`: called as `Tensor(shape:scalars:)`.
    @discardableResult
    public func initializer(_ signature: String, doc: String, _ body: @escaping (Arguments) throws -> Value) -> TypeBinding {
        if let s = parse(signature) {
            var s = s
            s.name = name
            initializers.append(Overload(signature: s,
                                         doc: doc, body: .function(body), owner: ""))
        }
        return self
    }

    /// An instance method; `this` is the receiver.
    @discardableResult
    public func method(_ signature: String, doc: String, _ body: @escaping (_ this: Value, Arguments) throws -> Value) -> TypeBinding {
        if let s = parse(signature) {
            methods[s.name, default: []].append(Overload(signature: s, doc: doc, body: .method(body), owner: name))
        }
        return self
    }

    /// A mutating method (like `append`): the receiver is passed `inout` and written back.
    @discardableResult
    public func mutatingMethod(_ signature: String, doc: String, _ body: @escaping (_ this: inout Value, Arguments) throws -> Value) -> TypeBinding {
        if let s = parse(signature) {
            methods[s.name, default: []].append(Overload(signature: s, doc: doc, body: .mutatingMethod(body), owner: name))
        }
        return self
    }

    /// A read-only property, `shape: [Int]`.
    @discardableResult
    public func property(_ signature: String, doc: String, _ body: @escaping (_ this: Value) throws -> Value) -> TypeBinding {
        if let s = parseProperty(signature) {
            properties[s.name] = Overload(signature: s, doc: doc, body: .property(body), owner: name)
        }
        return self
    }

    /// A settable property, `epochs: Int`: `get` reads it, `set` writes a new value.
    @discardableResult
    public func property(_ signature: String, doc: String, get: @escaping (_ this: Value) throws -> Value,
                         set: @escaping (_ this: inout Value, _ newValue: Value) throws -> Void) -> TypeBinding {
        if let s = parseProperty(signature) {
            let o = Overload(signature: s, doc: doc, body: .property(get), owner: name)
            o.setter = set
            properties[s.name] = o
        }
        return self
    }

    /// Declares that values of this type may be passed where the bound protocols are
    /// expected (`MultVAE` as a `Recommender`).
    @discardableResult
    public func conforms(to protocols: String...) -> TypeBinding {
        conformances.formUnion(protocols)
        return self
    }

    /// Marks the bound type as a class (reference semantics).
    @discardableResult
    public func referenceType() -> TypeBinding {
        isReference = true
        return self
    }

    /// A read-only subscript, `subscript(_ name: String) -> [Double]`: `value["loss"]`.
    @discardableResult
    public func subscriptRow(_ signature: String, doc: String, _ body: @escaping (_ this: Value, Arguments) throws -> Value) -> TypeBinding {
        method(signature, doc: doc, body)
    }

    /// A static method, called as `Type.name(...)`.
    @discardableResult
    public func staticMethod(_ signature: String, doc: String, _ body: @escaping (Arguments) throws -> Value) -> TypeBinding {
        if let s = parse(signature) {
            staticMethods[s.name, default: []].append(Overload(signature: s, doc: doc, body: .function(body), owner: name))
        }
        return self
    }

    /// A static property, `Int.max`.
    @discardableResult
    public func staticProperty(_ signature: String, doc: String, _ body: @escaping () throws -> Value) -> TypeBinding {
        if let s = parseProperty(signature) {
            staticProperties[s.name] = Overload(signature: s, doc: doc, body: .staticProperty(body), owner: name)
        }
        return self
    }

    /// A binary operator (`+ - * / % == < ...`) used when either operand is of this type.
    /// The closure decides what mixes of operands it accepts (broadcasting, scalars) and
    /// throws for the others; `throws: true` when the Swift operator is `throws` between two
    /// library values (a number operand stands for a non-throwing scalar overload, as
    /// `Tensor * Float` is in Swift while `Tensor * Tensor` throws).
    @discardableResult
    public func binaryOperator(_ op: String, doc: String, throws throwing: Bool = false,
                               _ body: @escaping (_ lhs: Value, _ rhs: Value) throws -> Value) -> TypeBinding {
        operators[op] = (doc, body)
        if throwing { throwingOperators.insert(op) } else { throwingOperators.remove(op) }
        return self
    }

    /// A prefix operator (`-x`).
    @discardableResult
    public func prefixOperator(_ op: String, doc: String, _ body: @escaping (_ operand: Value) throws -> Value) -> TypeBinding {
        prefixOperators[op] = (doc, body)
        return self
    }

    private func parse(_ text: String) -> Signature? {
        do { return try Signature.parse(text) } catch {
            registry?.signatureErrors.append(error as? SignatureError ?? SignatureError(text: text, message: "\(error)"))
            return nil
        }
    }

    private func parseProperty(_ text: String) -> Signature? {
        do { return try Signature.parseProperty(text) } catch {
            registry?.signatureErrors.append(error as? SignatureError ?? SignatureError(text: text, message: "\(error)"))
            return nil
        }
    }

    /// Names of instance members (methods and properties), sorted.
    public var memberNames: [String] {
        // `super(T).m` rows serve `super.m` calls; they are not members a user writes.
        Array(Set(methods.keys).union(properties.keys)).filter { !$0.hasPrefix("super(") && $0 != "subscript(set)" }.sorted()
    }

    /// Names of static members, sorted.
    public var staticMemberNames: [String] {
        Array(Set(staticMethods.keys).union(staticProperties.keys)).sorted()
    }
}

/// The declarative table of everything native that scripts can call: free functions and
/// host types. One row per callable, each with a Swift-style signature and a one-line doc;
/// the same rows drive calls, argument checking, `help` and completion.
///
/// ```swift
/// let registry = Registry.standard()
/// registry.function("sqrt(_ x: Double) -> Double", doc: "Square root.") { args in
///     .double(args.double(0).squareRoot())
/// }
/// ```
public final class Registry {
    var functions: [String: [Overload]] = [:]
    var types: [String: TypeBinding] = [:]
    /// Types declared by script code (`struct`, `class`, `enum`), by name.
    var scriptTypes: [String: ScriptTypeInfo] = [:]
    /// Protocols declared by script code, by name.
    var protocols: Set<String> = []
    /// `typealias` names and what they stand for.
    var typeAliases: [String: TypeRef] = [:]
    /// What a declared type's member rows call: filled when the declaration runs.
    var memberSlots: [ObjectIdentifier: MemberSlot] = [:]
    /// Signatures that failed to parse (host programming errors); empty when all is well.
    public internal(set) var signatureErrors: [SignatureError] = []

    /// An empty registry (no standard library).
    public init() {}

    /// A free function. Several rows with the same name are overloads, tried in order.
    @discardableResult
    public func function(_ signature: String, doc: String, _ body: @escaping (Arguments) throws -> Value) -> Registry {
        do {
            let s = try Signature.parse(signature)
            functions[s.name, default: []].append(Overload(signature: s, doc: doc, body: .function(body), owner: ""))
        } catch {
            signatureErrors.append(error as? SignatureError ?? SignatureError(text: signature, message: "\(error)"))
        }
        return self
    }

    /// Registers (or extends) a type; add members with the returned binding. Rows that only
    /// extend a type declared elsewhere (another library's bindings) pass `doc: ""`, and the
    /// declaring row's doc is kept whichever runs first.
    @discardableResult
    public func type(_ name: String, doc: String) -> TypeBinding {
        if let existing = types[name] {
            if existing.doc.isEmpty { existing.doc = doc }
            return existing
        }
        let t = TypeBinding(name: name, doc: doc, registry: self)
        types[name] = t
        return t
    }

    /// A type alias of bound types, `UserKNNRatings.Configuration` for
    /// `NeighbourhoodConfiguration`: usable in annotations and as an initializer.
    public func typeAlias(_ name: String, of target: String) {
        typeAliases[name] = .named(target)
    }

    /// The methods named `name` of a bound type, else those of the first bound protocol it
    /// conforms to that has them (a protocol's extension methods, such as
    /// `RatingModel.evaluate(_:)`, apply to every conforming type).
    func hostMethods(_ typeName: String, _ name: String) -> [Overload]? {
        guard let t = types[typeName] else { return nil }
        if let m = t.methods[name] { return m }
        for p in t.conformances.sorted() { if let m = types[p]?.methods[name] { return m } }
        return nil
    }

    /// The property `name` of a bound type or of a bound protocol it conforms to.
    func hostProperty(_ typeName: String, _ name: String) -> Overload? {
        guard let t = types[typeName] else { return nil }
        if let o = t.properties[name] { return o }
        for p in t.conformances.sorted() { if let o = types[p]?.properties[name] { return o } }
        return nil
    }

    /// The binding of a registered type.
    public func binding(of name: String) -> TypeBinding? { types[name] }

    /// Every free function and type name, sorted.
    public var names: [String] {
        Array(Set(functions.keys).union(types.keys)).sorted()
    }

    /// Signatures and docs for `:help NAME`: a function, a type (with its members), or a
    /// member written `Type.member`. Nil when nothing is registered under that name.
    public func help(_ name: String) -> String? {
        var lines: [String] = []
        if let overloads = functions[name] {
            for o in overloads { lines.append("\(o.signature.text)\n    \(o.doc)") }
        }
        if let t = types[name] {
            lines.append("\(t.name): \(t.doc)")
            for o in t.initializers { lines.append("  \(o.signature.text)\n      \(o.doc)") }
            for (_, o) in t.staticProperties.sorted(by: { $0.key < $1.key }) { lines.append("  static \(o.signature.name): \(o.signature.returnType.map(\.description) ?? "")\n      \(o.doc)") }
            for (_, os) in t.staticMethods.sorted(by: { $0.key < $1.key }) { for o in os { lines.append("  static \(o.signature.text)\n      \(o.doc)") } }
            for (_, o) in t.properties.sorted(by: { $0.key < $1.key }) { lines.append("  \(o.setter == nil ? "" : "var ")\(o.signature.name): \(o.signature.returnType.map(\.description) ?? "")\n      \(o.doc)") }
            for (key, os) in t.methods.sorted(by: { $0.key < $1.key }) where !key.hasPrefix("super(") && key != "subscript(set)" {
                // A declared subscript's setter is shown with its getter: `subscript(_ i: Int) -> Double { get set }`.
                let accessors = key == "subscript" && t.methods["subscript(set)"] != nil ? " { get set }" : ""
                for o in os { lines.append("  \(o.isMutating ? "mutating " : "")\(o.signature.text)\(accessors)\n      \(o.doc)") }
            }
            for (op, o) in t.operators.sorted(by: { $0.key < $1.key }) { lines.append("  operator \(op)\n      \(o.doc)") }
            for (op, o) in t.prefixOperators.sorted(by: { $0.key < $1.key }) { lines.append("  prefix operator \(op)\n      \(o.doc)") }
        }
        if lines.isEmpty, let dot = name.firstIndex(of: "."), let t = types[String(name[..<dot])] {
            let member = String(name[name.index(after: dot)...])
            for o in t.methods[member] ?? [] { lines.append("\(t.name).\(o.signature.text)\n    \(o.doc)") }
            for o in t.staticMethods[member] ?? [] { lines.append("static \(t.name).\(o.signature.text)\n    \(o.doc)") }
            if let o = t.properties[member] { lines.append("\(t.name).\(member): \(o.signature.returnType.map(\.description) ?? "")\n    \(o.doc)") }
            if let o = t.staticProperties[member] { lines.append("static \(t.name).\(member): \(o.signature.returnType.map(\.description) ?? "")\n    \(o.doc)") }
        }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Argument labels of the callables named `name` (a function, a type's initializers, or
    /// `Type.member`), for completion inside a call.
    public func argumentLabels(of name: String) -> [String] {
        var overloads = functions[name] ?? []
        if let t = types[name] { overloads += t.initializers }
        for t in types.values {
            overloads += t.methods[name] ?? []
            overloads += t.staticMethods[name] ?? []
        }
        var labels: [String] = []
        for o in overloads { for p in o.signature.parameters { if let l = p.label, !labels.contains(l) { labels.append(l) } } }
        return labels
    }
}
