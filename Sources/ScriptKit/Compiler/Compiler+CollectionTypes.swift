/// Collection types read from annotations, for literals that take them (`[]` as a `Set`).
extension Compiler {
    /// Whether `t` (optional or not) is `Set` or `Set<T>`.
    static func isSetType(_ t: TypeRef?) -> Bool {
        guard let t else { return false }
        switch stripOptional(t) {
        case .named("Set"), .generic("Set", _): return true
        default: return false
        }
    }

    /// The element type of `Set<T>`, if written.
    static func setElementType(_ t: TypeRef?) -> TypeRef? {
        guard let t, case .generic("Set", let args) = stripOptional(t), args.count == 1 else { return nil }
        return args[0]
    }

    /// The value type of a dictionary type `[K: V]` (optional or not).
    static func dictionaryValueType(_ t: TypeRef?) -> TypeRef? {
        guard let t, case .dictionary(_, let v) = stripOptional(t) else { return nil }
        return v
    }
}
