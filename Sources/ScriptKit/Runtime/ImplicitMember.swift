/// An implicit member expression `.name` whose type is known only where the value is used
/// (`s.trimmingCharacters(in: .whitespaces)`): it stands for the static property `name` of
/// the type the parameter or variable declares, and is resolved when bound to it.
final class ImplicitMember: NativeObject {
    let name: String
    var typeName: String { "ImplicitMember" }
    init(name: String) { self.name = name }
}

extension Compiler {
    /// `.name`: the static property of the expected type when that is known here, else a
    /// placeholder resolved against the type of the parameter it is passed to.
    func implicitMember(_ name: String, _ l: SourceLocation, expected: TypeRef?) -> Eval {
        let rt = runtime
        if let expected, case .named(let t) = Compiler.stripOptional(expected), let type = registry.types[t] {
            guard let o = type.staticProperties[name] else {
                return failed("type '\(t)' has no member '\(name)'", l)
            }
            return { _ in try rt.invokeNative(o, this: nil, Arguments(values: [], runtime: rt, location: l), at: l) }
        }
        return Compiler.constant(.native(ImplicitMember(name: name)))
    }
}

extension Runtime {
    /// `v` with an implicit member resolved against `type` (a registered type with that
    /// static property); any other value unchanged.
    func resolveImplicitMember(_ v: Value, _ type: TypeRef, at location: SourceLocation) throws -> Value {
        guard case .native(let n) = v, let member = n as? ImplicitMember else { return v }
        guard case .named(let t) = Compiler.stripOptional(type), let o = registry.types[t]?.staticProperties[member.name] else {
            throw LocatedError(message: "cannot infer contextual base in reference to member '\(member.name)'", location: location)
        }
        return try invokeNative(o, this: nil, Arguments(values: [], runtime: self, location: location), at: location)
    }
}

extension TypeRef {
    /// Whether a trailing closure may be passed here: a function type, or a generic element
    /// type that may be one (`fns.append { ... }` appends the closure).
    var acceptsClosure: Bool {
        if isFunction { return true }
        if case .named(let n) = self { return n == "Element" || n == "T" || n == "AnyObject" }
        return false
    }
}
