/// A stored property's index in the last declared type seen at one access site: the
/// compiled reads and writes of `x.name` look the name up once per type, not per access.
final class FieldCache {   // read on every access (see `Cell` on exclusivity)
    @exclusivity(unchecked) private var type: ScriptTypeInfo?
    @exclusivity(unchecked) private var index = 0

    /// The index of stored property `name` in `type` (nil when it has none), cached.
    @inline(__always)
    func index(of name: String, in type: ScriptTypeInfo) -> Int? {
        if type === self.type { return index }
        guard let i = type.fieldIndex[name] else { return nil }
        self.type = type
        index = i
        return i
    }

    /// Stored property `name` of the script object at `location`, read in place (nil when
    /// the value there is not a script object or has no such stored property).
    @inline(__always)
    func storedField(_ location: UnsafeMutablePointer<Value>, _ name: String) -> Value? {
        guard case .native(let n) = location.pointee, let o = Value.asScriptObject(n),
              let i = index(of: name, in: o.type), i < o.fields.count else { return nil }
        return o.fields[i]
    }
}

extension Runtime {
    /// Runs `body` on stored property `name` of the script object in the variable at
    /// `location` (`self.x += d` in a method, `p.x = 0` on a local), in place: the instance is
    /// moved out of the variable while `body` runs (a struct's box is copied first unless
    /// uniquely referenced). False, with nothing changed, when the variable holds no script
    /// object or the object has no such stored property (the caller takes the general path).
    func modifyStoredField(_ location: UnsafeMutablePointer<Value>, _ cache: FieldCache, _ name: String,
                           _ body: (inout Value) throws -> Void) throws -> Bool {
        guard var obj = location.pointee.takeScriptObject() else { return false }
        guard let i = cache.index(of: name, in: obj.type), i < obj.fields.count else {
            location.pointee = .native(obj)
            return false
        }
        if obj.type.kind == .object {
            location.pointee = .native(obj)
            try body(&obj.fields[i])
            return true
        }
        if !isKnownUniquelyReferenced(&obj) { obj = obj.copy() }
        defer { location.pointee = .native(obj) }
        try body(&obj.fields[i])
        return true
    }
}
