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
}
