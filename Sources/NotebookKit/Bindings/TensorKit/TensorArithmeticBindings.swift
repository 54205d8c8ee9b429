import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// A number operand of a tensor operator as Float (nil when the value is not a number).
    static func scalarOperand(_ v: Value) -> Float? {
        switch v.unwrapped {
        case .float(let f)?: return f
        case .double(let d)?: return Float(d)
        case .int(let i)?: return Float(i)
        default: return nil
        }
    }

    /// `lhs op rhs` for Tensor-Tensor, Tensor-Float and Float-Tensor operands, as Swift's overloads.
    static func arithmetic(_ op: String, _ a: Value, _ b: Value) throws -> Value {
        if let x = scalarOperand(a), let t = b.host(Tensor.self) {
            switch op {
            case "+": return (x + t).scriptValue
            case "-": return (x - t).scriptValue
            case "*": return (x * t).scriptValue
            default: return (x / t).scriptValue
            }
        }
        guard let t = a.host(Tensor.self) else {
            throw BindingError("Tensor \(op): expected a Tensor or a number on each side, got \(a.typeName) and \(b.typeName)")
        }
        if let y = scalarOperand(b) {
            switch op {
            case "+": return (t + y).scriptValue
            case "-": return (t - y).scriptValue
            case "*": return (t * y).scriptValue
            default: return (t / y).scriptValue
            }
        }
        guard let u = b.host(Tensor.self) else {
            throw BindingError("Tensor \(op): expected a Tensor or a number on each side, got \(a.typeName) and \(b.typeName)")
        }
        switch op {
        case "+": return try (t + u).scriptValue
        case "-": return try (t - u).scriptValue
        case "*": return try (t * u).scriptValue
        default: return try (t / u).scriptValue
        }
    }

    /// Operators, `affine`, `binary`, `BinaryOperator`, comparisons and `where`.
    static func registerTensorArithmetic(in registry: Registry) {
        let ops = registry.type("BinaryOperator", doc: "An elementwise binary operation for `Tensor.binary`.")
        for (name, op) in [("add", BinaryOperator.add), ("subtract", .subtract), ("multiply", .multiply), ("divide", .divide)] {
            ops.staticProperty("\(name): BinaryOperator", doc: "Elementwise \(name).") { op.scriptValue }
        }
        let type = registry.type("Tensor", doc: "")
        for op in ["+", "-", "*", "/"] {
            type.binaryOperator(op, doc: "Elementwise `\(op)` with NumPy broadcasting (throws when shapes cannot broadcast); a Float applies to every element.", throws: true) { a, b in
                try arithmetic(op, a, b)
            }
        }
        type.prefixOperator("-", doc: "Every element negated.") { a in (-(try tensor(a))).scriptValue }
        type.method("affine(scale: Float, shift: Float) -> Tensor", doc: "`scale * x + shift` for every element.") { this, args in
            try tensor(this).affine(scale: try args.get(0), shift: try args.get(1)).scriptValue
        }
        type.staticMethod("binary(_ op: BinaryOperator, _ lhs: Tensor, _ rhs: Tensor) throws -> Tensor",
                          doc: "The elementwise `lhs op rhs` with broadcasting (differentiable).") { args in
            try Tensor.binary(try args.get(0), try args.get(1), try args.get(2)).scriptValue
        }
        type.method("greater(than value: Float) -> Tensor", doc: "1 where the element is greater than `value`, else 0.") { this, args in
            try tensor(this).greater(than: try args.get(0, as: Float.self)).scriptValue
        }
        type.method("greater(than other: Tensor) throws -> Tensor", doc: "1 where `self > other` elementwise (with broadcasting), else 0.") { this, args in
            try tensor(this).greater(than: try args.get(0, as: Tensor.self)).scriptValue
        }
        type.method("less(than value: Float) -> Tensor", doc: "1 where the element is less than `value`, else 0.") { this, args in
            try tensor(this).less(than: try args.get(0, as: Float.self)).scriptValue
        }
        type.method("less(than other: Tensor) throws -> Tensor", doc: "1 where `self < other` elementwise (with broadcasting), else 0.") { this, args in
            try tensor(this).less(than: try args.get(0, as: Tensor.self)).scriptValue
        }
        type.method("equal(to value: Float) -> Tensor", doc: "1 where the element equals `value`, else 0.") { this, args in
            try tensor(this).equal(to: try args.get(0)).scriptValue
        }
        type.staticMethod("where(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor",
                          doc: "`a` where `condition` is non-zero, else `b`, elementwise with broadcasting of all three.") { args in
            try Tensor.where(try args.get(0), try args.get(1), try args.get(2)).scriptValue
        }
    }

    /// Elementwise math: `apply`, `UnaryFunction`, `exp`, `log`, ..., `pow`, `clamped`.
    static func registerTensorMath(in registry: Registry) {
        let functions = registry.type("UnaryFunction", doc: "Elementwise math functions (all differentiable).")
        let plain: [(String, UnaryFunction, String)] = [
            ("exp", .exp, "`e^x`."), ("log", .log, "Natural logarithm."), ("tanh", .tanh, "Hyperbolic tangent."),
            ("sigmoid", .sigmoid, "`1 / (1 + e^-x)`."), ("relu", .relu, "`max(x, 0)`."), ("sqrt", .sqrt, "Square root."),
            ("abs", .abs, "Absolute value."),
        ]
        for (name, f, doc) in plain {
            functions.staticProperty("\(name): UnaryFunction", doc: doc) { f.scriptValue }
        }
        functions.staticMethod("pow(_ exponent: Float) -> UnaryFunction", doc: "`x^p` for a fixed exponent.") { args in
            UnaryFunction.pow(try args.get(0)).scriptValue
        }
        functions.staticMethod("clamp(_ low: Float, _ high: Float) -> UnaryFunction", doc: "`min(max(x, low), high)`.") { args in
            UnaryFunction.clamp(try args.get(0), try args.get(1)).scriptValue
        }
        functions.binaryOperator("==", doc: "The same function (and arguments).") { a, b in
            guard let x = a.host(UnaryFunction.self), let y = b.host(UnaryFunction.self) else {
                throw BindingError("UnaryFunction ==: expected two UnaryFunctions, got \(a.typeName) and \(b.typeName)")
            }
            return .bool(x == y)
        }
        let type = registry.type("Tensor", doc: "")
        type.method("apply(_ function: UnaryFunction) -> Tensor", doc: "Applies `function` to every element (differentiable).") { this, args in
            try tensor(this).apply(try args.get(0)).scriptValue
        }
        let unary: [(String, String, (Tensor) -> Tensor)] = [
            ("exp", "`e^x` elementwise.", { $0.exp() }),
            ("log", "Natural logarithm elementwise (`-inf` at 0, NaN below).", { $0.log() }),
            ("tanh", "Hyperbolic tangent elementwise.", { $0.tanh() }),
            ("sigmoid", "`1 / (1 + e^-x)` elementwise, computed stably.", { $0.sigmoid() }),
            ("relu", "`max(x, 0)` elementwise; NaN stays NaN (as in PyTorch).", { $0.relu() }),
            ("sqrt", "Square root elementwise.", { $0.sqrt() }),
            ("abs", "Absolute value elementwise.", { $0.abs() }),
        ]
        for (name, doc, f) in unary {
            type.method("\(name)() -> Tensor", doc: doc) { this, _ in f(try tensor(this)).scriptValue }
        }
        type.method("pow(_ exponent: Float) -> Tensor", doc: "`x^exponent` elementwise.") { this, args in
            try tensor(this).pow(try args.get(0)).scriptValue
        }
        type.method("clamped(_ low: Float, _ high: Float) throws -> Tensor", doc: "Every element limited to `low...high`.") { this, args in
            try tensor(this).clamped(try args.get(0), try args.get(1)).scriptValue
        }
    }
}
