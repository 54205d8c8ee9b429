/// Rows for the stored properties of bound library types, read and written through key
/// paths so that a row is one line and stays in step with the Swift declaration.
extension TypeBinding {
    /// A settable property (`epochs: Int`) of a bound type. On a struct, a write makes a new
    /// box holding the changed copy, so other script copies keep their value.
    @discardableResult
    public func field<Root: ScriptBound, V: ScriptConvertible>(_ signature: String, _ keyPath: WritableKeyPath<Root, V>,
                                                               doc: String) -> TypeBinding {
        property(signature, doc: doc, get: { this in
            try Root.fromScript(this)[keyPath: keyPath].scriptValue
        }, set: { this, newValue in
            var root = try Root.fromScript(this)
            root[keyPath: keyPath] = try V.fromScript(newValue)
            this = root.scriptValue
        })
    }

    /// A read-only property (`itemCount: Int`) of a bound type.
    @discardableResult
    public func readOnly<Root: ScriptBound, V: ScriptConvertible>(_ signature: String, _ keyPath: KeyPath<Root, V>,
                                                                  doc: String) -> TypeBinding {
        property(signature, doc: doc) { this in try Root.fromScript(this)[keyPath: keyPath].scriptValue }
    }
}
