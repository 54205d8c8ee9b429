import Foundation

/// Float (32-bit): conversions to and from Int and Double, constants, members, and the
/// math functions on Floats (the Double rows come first, so literals stay Doubles).
extension Registry {
    static func float(_ v: Value) -> Float {
        switch v {
        case .float(let x): return x
        case .double(let x): return Float(x)
        case .int(let x): return Float(x)
        default: return 0
        }
    }

    /// A random Float in a range of numbers (its bounds rounded to Floats); an error for a
    /// range that is empty, also once rounded.
    static func randomFloat(in range: Value) throws -> Value {
        let (l, u, closed) = try floatingBounds(range)
        let lower = Float(l), upper = Float(u)
        guard closed || lower < upper else { throw BindingError("random(in:) needs a non-empty range, got \(range)") }
        return .float(closed ? Float.random(in: lower...upper) : Float.random(in: lower..<upper))
    }

    func addFloatType() {
        let f = Registry.float
        type("Float", doc: "A 32-bit floating-point number.")
            .initializer("init(_ x: Float)", doc: "The same number.") { args in .float(f(args[0])) }
            .initializer("init(_ x: Double)", doc: "The Double rounded to the nearest Float.") { args in .float(f(args[0])) }
            .initializer("init(_ x: Int)", doc: "The integer as a Float (rounded to the nearest Float).") { args in .float(f(args[0])) }
            .initializer("init(_ text: String) -> Float?", doc: "Parses a number; nil when the text is not one.") { args in
                .optional(Float(args.string(0)).map { .float($0) })
            }
            .staticProperty("pi: Float", doc: "π.") { .float(Float.pi) }
            .staticProperty("infinity: Float", doc: "Positive infinity.") { .float(Float.infinity) }
            .staticProperty("nan: Float", doc: "Not a number.") { .float(Float.nan) }
            .staticProperty("greatestFiniteMagnitude: Float", doc: "The largest finite Float.") { .float(Float.greatestFiniteMagnitude) }
            .staticProperty("ulpOfOne: Float", doc: "The gap between 1.0 and the next Float.") { .float(Float.ulpOfOne) }
            .staticMethod("random(in range: Range<Float>) -> Float", doc: "A random number in the half-open range.") { args in
                try Registry.randomFloat(in: args[0])
            }
            .staticMethod("random(in range: ClosedRange<Float>) -> Float", doc: "A random number in the closed range.") { args in
                try Registry.randomFloat(in: args[0])
            }
            .method("squareRoot() -> Float", doc: "Square root.") { this, _ in .float(f(this).squareRoot()) }
            .method("rounded() -> Float", doc: "Rounded to the nearest integer value.") { this, _ in .float(f(this).rounded()) }
            .method("truncatingRemainder(dividingBy other: Float) -> Float", doc: "Remainder of truncating division.") { this, args in
                .float(f(this).truncatingRemainder(dividingBy: f(args[0])))
            }
            .property("isNaN: Bool", doc: "Whether the value is NaN.") { this in .bool(f(this).isNaN) }
            .property("isFinite: Bool", doc: "Whether the value is finite.") { this in .bool(f(this).isFinite) }
            .property("isInfinite: Bool", doc: "Whether the value is infinite.") { this in .bool(f(this).isInfinite) }
            .property("description: String", doc: "The number as text.") { this in .string(this.description) }

        type("Double", doc: "A 64-bit floating-point number.")
            .initializer("init(_ x: Float)", doc: "The Float's value as a Double.") { args in .double(Double(f(args[0]))) }
        type("Int", doc: "A 64-bit signed integer; arithmetic overflow is an error.")
            .initializer("init(_ x: Float)", doc: "Truncates toward zero; an error when out of range or not finite.") { args in
                let x = f(args[0])
                guard let v = Int(exactly: x.rounded(.towardZero)) else {
                    throw BindingError("Float value \(x) cannot be converted to Int because it is \(x.isFinite ? "outside the representable range" : "infinite or NaN")")
                }
                return .int(v)
            }

        let unary: [(String, (Float) -> Float)] = [
            ("sqrt", { $0.squareRoot() }), ("exp", { Foundation.exp($0) }), ("log", { Foundation.log($0) }),
            ("sin", { Foundation.sin($0) }), ("cos", { Foundation.cos($0) }), ("tanh", { Foundation.tanh($0) }),
            ("floor", { $0.rounded(.down) }), ("ceil", { $0.rounded(.up) }), ("round", { $0.rounded() }),
            ("abs", { Swift.abs($0) }),
        ]
        for (name, op) in unary {
            function("\(name)(_ x: Float) -> Float", doc: "\(name) of a Float.") { args in .float(op(f(args[0]))) }
        }
        function("pow(_ x: Float, _ y: Float) -> Float", doc: "x raised to the power y.") { args in
            .float(Foundation.pow(f(args[0]), f(args[1])))
        }
    }
}
