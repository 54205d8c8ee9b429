/// Subscripts, properties and in-place element updates.
extension Runtime {
    static func indexError(_ i: Int, _ count: Int, _ location: SourceLocation) -> LocatedError {
        LocatedError(message: "index \(i) out of range for array of count \(count)", location: location)
    }

    /// Converts a range subscript to a checked `lo..<hi` pair.
    static func sliceBounds(_ l: Int, _ u: Int, _ closed: Bool, _ count: Int, _ location: SourceLocation) throws -> Range<Int> {
        let (hi, overflow) = u.addingReportingOverflow(closed ? 1 : 0)
        guard !overflow, l >= 0, hi <= count, l <= hi else {
            throw LocatedError(message: "range \(l)\(closed ? "..." : "..<")\(u) out of bounds for array of count \(count)", location: location)
        }
        return l..<hi
    }

    /// `base[keys...]`.
    func subscriptGet(_ base: Value, _ keys: [Value], labels: [String?], at location: SourceLocation) throws -> Value {
        switch base {
        case .array(let a):
            guard keys.count == 1, labels[0] == nil else { break }
            switch keys[0] {
            case .int(let i):
                guard i >= 0 && i < a.count else { throw Runtime.indexError(i, a.count, location) }
                return a[i]
            case .range(let l, let u, let c):
                return .array(Array(a[try Runtime.sliceBounds(l, u, c, a.count, location)]))
            case .partialRange:
                return .array(Array(a[try Runtime.partialBounds(keys[0], count: a.count, location)!]))
            default: break
            }
        case .dictionary(let d):
            if keys.count == 1 && labels[0] == nil { return .optional(d[keys[0]]) }
            if keys.count == 2 && labels[0] == nil && labels[1] == "default" { return d[keys[0]] ?? keys[1] }
        case .string(let s):
            if keys.count == 1, case .range(let l, let u, let c) = keys[0] {
                let chars = Array(s)
                return .string(String(chars[try Runtime.sliceBounds(l, u, c, chars.count, location)]))
            }
            if keys.count == 1, case .partialRange = keys[0] {
                let chars = Array(s)
                return .string(String(chars[try Runtime.partialBounds(keys[0], count: chars.count, location)!]))
            }
            throw LocatedError(message: "cannot subscript a value of type 'String' with an argument of type '\(keys.first?.typeName ?? "()")'; use Array(s)[i]", location: location)
        case .range(let lo, let hi, let closed):
            if keys.count == 1, case .int(let i) = keys[0] {
                guard i >= lo && (closed ? i <= hi : i < hi) else { throw LocatedError(message: "index \(i) out of range \(base)", location: location) }
                return .int(i)
            }
        case .native(let n):
            if let overloads = registry.hostMethods(n.typeName, "subscript") {
                return try callNative(overloads, this: base, labels: labels, values: keys, at: location)
            }
        case .optional(.some):
            throw LocatedError(message: "value of optional type '\(base.typeName)' must be unwrapped to subscript it; use '!' or '?'", location: location)
        default: break
        }
        throw LocatedError(message: "cannot subscript a value of type '\(base.typeName)' with (\(keys.map(\.typeName).joined(separator: ", ")))", location: location)
    }

    /// Runs `body` on `base[keys]` in place (arrays and dictionaries stay uniquely referenced).
    func modifyElement(_ base: inout Value, _ keys: [Value], labels: [String?], at location: SourceLocation,
                       _ body: (inout Value) throws -> Void) throws {
        // No `switch base`: the switch would hold a second reference to the storage while
        // `body` runs, and every element assignment would copy the whole collection.
        if keys.count == 1, labels[0] == nil, case .int(let i) = keys[0], var a = base.takeArray() {
            defer { base = .array(a) }
            guard i >= 0 && i < a.count else { throw Runtime.indexError(i, a.count, location) }
            try body(&a[i])
            return
        }
        let defaultValue: Value?? = keys.count == 1 && labels[0] == nil ? .some(nil)
            : (keys.count == 2 && labels[0] == nil && labels[1] == "default" ? .some(keys[1]) : nil)
        if let defaultValue, var d = base.takeDictionary() {
            defer { base = .dictionary(d) }
            // An existing entry is changed where it is stored (`d[k, default: []].append(x)`
            // must not copy the array each time); `d[k] = nil` still removes it.
            if try d.modifyValue(keys[0], body) {
                if defaultValue == nil, case .optional(let w)? = d[keys[0]] { d[keys[0]] = w }
                return
            }
            var v = defaultValue ?? .optional(nil)
            try body(&v)
            if case .optional(let w) = v, defaultValue == nil { d[keys[0]] = w } else { d[keys[0]] = v }
            return
        }
        // A declared type's subscript with a setter: get, change, set through `inout self`.
        if case .native(let n) = base, let getters = registry.hostMethods(n.typeName, "subscript"),
           let setters = registry.hostMethods(n.typeName, "subscript(set)") {
            var value = try callNative(getters, this: base, labels: labels, values: keys, at: location)
            try body(&value)
            let (o, a) = try bind(setters, labels: labels + [nil], values: keys + [value], at: location)
            guard case .mutatingMethod(let set) = o.body else { return }
            _ = try set(&base, a)
            return
        }
        throw LocatedError(message: "cannot assign through subscript of a value of type '\(base.typeName)'", location: location)
    }

    /// `base.name` for properties and tuple labels.
    func property(_ base: Value, _ name: String, at location: SourceLocation) throws -> Value {
        if case .tuple(let items, let labels) = base, let i = labels.firstIndex(of: name), i < items.count {
            return items[i]
        }
        var typeName = base.bindingTypeName
        var receiver = base
        if base.borrowsArrayMembers, registry.types[base.bindingTypeName]?.properties[name] == nil {
            typeName = "Array"
            receiver = .array(try materialize(base, at: location))
        }
        if let o = registry.hostProperty(typeName, name) {
            return try invokeNative(o, this: receiver, Arguments(values: [], runtime: self, location: location), at: location)
        }
        if case .optional(.some) = base {
            throw LocatedError(message: "value of optional type '\(base.typeName)' must be unwrapped to refer to member '\(name)'; use '!' or '?.'", location: location)
        }
        if registry.hostMethods(typeName, name) != nil {
            throw LocatedError(message: "method '\(name)' of '\(base.typeName)' must be called: add '()'", location: location)
        }
        throw LocatedError(message: "value of type '\(base.typeName)' has no member '\(name)'", location: location)
    }

    /// Runs `body` on the tuple element `base.name` / `base.index` in place.
    func modifyMember(_ base: inout Value, name: String?, index: Int?, at location: SourceLocation,
                      _ body: (inout Value) throws -> Void) throws {
        if let name, try modifyField(&base, name: name, at: location, body) { return }
        if let name, case .native(let n) = base, let o = registry.hostProperty(n.typeName, name), let set = o.setter {
            // A settable host property: read, change, write back (a struct's box is replaced).
            var value = try invokeNative(o, this: base, Arguments(values: [], runtime: self, location: location), at: location)
            try body(&value)
            do { try set(&base, value) } catch let e as LocatedError { throw e } catch {
                throw LocatedError(message: "\(error)", location: location)
            }
            return
        }
        guard case .tuple(var items, let labels) = base else {
            throw LocatedError(message: "cannot assign to property '\(name ?? "\(index ?? 0)")' of a value of type '\(base.typeName)'", location: location)
        }
        let i = index ?? name.flatMap { labels.firstIndex(of: $0) }
        guard let i, i >= 0, i < items.count else {
            throw LocatedError(message: "value of type '\(base.typeName)' has no member '\(name ?? "\(index ?? 0)")'", location: location)
        }
        base = .void
        defer { base = .tuple(items, labels: labels) }
        try body(&items[i])
    }

    /// The elements a `for` loop or a sequence method sees.
    func materialize(_ v: Value, at location: SourceLocation) throws -> [Value] {
        switch v {
        case .array(let a): return a
        case .range(let l, let u, let c):
            do { return try Value.rangeElements(l, u, closed: c) } catch {
                throw LocatedError(message: "\(error)", location: location)
            }
        case .string(let s): return s.map { .character($0) }
        case .dictionary(let d):
            return zip(d.keys, d.values).map { .tuple([$0, $1], labels: ["key", "value"]) }
        case .set(let x): return x.elements
        default: return []
        }
    }

    func isSequence(_ v: Value) -> Bool {
        switch v {
        case .array, .range, .string, .dictionary, .set: return true
        default: return false
        }
    }
}
