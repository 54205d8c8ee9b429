/// Dictionary members. Dictionaries keep insertion order, so output is reproducible.
extension Registry {
    static func dict(_ v: Value) -> ScriptDictionary {
        if case .dictionary(let d) = v { return d }
        return ScriptDictionary()
    }

    func addDictionaryType() {
        let dictionary = type("Dictionary", doc: "Key-value pairs, [K: V], in insertion order.")
        let dict = Registry.dict
        dictionary
            .initializer("init()", doc: "An empty dictionary.") { _ in .dictionary(ScriptDictionary()) }
            .initializer("init(uniqueKeysWithValues pairs: [(Key, Value)])", doc: "A dictionary from (key, value) pairs.") { args in
                var d = ScriptDictionary()
                for p in args.array(0) {
                    guard case .tuple(let kv, _) = p, kv.count == 2 else { throw BindingError("expected (key, value) pairs, got \(p.typeName)") }
                    if d[kv[0]] != nil { throw BindingError("duplicate key \(kv[0].debugDescription)") }
                    d[kv[0]] = kv[1]
                }
                return .dictionary(d)
            }
            .initializer("init(_ keysAndValues: [(Key, Value)], uniquingKeysWith combine: (Value, Value) throws -> Value) rethrows",
                         doc: "A dictionary from (key, value) pairs; combine merges the values of a repeated key.") { args in
                var d = ScriptDictionary()
                let combine = args.repeatedCall(1, arity: 2)
                for p in args.array(0) {
                    guard case .tuple(let kv, _) = p, kv.count == 2 else { throw BindingError("expected (key, value) pairs, got \(p.typeName)") }
                    if let old = d[kv[0]] { d[kv[0]] = try combine(old, kv[1]) } else { d[kv[0]] = kv[1] }
                }
                return .dictionary(d)
            }
            .property("count: Int", doc: "Number of entries.") { this in .int(dict(this).count) }
            .property("isEmpty: Bool", doc: "Whether there are no entries.") { this in .bool(dict(this).count == 0) }
            .property("keys: [Key]", doc: "The keys, in insertion order.") { this in .array(dict(this).keys) }
            .property("values: [Value]", doc: "The values, in insertion order.") { this in .array(dict(this).values) }
            .mutatingMethod("removeValue(forKey key: Key) -> Value?", doc: "Removes the entry and returns its value, or nil.") { this, args in
                guard var d = this.takeDictionary() else { return .optional(nil) }
                defer { this = .dictionary(d) }
                return .optional(d.remove(args[0]))
            }
            .mutatingMethod("updateValue(_ value: Value, forKey key: Key) -> Value?", doc: "Sets the value and returns the old one, or nil.") { this, args in
                guard var d = this.takeDictionary() else { return .optional(nil) }
                defer { this = .dictionary(d) }
                let old = d[args[1]]
                d[args[1]] = args[0]
                return .optional(old)
            }
            .mutatingMethod("removeAll()", doc: "Removes every entry.") { this, _ in
                this = .dictionary(ScriptDictionary())
                return .void
            }
            .method("sorted(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> [(key: Key, value: Value)]", doc: "The (key, value) pairs in the given order.") { this, args in
                var a = try Registry.elements(this, "sorted(by:)")
                try Registry.sortValues(&a, args, "sorted(by:)")
                return .array(a)
            }
            .method("map<T>(_ transform: (Element) throws -> T) rethrows -> [T]", doc: "The results of transform on each (key, value) pair.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .array(try Registry.elements(this, "map").map { try call0($0) })
            }
            .method("mapValues<T>(_ transform: (Value) throws -> T) rethrows -> [Key: T]", doc: "The same keys with transformed values.") { this, args in
                var out = ScriptDictionary()
                let d = dict(this)
                let call0 = args.repeatedCall(0, arity: 1)
                for (k, v) in zip(d.keys, d.values) { out[k] = try call0(v) }
                return .dictionary(out)
            }
            .method("filter(_ isIncluded: (Element) throws -> Bool) rethrows -> [Key: Value]", doc: "The entries for which isIncluded is true.") { this, args in
                var out = ScriptDictionary()
                let d = dict(this)
                let call0 = args.repeatedCall(0, arity: 1)
                for (k, v) in zip(d.keys, d.values) where try Registry.truth(call0(.tuple([k, v], labels: ["key", "value"])), "filter") {
                    out[k] = v
                }
                return .dictionary(out)
            }
            .method("forEach(_ body: (Element) throws -> Void) rethrows", doc: "Calls body on each (key, value) pair.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                for p in try Registry.elements(this, "forEach") { _ = try call0(p) }
                return .void
            }
            .method("contains(where predicate: (Element) throws -> Bool) rethrows -> Bool", doc: "Whether some (key, value) pair satisfies predicate.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .bool(try Registry.elements(this, "contains").contains { try Registry.truth(call0($0), "contains(where:)") })
            }
    }
}
