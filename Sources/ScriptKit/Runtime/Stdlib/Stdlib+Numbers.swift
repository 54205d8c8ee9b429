import Foundation

/// Int, Double and Bool: conversions, constants and members.
extension Registry {
    func addNumberTypes() {
        let int = type("Int", doc: "A 64-bit signed integer; arithmetic overflow is an error.")
        int.initializer("init(_ x: Int)", doc: "The same integer.") { args in .int(args.int(0)) }
            .initializer("init(_ x: Double)", doc: "Truncates toward zero; an error when out of range or not finite.") { args in
                let d = args.double(0)
                guard let v = Int(exactly: d.rounded(.towardZero)) else {
                    throw BindingError("Double value \(d) cannot be converted to Int because it is \(d.isFinite ? "outside the representable range" : "infinite or NaN")")
                }
                return .int(v)
            }
            .initializer("init(_ text: String) -> Int?", doc: "Parses an integer; nil when the text is not one.") { args in
                .optional(Int(args.string(0)).map { .int($0) })
            }
            .initializer("init(_ text: String, radix: Int) -> Int?", doc: "Parses an integer in the given base.") { args in
                let radix = args.int(1)
                guard (2...36).contains(radix) else { throw BindingError("radix must be between 2 and 36") }
                return .optional(Int(args.string(0), radix: radix).map { .int($0) })
            }
            .initializer("init(_ x: Bool)", doc: "1 for true, 0 for false.") { args in .int(args.bool(0) ? 1 : 0) }
            .staticProperty("max: Int", doc: "The largest Int.") { .int(Int.max) }
            .staticProperty("min: Int", doc: "The smallest Int.") { .int(Int.min) }
            .staticMethod("random(in range: Range) -> Int", doc: "A random integer in the range.") { args in
                guard case .range(let l, let u, let c) = args[0], c ? l <= u : l < u else { throw BindingError("random(in:) needs a non-empty range") }
                return .int(c ? Int.random(in: l...u) : Int.random(in: l..<u))
            }
            .staticMethod("random(in range: ClosedRange) -> Int", doc: "A random integer in the closed range.") { args in
                guard case .range(let l, let u, let c) = args[0], c ? l <= u : l < u else { throw BindingError("random(in:) needs a non-empty range") }
                return .int(c ? Int.random(in: l...u) : Int.random(in: l..<u))
            }
            .method("isMultiple(of other: Int) -> Bool", doc: "Whether the integer is a multiple of other.") { this, args in
                guard case .int(let x) = this else { return .bool(false) }
                return .bool(x.isMultiple(of: args.int(0)))
            }
            .property("description: String", doc: "The integer as text.") { this in .string(this.description) }
            .method("signum() -> Int", doc: "-1, 0 or 1.") { this, _ in
                guard case .int(let x) = this else { return .int(0) }
                return .int(x.signum())
            }

        let double = type("Double", doc: "A 64-bit floating-point number.")
        double.initializer("init(_ x: Int)", doc: "The integer as a Double.") { args in .double(args.double(0)) }
            .initializer("init(_ x: Double)", doc: "Converts an integer or returns the same number.") { args in .double(args.double(0)) }
            .initializer("init(_ text: String) -> Double?", doc: "Parses a number; nil when the text is not one.") { args in
                .optional(Double(args.string(0)).map { .double($0) })
            }
            .staticProperty("pi: Double", doc: "π.") { .double(Double.pi) }
            .staticProperty("infinity: Double", doc: "Positive infinity.") { .double(Double.infinity) }
            .staticProperty("nan: Double", doc: "Not a number.") { .double(Double.nan) }
            .staticProperty("greatestFiniteMagnitude: Double", doc: "The largest finite Double.") { .double(Double.greatestFiniteMagnitude) }
            .staticProperty("leastNormalMagnitude: Double", doc: "The smallest positive normal Double.") { .double(Double.leastNormalMagnitude) }
            .staticProperty("ulpOfOne: Double", doc: "The gap between 1.0 and the next Double.") { .double(Double.ulpOfOne) }
            .staticMethod("random(in range: Range<Double>) -> Double", doc: "A random number in the half-open range.") { args in
                let (l, u, closed) = try Registry.floatingBounds(args[0])
                return .double(closed ? Double.random(in: l...u) : Double.random(in: l..<u))
            }
            .staticMethod("random(in range: ClosedRange<Double>) -> Double", doc: "A random number in the closed range.") { args in
                let (l, u, closed) = try Registry.floatingBounds(args[0])
                return .double(closed ? Double.random(in: l...u) : Double.random(in: l..<u))
            }
            .method("squareRoot() -> Double", doc: "Square root.") { this, _ in .double(Registry.d(this).squareRoot()) }
            .method("rounded() -> Double", doc: "Rounded to the nearest integer value.") { this, _ in .double(Registry.d(this).rounded()) }
            .method("truncatingRemainder(dividingBy other: Double) -> Double", doc: "Remainder of truncating division (like % for Int).") { this, args in
                .double(Registry.d(this).truncatingRemainder(dividingBy: args.double(0)))
            }
            .property("isNaN: Bool", doc: "Whether the value is NaN.") { this in .bool(Registry.d(this).isNaN) }
            .property("isFinite: Bool", doc: "Whether the value is finite.") { this in .bool(Registry.d(this).isFinite) }
            .property("isInfinite: Bool", doc: "Whether the value is infinite.") { this in .bool(Registry.d(this).isInfinite) }
            .property("description: String", doc: "The number as text.") { this in .string(this.description) }

        type("Bool", doc: "true or false.")
            .initializer("init(_ text: String) -> Bool?", doc: "Parses \"true\" or \"false\".") { args in
                .optional(Bool(args.string(0)).map { .bool($0) })
            }
            .mutatingMethod("toggle()", doc: "Flips the value.") { this, _ in
                if case .bool(let b) = this { this = .bool(!b) }
                return .void
            }
            .property("description: String", doc: "\"true\" or \"false\".") { this in .string(this.description) }

        type("Optional", doc: "A value or nil.")
            .initializer("init(_ value: Any)", doc: "The value wrapped as an optional.") { args in .optional(args[0]) }
            .property("description: String", doc: "Optional(value) or nil.") { this in .string(this.description) }

        type("Range", doc: "A range a..<b or a...b. Of Ints, a sequence of its elements; of Doubles, Floats, Strings or Characters, an interval (contains, bounds).")
            .property("lowerBound: Bound", doc: "The lower bound (an Int range's first element).") { this in
                if case .boundedRange(let l, _, _) = this { return l }
                guard case .range(let l, _, _) = this else { return .void }
                return .int(l)
            }
            .property("upperBound: Bound", doc: "The upper bound as written.") { this in
                if case .boundedRange(_, let u, _) = this { return u }
                guard case .range(_, let u, _) = this else { return .void }
                return .int(u)
            }
            .property("count: Int", doc: "Number of elements (of an Int range).") { this in
                guard case .range(let l, let u, let c) = this else {
                    throw BindingError("'count' needs a range of integers, not '\(this.typeName)'")
                }
                let (span, o1) = u.subtractingReportingOverflow(l)
                let (count, o2) = span.addingReportingOverflow(c ? 1 : 0)
                if o1 || o2 { throw BindingError("the range has more than Int.max elements") }
                return .int(count)
            }
            .property("isEmpty: Bool", doc: "Whether the range has no elements.") { this in
                if case .boundedRange(let l, let u, let c) = this { return .bool(!c && l == u) }
                guard case .range(let l, let u, let c) = this else { return .void }
                return .bool(!c && l == u)
            }
            .method("contains(_ x: Bound) -> Bool", doc: "Whether x lies in the range.") { this, args in
                if case .boundedRange(let l, let u, let c) = this {
                    guard let below = Runtime.compare(l, args[0]), let above = Runtime.compare(args[0], u) else { return .bool(false) }
                    return .bool(below <= 0 && (c ? above <= 0 : above < 0))
                }
                guard case .range(let l, let u, let c) = this else { return .bool(false) }
                let x = args.int(0)
                return .bool(x >= l && (c ? x <= u : x < u))
            }
    }

    /// The bounds of a range of numbers as Doubles, and whether it is closed; an error for
    /// an empty range (as Swift's `random(in:)` traps).
    public static func floatingBounds(_ range: Value) throws -> (Double, Double, Bool) {
        var bounds: (Double, Double, Bool)? = nil
        switch range {
        case .range(let l, let u, let c): bounds = (Double(l), Double(u), c)
        case .boundedRange(let l, let u, let c):
            switch (l, u) {
            case (.double(let x), .double(let y)): bounds = (x, y, c)
            case (.float(let x), .float(let y)): bounds = (Double(x), Double(y), c)
            default: break
            }
        default: break
        }
        guard let (l, u, c) = bounds, c ? l <= u : l < u, l.isFinite, u.isFinite else {
            throw BindingError("random(in:) needs a non-empty range of finite numbers, got \(range)")
        }
        return (l, u, c)
    }

    static func d(_ v: Value) -> Double {
        switch v { case .double(let x): return x; case .int(let x): return Double(x); default: return 0 }
    }
}
