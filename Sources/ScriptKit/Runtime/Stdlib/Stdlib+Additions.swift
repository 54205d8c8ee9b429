/// readLine, Dictionary(grouping:by:), reduce(into:), lastIndex, Int(exactly:),
/// Optional.map/flatMap.
extension Registry {
    func addStandardAdditions() {
        function("readLine(strippingNewline: Bool = true) -> String?",
                 doc: "The next line of standard input (the notebook's stdin), or nil at its end.") { args in
            guard let line = args.runtime.input() else { return .optional(nil) }
            return .optional(.string(args.bool(0) ? line : line + "\n"))
        }

        type("Dictionary", doc: "Key-value pairs, [K: V], in insertion order.")
            .initializer("init(grouping values: Any, by keyForValue: Function)",
                         doc: "The values grouped into arrays under the key keyForValue gives each.") { args in
                var d = ScriptDictionary()
                let key = args.repeatedCall(1, arity: 1)
                for v in try Registry.elements(args[0], "Dictionary(grouping:by:)") {
                    let k = try key(v)
                    if case .function = k { throw BindingError("Dictionary(grouping:by:): keys must be hashable values") }
                    if !d.modifyValue(k, { group in
                        guard var a = group.takeArray() else { return }
                        a.append(v)
                        group = .array(a)
                    }) {
                        d[k] = .array([v])
                    }
                }
                return .dictionary(d)
            }

        let items = Registry.items
        type("Array", doc: "An ordered list of values, [T].")
            .method("reduce(into initial: Any, _ updateAccumulatingResult: Function) -> Any",
                    doc: "Updates an accumulator (an inout first parameter) with each element, left to right.") { this, args in
                var acc = args[0]
                for x in try items(this) {
                    try args.runtime.callUpdating(args[1], &acc, x, what: "reduce(into:_:)", at: args.location)
                }
                return acc
            }
            .method("lastIndex(of element: Element) -> Int?", doc: "The index of the last occurrence, or nil.") { this, args in
                .optional(try items(this).lastIndex(of: args[0]).map { .int($0) })
            }
            .method("lastIndex(where predicate: Function) -> Int?", doc: "The index of the last element satisfying predicate, or nil.") { this, args in
                let call0 = args.repeatedCall(0, arity: 1)
                return .optional(try items(this).lastIndex { try Registry.truth(call0($0), "lastIndex(where:)") }.map { .int($0) })
            }

        type("Int", doc: "A 64-bit signed integer; arithmetic overflow is an error.")
            .initializer("init(exactly x: Double) -> Int?", doc: "The integer equal to x, or nil when x has a fractional part or is out of range.") { args in
                if case .float(let x) = args[0] { return .optional(Int(exactly: x).map { .int($0) }) }
                return .optional(Int(exactly: args.double(0)).map { .int($0) })
            }
            .initializer("init(exactly x: Float) -> Int?", doc: "The integer equal to x, or nil.") { args in
                .optional(Int(exactly: Registry.float(args[0])).map { .int($0) })
            }

        type("PartialRange", doc: "A one-sided range: a... (from a up), ..<b or ...b.")
            .method("contains(_ x: Any) -> Bool", doc: "Whether x lies in the range.") { this, args in
                guard let inside = Runtime.partialRangeContains(this, args[0]) else {
                    throw BindingError("contains(_:): \(args[0].typeName) cannot be compared with the range's bound")
                }
                return .bool(inside)
            }

        type("Optional", doc: "A value or nil.")
            .method("map(_ transform: Function) -> Any?", doc: "transform of the wrapped value, or nil when nil.") { this, args in
                guard case .optional(let w?) = this else { return .optional(nil) }
                return .optional(try args.call(args[0], [w]))
            }
            .method("flatMap(_ transform: Function) -> Any?", doc: "transform (which returns an optional) of the wrapped value, or nil.") { this, args in
                guard case .optional(let w?) = this else { return .optional(nil) }
                let r = try args.call(args[0], [w])
                if case .optional = r { return r }
                return .optional(r)
            }
    }
}

extension Runtime {
    /// Calls `function`, a closure whose first parameter is `inout`, with `accumulator`
    /// (moved in, so a collection is updated in place) and `element`, and takes back the
    /// parameter's final value.
    func callUpdating(_ function: Value, _ accumulator: inout Value, _ element: Value, what: String,
                      at location: SourceLocation) throws {
        guard case .function(let f) = function, let script = f.script, script.prototype.labels.count == 2,
              script.prototype.inoutIndices == [0] else {
            throw LocatedError(message: "the closure passed to \(what) must take 2 parameters, the first 'inout' (the accumulator)", location: location)
        }
        let p = script.prototype
        var acc = accumulator
        accumulator = .void
        defer { accumulator = acc }
        _ = try withFrame(script, location) { frame in
            defer {
                switch p.targets[0] {
                case .slot(let s): acc = frame.slots[s]
                case .cell(let c): acc = frame.cells[c].value
                }
            }
            var first = acc
            acc = .void
            if let t = p.parameterTypes[0], !Value.sameCollectionKind(first, t) {
                first = try coerce(first, to: t, what: "argument '\(p.parameterNames[0])' of '\(p.signatureName)'", at: location)
            }
            store(first, p.targets[0], frame)
            first = .void
            var second = element
            if let t = p.parameterTypes[1] {
                second = try coerce(second, to: t, what: "argument '\(p.parameterNames[1])' of '\(p.signatureName)'", at: location)
            }
            store(second, p.targets[1], frame)
            return try runBody(p, frame, location)
        }
    }
}

extension Registry {
    /// The elements of `v`; a one-sided range `n...` gives as many as `other` has.
    static func elements(_ v: Value, _ what: String, along other: Value) throws -> [Value] {
        if case .partialRange(.int(let lower)?, nil, _) = v {
            if case .partialRange = other { throw BindingError("\(what) needs at least one bounded sequence") }
            let n = try elements(other, what).count
            let (end, overflow) = lower.addingReportingOverflow(n)
            if overflow { throw BindingError("\(what): the range \(lower)... would go past Int.max") }
            return (lower..<end).map { .int($0) }
        }
        return try elements(v, what)
    }
}

/// String positions. A `String.Index` is the Character offset here, so
/// `s[..<s.firstIndex(of: " ")!]` and `s[s.index(after: i)...]` read as in Swift.
extension Registry {
    func addStringIndices() {
        func text(_ v: Value) -> String { if case .string(let s) = v { return s }; return "" }
        func checked(_ i: Int, _ s: String) throws -> Int {
            guard i >= 0 && i <= s.count else { throw BindingError("String index \(i) is out of bounds (count \(s.count))") }
            return i
        }
        type("String", doc: "Text.")
            .property("startIndex: String.Index", doc: "The position of the first character.") { _ in .int(0) }
            .property("endIndex: String.Index", doc: "The position after the last character.") { this in .int(text(this).count) }
            .method("index(after i: String.Index) -> String.Index", doc: "The position after i.") { this, args in
                let s = text(this), i = try checked(args.int(0), s)
                guard i < s.count else { throw BindingError("cannot advance past endIndex") }
                return .int(i + 1)
            }
            .method("index(before i: String.Index) -> String.Index", doc: "The position before i.") { this, args in
                let i = try checked(args.int(0), text(this))
                guard i > 0 else { throw BindingError("cannot move before startIndex") }
                return .int(i - 1)
            }
            .method("index(_ i: String.Index, offsetBy distance: Int) -> String.Index", doc: "The position distance characters from i.") { this, args in
                let s = text(this)
                let (j, overflow) = try checked(args.int(0), s).addingReportingOverflow(args.int(1))
                guard !overflow else { throw BindingError("offset out of bounds") }
                return .int(try checked(j, s))
            }
            .method("range(of other: String) -> Range?", doc: "The positions of the first occurrence of other, or nil.") { this, args in
                let s = text(this)
                guard let r = s.range(of: args.string(0)) else { return .optional(nil) }
                let lower = s.distance(from: s.startIndex, to: r.lowerBound)
                return .optional(.range(lower: lower, upper: lower + s[r].count, closed: false))
            }
            .method("distance(from start: String.Index, to end: String.Index) -> Int", doc: "The number of characters from start to end.") { _, args in
                let (d, overflow) = args.int(1).subtractingReportingOverflow(args.int(0))
                guard !overflow else { throw BindingError("out of range") }
                return .int(d)
            }
    }
}
