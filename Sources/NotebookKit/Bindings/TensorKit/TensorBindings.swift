import ScriptKit
import TensorKit

/// A TensorKit `Tensor` held by a script value (tensors are structs; scripts share boxes).
public final class TensorObject: NativeObject, CustomStringConvertible {
    /// The tensor.
    public let tensor: Tensor
    public var typeName: String { "Tensor" }

    /// Boxes a tensor.
    public init(_ tensor: Tensor) {
        self.tensor = tensor
    }

    public var description: String { tensor.description }
}

/// Registry rows for TensorKit: creation, arithmetic with broadcasting, matmul, reductions,
/// elementwise math and description. Each row mirrors the Swift API (Float32 elements are
/// read from and given back as Double, as scripts have no Float).
enum TensorBindings {
    static func wrap(_ t: Tensor) -> Value { .native(TensorObject(t)) }

    static func tensor(_ v: Value, _ what: String) throws -> Tensor {
        guard let t = v.native(as: TensorObject.self)?.tensor else {
            throw BindingError("\(what): expected Tensor, got \(v.typeName)")
        }
        return t
    }

    static func floats(_ values: [Double]) -> [Float] { values.map { Float($0) } }

    /// Rows of numbers as Float rows (the registry has already checked the element types).
    static func matrix(_ rows: [Value]) -> [[Float]] {
        rows.map { row -> [Float] in
            guard case let .array(cells) = row else { return [] }
            return cells.map { scalar($0) ?? .nan }
        }
    }

    /// A number operand as Float (nil when the value is not a number).
    static func scalar(_ v: Value) -> Float? {
        switch v {
        case let .int(i): return Float(i)
        case let .double(d): return Float(d)
        default: return nil
        }
    }

    static func arithmetic(_ op: String, _ a: Value, _ b: Value) throws -> Value {
        if let x = scalar(a) {
            let t = try tensor(b, "Tensor \(op)")
            switch op {
            case "+": return wrap(x + t)
            case "-": return wrap(x - t)
            case "*": return wrap(x * t)
            default: return wrap(x / t)
            }
        }
        let t = try tensor(a, "Tensor \(op)")
        if let y = scalar(b) {
            switch op {
            case "+": return wrap(t + y)
            case "-": return wrap(t - y)
            case "*": return wrap(t * y)
            default:
                guard y != 0 else { throw BindingError("division of a Tensor by zero") }
                return wrap(t / y)
            }
        }
        let u = try tensor(b, "Tensor \(op)")
        switch op {
        case "+": return wrap(try t + u)
        case "-": return wrap(try t - u)
        case "*": return wrap(try t * u)
        default: return wrap(try t / u)
        }
    }

    static func register(in registry: Registry) {
        let type = registry.type("Tensor", doc: "A dense Float32 tensor (TensorKit), printed PyTorch-style.")
        type.initializer("init(_ scalars: [Double])", doc: "A 1-D tensor of the given values.") { args in
            wrap(Tensor(floats(args.doubles(0))))
        }
        type.initializer("init(_ rows: [[Double]]) throws", doc: "A matrix (rank 2) from its rows, all of the same length.") { args in
            wrap(try Tensor(matrix(args.array(0))))
        }
        type.initializer("init(shape: [Int], scalars: [Double]) throws",
                         doc: "A tensor of the given shape from its values in row-major order.") { args in
            wrap(try Tensor(shape: args.ints(0), scalars: floats(args.doubles(1))))
        }
        type.staticMethod("zeros(_ shape: [Int]) throws -> Tensor", doc: "A tensor of zeros.") { args in
            wrap(try Tensor.zeros(args.ints(0)))
        }
        type.staticMethod("ones(_ shape: [Int]) throws -> Tensor", doc: "A tensor of ones.") { args in
            wrap(try Tensor.ones(args.ints(0)))
        }
        type.staticMethod("full(_ shape: [Int], value: Double) throws -> Tensor", doc: "A tensor with every element equal to value.") { args in
            wrap(try Tensor.full(args.ints(0), value: Float(args.double(1))))
        }
        type.staticMethod("eye(_ n: Int) throws -> Tensor", doc: "The n x n identity matrix.") { args in
            wrap(try Tensor.eye(args.int(0)))
        }
        type.staticMethod("arange(_ n: Int) throws -> Tensor", doc: "0, 1, ..., n-1 as a 1-D tensor.") { args in
            wrap(try Tensor.arange(args.int(0)))
        }
        type.staticMethod("uniform(_ shape: [Int], low: Double = 0, high: Double = 1, seed: Int = 0) throws -> Tensor",
                          doc: "Uniform random values in [low, high) from a seeded generator.") { args in
            var g = SeededGenerator(seed: UInt64(truncatingIfNeeded: args.int(3)))
            return wrap(try Tensor.uniform(args.ints(0), low: Float(args.double(1)), high: Float(args.double(2)), generator: &g))
        }
        type.staticMethod("normal(_ shape: [Int], mean: Double = 0, std: Double = 1, seed: Int = 0) throws -> Tensor",
                          doc: "Normal random values from a seeded generator.") { args in
            var g = SeededGenerator(seed: UInt64(truncatingIfNeeded: args.int(3)))
            return wrap(try Tensor.normal(args.ints(0), mean: Float(args.double(1)), std: Float(args.double(2)), generator: &g))
        }
        type.property("shape: [Int]", doc: "The size of each axis.") { this in
            .array(try tensor(this, "shape").shape.map(Value.int))
        }
        type.property("count: Int", doc: "Number of elements.") { this in .int(try tensor(this, "count").count) }
        type.property("rank: Int", doc: "Number of axes.") { this in .int(try tensor(this, "rank").rank) }
        type.property("scalars: [Double]", doc: "The elements in row-major order.") { this in
            .array(try tensor(this, "scalars").scalars.map { .double(Double($0)) })
        }
        type.method("item() throws -> Double", doc: "The value of a one-element tensor.") { this, _ in
            .double(Double(try tensor(this, "item()").item()))
        }
        type.method("matmul(_ other: Tensor) throws -> Tensor", doc: "Matrix product (BLAS sgemm).") { this, args in
            wrap(try tensor(this, "matmul").matmul(try tensor(args[0], "matmul(_:)")))
        }
        type.method("transposed() -> Tensor", doc: "The transpose of a matrix.") { this, _ in
            wrap(try tensor(this, "transposed()").transposed())
        }
        type.method("reshaped(_ shape: [Int]) throws -> Tensor", doc: "The same elements with a new shape (one axis may be -1).") { this, args in
            wrap(try tensor(this, "reshaped(_:)").reshaped(args.ints(0)))
        }
        type.method("sum() -> Tensor", doc: "Sum of all elements.") { this, _ in wrap(try tensor(this, "sum()").sum()) }
        type.method("mean() -> Tensor", doc: "Mean of all elements.") { this, _ in wrap(try tensor(this, "mean()").mean()) }
        type.method("sum(axis: Int) throws -> Tensor", doc: "Sums along one axis.") { this, args in
            wrap(try tensor(this, "sum(axis:)").sum(axis: args.int(0)))
        }
        type.method("mean(axis: Int) throws -> Tensor", doc: "Means along one axis.") { this, args in
            wrap(try tensor(this, "mean(axis:)").mean(axis: args.int(0)))
        }
        type.method("max() throws -> Tensor", doc: "The largest element.") { this, _ in wrap(try tensor(this, "max()").max()) }
        type.method("min() throws -> Tensor", doc: "The smallest element.") { this, _ in wrap(try tensor(this, "min()").min()) }
        type.method("max(axis: Int) throws -> Tensor", doc: "The largest element along one axis.") { this, args in
            wrap(try tensor(this, "max(axis:)").max(axis: args.int(0)))
        }
        type.method("argmax(axis: Int) throws -> [Int]", doc: "Index of the largest element along one axis, for each position of the others.") { this, args in
            .array(try tensor(this, "argmax(axis:)").argmax(axis: args.int(0)).map(Value.int))
        }
        type.method("softmax() throws -> Tensor", doc: "e^x / sum(e^x) along the last axis.") { this, _ in
            wrap(try tensor(this, "softmax()").softmax())
        }
        type.method("argmax() throws -> Int", doc: "Index of the largest element (flattened).") { this, _ in
            .int(try tensor(this, "argmax()").argmax())
        }
        let unary: [(String, String, (Tensor) -> Tensor)] = [
            ("exp", "e raised to each element.", { $0.exp() }),
            ("log", "Natural logarithm of each element.", { $0.log() }),
            ("relu", "max(0, x) of each element.", { $0.relu() }),
            ("sigmoid", "1 / (1 + e^-x) of each element.", { $0.sigmoid() }),
            ("tanh", "Hyperbolic tangent of each element.", { $0.tanh() }),
            ("sqrt", "Square root of each element.", { $0.sqrt() }),
            ("abs", "Absolute value of each element.", { $0.abs() }),
        ]
        for (name, doc, f) in unary {
            type.method("\(name)() -> Tensor", doc: doc) { this, _ in wrap(f(try tensor(this, "\(name)()"))) }
        }
        type.method("pow(_ exponent: Double) -> Tensor", doc: "Each element raised to a power.") { this, args in
            wrap(try tensor(this, "pow(_:)").pow(Float(args.double(0))))
        }
        for op in ["+", "-", "*", "/"] {
            type.binaryOperator(op, doc: "Elementwise \(op) with broadcasting; a number applies to every element.") { a, b in
                try arithmetic(op, a, b)
            }
        }
        type.prefixOperator("-", doc: "Negation of each element.") { a in wrap(-(try tensor(a, "-"))) }
    }
}
