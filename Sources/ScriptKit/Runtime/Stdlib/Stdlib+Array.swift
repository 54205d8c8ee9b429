/// Array members (ranges get them too, as arrays of their elements).
extension Registry {
    static func items(_ v: Value) throws -> [Value] {
        switch v {
        case .array(let a): return a
        case .range(let l, let u, let c): return try Value.rangeElements(l, u, closed: c)
        case .set(let x): return x.elements
        default: return []
        }
    }

    /// Runs `body` on the array inside `this` without copying it.
    static func mutateArray(_ this: inout Value, _ body: (inout [Value]) throws -> Value) rethrows -> Value {
        guard var a = this.takeArray() else { return .void }
        defer { this = .array(a) }
        return try body(&a)
    }

    static func sortValues(_ a: inout [Value], _ args: Arguments?, _ what: String) throws {
        var failure: Error? = nil
        if let args, args.count > 0, case .function = args[0] {
            let call0 = args.repeatedCall(0, arity: 2)
            a.sort { x, y in
                if failure != nil { return false }
                do { return try truth(call0(x, y), what) } catch { failure = error; return false }
            }
        } else {
            a.sort { x, y in
                guard let c = Runtime.compare(x, y) else {
                    if failure == nil { failure = BindingError("\(what): elements of type \(x.typeName) and \(y.typeName) cannot be compared") }
                    return false
                }
                return c < 0
            }
        }
        if let failure { throw failure }
    }

    func addArrayType() {
        let array = type("Array", doc: "An ordered list of values, [T].")
        array.initializer("init(repeating value: Element, count: Int)", doc: "count copies of value.") { args in
            let n = args.int(1)
            guard n >= 0 else { throw BindingError("count must not be negative, got \(n)") }
            guard n <= 100_000_000 else { throw BindingError("count \(n) is too large") }
            return .array(Array(repeating: args[0], count: n))
        }
        .initializer("init(_ sequence: Any)", doc: "The elements of a range, string, dictionary or array.") { args in
            .array(try Registry.elements(args[0], "Array(_:)"))
        }
        .initializer("init()", doc: "An empty array.") { _ in .array([]) }
        let items = Registry.items
        array
            .property("count: Int", doc: "Number of elements.") { this in .int(try items(this).count) }
            .property("lazy: [Element]", doc: "The same elements (computed eagerly here: map and filter give the same results).") { this in
                .array(try items(this))
            }
            .property("isEmpty: Bool", doc: "Whether there are no elements.") { this in .bool(try items(this).isEmpty) }
            .property("first: Element?", doc: "The first element, or nil.") { this in .optional(try items(this).first) }
            .property("last: Element?", doc: "The last element, or nil.") { this in .optional(try items(this).last) }
            .property("indices: Range", doc: "0..<count.") { this in .range(lower: 0, upper: try items(this).count, closed: false) }
            .mutatingMethod("append(_ element: Element)", doc: "Adds element at the end.") { this, args in
                Registry.mutateArray(&this) { a in a.append(args[0]); return .void }
            }
            .mutatingMethod("append(contentsOf other: [Element])", doc: "Adds the elements of other at the end.") { this, args in
                let more = args.array(0)
                return Registry.mutateArray(&this) { a in a.append(contentsOf: more); return .void }
            }
            .mutatingMethod("insert(_ element: Element, at index: Int)", doc: "Inserts element before position index.") { this, args in
                try Registry.mutateArray(&this) { a in
                    let i = args.int(1)
                    guard i >= 0 && i <= a.count else { throw BindingError("insert index \(i) out of range for array of count \(a.count)") }
                    a.insert(args[0], at: i)
                    return .void
                }
            }
            .mutatingMethod("remove(at index: Int) -> Element", doc: "Removes and returns the element at index.") { this, args in
                try Registry.mutateArray(&this) { a in
                    let i = args.int(0)
                    guard i >= 0 && i < a.count else { throw BindingError("index \(i) out of range for array of count \(a.count)") }
                    return a.remove(at: i)
                }
            }
            .mutatingMethod("removeLast() -> Element", doc: "Removes and returns the last element.") { this, _ in
                try Registry.mutateArray(&this) { a in
                    guard !a.isEmpty else { throw BindingError("can't remove last element from an empty array") }
                    return a.removeLast()
                }
            }
            .mutatingMethod("removeFirst() -> Element", doc: "Removes and returns the first element.") { this, _ in
                try Registry.mutateArray(&this) { a in
                    guard !a.isEmpty else { throw BindingError("can't remove first element from an empty array") }
                    return a.removeFirst()
                }
            }
            .mutatingMethod("popLast() -> Element?", doc: "Removes and returns the last element, or nil when empty.") { this, _ in
                Registry.mutateArray(&this) { a in .optional(a.popLast()) }
            }
            .mutatingMethod("removeAll()", doc: "Removes every element.") { this, _ in
                Registry.mutateArray(&this) { a in a.removeAll(); return .void }
            }
            .mutatingMethod("removeAll(where predicate: (Element) throws -> Bool) rethrows", doc: "Removes the elements for which predicate is true.") { this, args in
                try Registry.mutateArray(&this) { a in
                    let call0 = args.repeatedCall(0, arity: 1)
                    try a.removeAll { try Registry.truth(call0($0), "removeAll(where:)") }
                    return .void
                }
            }
            .mutatingMethod("sort()", doc: "Sorts in ascending order.") { this, _ in
                try Registry.mutateArray(&this) { a in try Registry.sortValues(&a, nil, "sort()"); return .void }
            }
            .mutatingMethod("sort(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows", doc: "Sorts with the given ordering.") { this, args in
                try Registry.mutateArray(&this) { a in try Registry.sortValues(&a, args, "sort(by:)"); return .void }
            }
            .mutatingMethod("reverse()", doc: "Reverses in place.") { this, _ in
                Registry.mutateArray(&this) { a in a.reverse(); return .void }
            }
            .mutatingMethod("swapAt(_ i: Int, _ j: Int)", doc: "Exchanges two elements.") { this, args in
                try Registry.mutateArray(&this) { a in
                    let i = args.int(0), j = args.int(1)
                    guard i >= 0, j >= 0, i < a.count, j < a.count else { throw BindingError("swapAt indices \(i), \(j) out of range for array of count \(a.count)") }
                    a.swapAt(i, j)
                    return .void
                }
            }
            .method("map<T>(_ transform: (Element) throws -> T) rethrows -> [T]", doc: "The results of transform on each element.") { this, args in
                var out: [Value] = []
                let call0 = args.repeatedCall(0, arity: 1)
                for x in try items(this) { out.append(try call0(x)) }
                return .array(out)
            }
            .method("compactMap<T>(_ transform: (Element) throws -> T?) rethrows -> [T]", doc: "The non-nil results of transform.") { this, args in
                var out: [Value] = []
                let call0 = args.repeatedCall(0, arity: 1)
                for x in try items(this) { if let v = try call0(x).unwrapped { out.append(v) } }
                return .array(out)
            }
            .method("flatMap<T>(_ transform: (Element) throws -> [T]) rethrows -> [T]", doc: "The concatenated arrays returned by transform.") { this, args in
                var out: [Value] = []
                let call0 = args.repeatedCall(0, arity: 1)
                for x in try items(this) { out += try Registry.elements(try call0(x), "flatMap") }
                return .array(out)
            }
            .method("filter(_ isIncluded: (Element) throws -> Bool) rethrows -> [Element]", doc: "The elements for which isIncluded is true.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .array(try items(this).filter { try Registry.truth(call0($0), "filter") })
            }
            .method("reduce<Result>(_ initial: Result, _ combine: (Result, Element) throws -> Result) rethrows -> Result", doc: "Combines the elements from initial, left to right.") { this, args in
                let elements = try items(this)
                var acc = args[0]
                // `doubles.reduce(0, +)`: Swift types the literal 0 as Double from the elements.
                if case .int(let i) = acc, case .double? = elements.first { acc = .double(Double(i)) }
                let call1 = args.repeatedCall(1, arity: 2)
                for x in elements { acc = try call1(acc, x) }
                return acc
            }
            .method("forEach(_ body: (Element) throws -> Void) rethrows", doc: "Calls body on each element.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                for x in try items(this) { _ = try call0(x) }
                return .void
            }
            .method("sorted() -> [Element]", doc: "The elements in ascending order.") { this, _ in
                var a = try items(this)
                try Registry.sortValues(&a, nil, "sorted()")
                return .array(a)
            }
            .method("sorted(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> [Element]", doc: "The elements in the given order.") { this, args in
                var a = try items(this)
                try Registry.sortValues(&a, args, "sorted(by:)")
                return .array(a)
            }
            .method("reversed() -> [Element]", doc: "The elements in reverse order.") { this, _ in .array(try items(this).reversed()) }
            .method("enumerated() -> [(offset: Int, element: Element)]", doc: "(offset, element) pairs.") { this, _ in
                .array(try items(this).enumerated().map { .tuple([.int($0.offset), $0.element], labels: ["offset", "element"]) })
            }
            .method("contains(_ element: Element) -> Bool", doc: "Whether element occurs.") { this, args in .bool(try items(this).contains(args[0])) }
            .method("contains(where predicate: (Element) throws -> Bool) rethrows -> Bool", doc: "Whether some element satisfies predicate.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .bool(try items(this).contains { try Registry.truth(call0($0), "contains(where:)") })
            }
            .method("count(where predicate: (Element) throws -> Bool) rethrows -> Int", doc: "How many elements satisfy predicate.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                var n = 0
                for x in try items(this) where try Registry.truth(call0(x), "count(where:)") { n += 1 }
                return .int(n)
            }
            .method("prefix(while predicate: (Element) throws -> Bool) rethrows -> [Element]", doc: "The leading elements that satisfy predicate.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .array(Array(try items(this).prefix { try Registry.truth(call0($0), "prefix(while:)") }))
            }
            .method("drop(while predicate: (Element) throws -> Bool) rethrows -> [Element]", doc: "Without the leading elements that satisfy predicate.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .array(Array(try items(this).drop { try Registry.truth(call0($0), "drop(while:)") }))
            }
            .method("allSatisfy(_ predicate: (Element) throws -> Bool) rethrows -> Bool", doc: "Whether every element satisfies predicate.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .bool(try items(this).allSatisfy { try Registry.truth(call0($0), "allSatisfy") })
            }
            .method("first(where predicate: (Element) throws -> Bool) rethrows -> Element?", doc: "The first element satisfying predicate, or nil.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .optional(try items(this).first { try Registry.truth(call0($0), "first(where:)") })
            }
            .method("last(where predicate: (Element) throws -> Bool) rethrows -> Element?", doc: "The last element satisfying predicate, or nil.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .optional(try items(this).last { try Registry.truth(call0($0), "last(where:)") })
            }
            .method("firstIndex(of element: Element) -> Int?", doc: "The index of the first occurrence, or nil.") { this, args in
                .optional(try items(this).firstIndex(of: args[0]).map { .int($0) })
            }
            .method("firstIndex(where predicate: (Element) throws -> Bool) rethrows -> Int?", doc: "The index of the first element satisfying predicate, or nil.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .optional(try items(this).firstIndex { try Registry.truth(call0($0), "firstIndex(where:)") }.map { .int($0) })
            }
            .method("prefix(_ n: Int) -> [Element]", doc: "The first n elements (fewer if shorter).") { this, args in
                guard args.int(0) >= 0 else { throw BindingError("prefix length must not be negative, got \(args.int(0))") }
                return .array(Array(try items(this).prefix(args.int(0))))
            }
            .method("suffix(_ n: Int) -> [Element]", doc: "The last n elements (fewer if shorter).") { this, args in
                guard args.int(0) >= 0 else { throw BindingError("suffix length must not be negative, got \(args.int(0))") }
                return .array(Array(try items(this).suffix(args.int(0))))
            }
            .method("dropFirst(_ n: Int = 1) -> [Element]", doc: "Without the first n elements.") { this, args in
                .array(Array(try items(this).dropFirst(max(0, args.int(0)))))
            }
            .method("dropLast(_ n: Int = 1) -> [Element]", doc: "Without the last n elements.") { this, args in
                .array(Array(try items(this).dropLast(max(0, args.int(0)))))
            }
            .method("joined(separator: String = \"\") -> String", doc: "The elements' descriptions joined by separator; for an array of arrays without a separator, the arrays concatenated.") { this, args in
                let all = try items(this)
                if args.string(0).isEmpty, !all.isEmpty, all.allSatisfy({ if case .array = $0 { return true }; return false }) {
                    return .array(all.flatMap { if case .array(let a) = $0 { return a }; return [] })
                }
                return .string(all.map(\.description).joined(separator: args.string(0)))
            }
            .method("min() -> Element?", doc: "The smallest element, or nil when empty.") { this, _ in
                let a = try items(this)
                return a.isEmpty ? .optional(nil) : .optional(try Registry.extreme(a, pick: -1, name: "min()"))
            }
            .method("max() -> Element?", doc: "The largest element, or nil when empty.") { this, _ in
                let a = try items(this)
                return a.isEmpty ? .optional(nil) : .optional(try Registry.extreme(a, pick: 1, name: "max()"))
            }
            .method("min(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> Element?", doc: "The smallest element under the ordering.") { this, args in
                let call0 = args.repeatedCall(0, arity: 2)
                return .optional(try items(this).min { try Registry.truth(call0($0, $1), "min(by:)") })
            }
            .method("max(by areInIncreasingOrder: (Element, Element) throws -> Bool) rethrows -> Element?", doc: "The largest element under the ordering.") { this, args in
                let call0 = args.repeatedCall(0, arity: 2)
                return .optional(try items(this).max { try Registry.truth(call0($0, $1), "max(by:)") })
            }
            .method("shuffled() -> [Element]", doc: "The elements in random order.") { this, _ in .array(try items(this).shuffled()) }
            .method("randomElement() -> Element?", doc: "A random element, or nil when empty.") { this, _ in .optional(try items(this).randomElement()) }
    }
}
