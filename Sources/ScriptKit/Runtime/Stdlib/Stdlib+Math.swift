import Foundation

/// Math functions: sqrt, exp, log, pow, trigonometry, rounding, min/max/abs.
extension Registry {
    func addMath() {
        let unary: [(String, String, (Double) -> Double)] = [
            ("sqrt", "Square root.", { $0.squareRoot() }),
            ("exp", "e raised to x.", { Foundation.exp($0) }),
            ("log", "Natural logarithm.", { Foundation.log($0) }),
            ("log2", "Base-2 logarithm.", { Foundation.log2($0) }),
            ("log10", "Base-10 logarithm.", { Foundation.log10($0) }),
            ("sin", "Sine (radians).", { Foundation.sin($0) }),
            ("cos", "Cosine (radians).", { Foundation.cos($0) }),
            ("tan", "Tangent (radians).", { Foundation.tan($0) }),
            ("asin", "Arc sine.", { Foundation.asin($0) }),
            ("acos", "Arc cosine.", { Foundation.acos($0) }),
            ("atan", "Arc tangent.", { Foundation.atan($0) }),
            ("tanh", "Hyperbolic tangent.", { Foundation.tanh($0) }),
            ("floor", "Largest integer value not greater than x.", { $0.rounded(.down) }),
            ("ceil", "Smallest integer value not less than x.", { $0.rounded(.up) }),
            ("round", "x rounded to the nearest integer value, halves away from zero.", { $0.rounded() }),
        ]
        for (name, doc, f) in unary {
            function("\(name)(_ x: Double) -> Double", doc: doc) { args in .double(f(args.double(0))) }
        }
        function("pow(_ x: Double, _ y: Double) -> Double", doc: "x raised to the power y.") { args in
            .double(Foundation.pow(args.double(0), args.double(1)))
        }
        function("atan2(_ y: Double, _ x: Double) -> Double", doc: "Angle of the point (x, y).") { args in
            .double(Foundation.atan2(args.double(0), args.double(1)))
        }
        function("abs(_ x: Int) -> Int", doc: "Absolute value.") { args in
            let x = args.int(0)
            if x == Int.min { throw BindingError("abs(Int.min) overflows Int") }
            return .int(Swift.abs(x))
        }
        function("abs(_ x: Double) -> Double", doc: "Absolute value.") { args in .double(Swift.abs(args.double(0))) }
        for (name, pick) in [("min", -1), ("max", 1)] {
            function("\(name)(_ x: T, _ y: T, _ rest: T...) -> T", doc: "The \(name == "min" ? "smallest" : "largest") of the arguments.") { args in
                let all = [args[0], args[1]] + args.array(2)
                return try Registry.extreme(all, pick: pick, name: name)
            }
        }
    }

    /// The smallest (pick -1) or largest (pick 1) of comparable values; Ints and Doubles may
    /// not mix, as in Swift.
    static func extreme(_ values: [Value], pick: Int, name: String) throws -> Value {
        guard var best = values.first else { throw BindingError("\(name) of an empty list") }
        for v in values.dropFirst() {
            guard v.bindingTypeName == best.bindingTypeName, let c = Runtime.compare(v, best) else {
                throw BindingError("\(name) needs arguments of one comparable type, got \(best.typeName) and \(v.typeName)")
            }
            if c == pick { best = v }
        }
        return best
    }
}
