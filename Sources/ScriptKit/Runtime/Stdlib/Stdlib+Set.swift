/// Set: initializers, membership, algebra. Sets also take Array's non-mutating members
/// (`sorted()`, `map`, `reduce`, `min()`...), as the elements in iteration order.
extension Registry {
    static func set(_ v: Value) -> ScriptSet {
        if case .set(let x) = v { return x }
        return ScriptSet()
    }

    /// The elements of a sequence argument, as a set.
    static func setArgument(_ v: Value, _ what: String) throws -> ScriptSet {
        if case .set(let x) = v { return x }
        return ScriptSet(try elements(v, what))
    }

    /// Runs `body` on the set inside `this` without copying it.
    static func mutateSet(_ this: inout Value, _ body: (inout ScriptSet) throws -> Value) rethrows -> Value {
        guard var x = this.takeSet() else { return .void }
        defer { this = .set(x) }
        return try body(&x)
    }

    func addSetType() {
        let set = type("Set", doc: "Unique elements, Set<Element>: membership in O(1), union, intersection...")
        set.initializer("init()", doc: "An empty set.") { _ in .set(ScriptSet()) }
            .initializer("init(_ sequence: Any)", doc: "The distinct elements of an array, range, string or set.") { args in
                .set(try Registry.setArgument(args[0], "Set(_:)"))
            }
        let s = Registry.set
        set.property("count: Int", doc: "Number of elements.") { this in .int(s(this).count) }
            .property("isEmpty: Bool", doc: "Whether the set is empty.") { this in .bool(s(this).count == 0) }
            .property("first: Element?", doc: "An element of the set, or nil when empty.") { this in .optional(s(this).elements.first) }
            .method("contains(_ member: Element) -> Bool", doc: "Whether member is in the set (O(1)).") { this, args in
                .bool(s(this).contains(args[0]))
            }
            .mutatingMethod("insert(_ newMember: Element) -> (inserted: Bool, memberAfterInsert: Element)",
                            doc: "Adds newMember; inserted is false when it was already there.") { this, args in
                Registry.mutateSet(&this) { x in
                    let inserted = x.insert(args[0])
                    return .tuple([.bool(inserted), args[0]], labels: ["inserted", "memberAfterInsert"])
                }
            }
            .mutatingMethod("remove(_ member: Element) -> Element?", doc: "Removes member and returns it, or nil when absent.") { this, args in
                Registry.mutateSet(&this) { x in .optional(x.remove(args[0])) }
            }
            .mutatingMethod("removeAll()", doc: "Removes every element.") { this, _ in
                Registry.mutateSet(&this) { x in x.removeAll(); return .void }
            }
            .method("filter(_ isIncluded: Function) -> Set<Element>", doc: "The elements for which isIncluded is true.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .set(ScriptSet(try s(this).elements.filter { try Registry.truth(call0($0), "filter") }))
            }
        let algebra: [(String, String, (ScriptSet, ScriptSet) -> ScriptSet)] = [
            ("union", "The elements of either set.", { a, b in var out = a; for v in b.elements { out.insert(v) }; return out }),
            ("intersection", "The elements of both sets.", { a, b in ScriptSet(a.elements.filter(b.contains)) }),
            ("subtracting", "The elements not in other.", { a, b in ScriptSet(a.elements.filter { !b.contains($0) }) }),
            ("symmetricDifference", "The elements of exactly one of the sets.", { a, b in
                ScriptSet(a.elements.filter { !b.contains($0) } + b.elements.filter { !a.contains($0) })
            }),
        ]
        let mutating = ["union": "formUnion", "intersection": "formIntersection", "subtracting": "subtract",
                        "symmetricDifference": "formSymmetricDifference"]
        for (name, doc, op) in algebra {
            set.method("\(name)(_ other: Any) -> Set<Element>", doc: doc + " (other: a set, array or range)") { this, args in
                .set(op(s(this), try Registry.setArgument(args[0], "\(name)(_:)")))
            }
            set.mutatingMethod("\(mutating[name]!)(_ other: Any)", doc: "In place: " + doc.prefix(1).lowercased() + doc.dropFirst()) { this, args in
                let other = try Registry.setArgument(args[0], "\(mutating[name]!)(_:)")
                return Registry.mutateSet(&this) { x in x = op(x, other); return .void }
            }
        }
        let relations: [(String, String, (ScriptSet, ScriptSet) -> Bool)] = [
            ("isSubset(of other: Any)", "Whether every element is in other.", { a, b in a.elements.allSatisfy(b.contains) }),
            ("isSuperset(of other: Any)", "Whether every element of other is in the set.", { a, b in b.elements.allSatisfy(a.contains) }),
            ("isStrictSubset(of other: Any)", "A subset, and smaller.", { a, b in a.count < b.count && a.elements.allSatisfy(b.contains) }),
            ("isStrictSuperset(of other: Any)", "A superset, and larger.", { a, b in a.count > b.count && b.elements.allSatisfy(a.contains) }),
            ("isDisjoint(with other: Any)", "Whether no element is in other.", { a, b in !a.elements.contains(where: b.contains) }),
        ]
        for (signature, doc, test) in relations {
            set.method("\(signature) -> Bool", doc: doc) { this, args in
                .bool(test(s(this), try Registry.setArgument(args[0], signature)))
            }
        }
    }
}

extension Value {
    /// Whether Array's non-mutating members apply to the value, on its elements (ranges, sets,
    /// the Characters of a string, the (key, value) pairs of a dictionary: Swift's Sequence members).
    var borrowsArrayMembers: Bool {
        switch self {
        case .range, .set, .string, .dictionary: return true
        default: return false
        }
    }
}
