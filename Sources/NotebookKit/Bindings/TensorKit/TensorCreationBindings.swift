import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// `Tensor`: initializers, factories, shape and element access, equality, description.
    static func registerTensorCreation(in registry: Registry) {
        let type = registry.type("Tensor", doc: "An n-dimensional array of Float32 values in row-major order, with value semantics.")
        type.initializer("init(shape: [Int], scalars: [Float]) throws", doc: "A tensor of `shape` holding `scalars` in row-major order.") { args in
            try Tensor(shape: try args.get(0), scalars: try args.get(1)).scriptValue
        }
        type.initializer("init(_ scalars: [Float])", doc: "A rank-1 tensor holding `scalars`.") { args in
            Tensor(try args.get(0, as: [Float].self)).scriptValue
        }
        type.initializer("init(scalar: Float)", doc: "A rank-0 (scalar) tensor.") { args in
            Tensor(scalar: try args.get(0)).scriptValue
        }
        type.initializer("init(_ rows: [[Float]]) throws", doc: "A rank-2 tensor from rows of equal length.") { args in
            try Tensor(try args.get(0, as: [[Float]].self)).scriptValue
        }
        type.staticMethod("zeros(_ shape: [Int]) throws -> Tensor", doc: "A tensor of zeros.") { args in
            try Tensor.zeros(try args.get(0)).scriptValue
        }
        type.staticMethod("ones(_ shape: [Int]) throws -> Tensor", doc: "A tensor of ones.") { args in
            try Tensor.ones(try args.get(0)).scriptValue
        }
        type.staticMethod("full(_ shape: [Int], value: Float) throws -> Tensor", doc: "A tensor with every element equal to `value`.") { args in
            try Tensor.full(try args.get(0), value: try args.get(1)).scriptValue
        }
        type.staticMethod("full(like other: Tensor, value: Float) -> Tensor", doc: "A tensor of `other`'s shape filled with `value`.") { args in
            Tensor.full(like: try args.get(0), value: try args.get(1)).scriptValue
        }
        type.staticMethod("eye(_ n: Int) throws -> Tensor", doc: "The n x n identity matrix.") { args in
            try Tensor.eye(try args.get(0)).scriptValue
        }
        type.staticMethod("arange(_ n: Int) throws -> Tensor", doc: "0, 1, ..., n-1 as a rank-1 tensor.") { args in
            try Tensor.arange(try args.get(0, as: Int.self)).scriptValue
        }
        type.staticMethod("arange(from start: Float, to end: Float, step: Float = 1) throws -> Tensor",
                          doc: "start, start + step, ... up to (not including) end.") { args in
            try Tensor.arange(from: try args.get(0), to: try args.get(1), step: try args.get(2)).scriptValue
        }
        type.staticMethod("uniform(_ shape: [Int], low: Float = 0, high: Float = 1, generator: inout SeededGenerator) throws -> Tensor",
                          doc: "Uniform random values in `[low, high)` from a seeded generator (pass `&rng`).") { args in
            try withGenerator(args, 3) { g in
                try Tensor.uniform(try args.get(0), low: try args.get(1), high: try args.get(2), generator: &g).scriptValue
            }
        }
        type.staticMethod("normal(_ shape: [Int], mean: Float = 0, std: Float = 1, generator: inout SeededGenerator) throws -> Tensor",
                          doc: "Normal random values with `mean` and standard deviation `std` from a seeded generator (pass `&rng`).") { args in
            try withGenerator(args, 3) { g in
                try Tensor.normal(try args.get(0), mean: try args.get(1), std: try args.get(2), generator: &g).scriptValue
            }
        }
        type.readOnly("shape: [Int]", \Tensor.shape, doc: "The size of each axis; `[]` for a scalar.")
        type.readOnly("count: Int", \Tensor.count, doc: "The number of elements.")
        type.readOnly("rank: Int", \Tensor.rank, doc: "The number of axes.")
        type.readOnly("scalars: [Float]", \Tensor.scalars, doc: "The elements in row-major order.")
        type.readOnly("description: String", \Tensor.description, doc: "PyTorch-style text: the values, then the shape.")
        type.readOnly("debugDescription: String", \Tensor.debugDescription, doc: "The description plus autodiff details.")
        type.method("item() throws -> Float", doc: "The single element of a one-element tensor.") { this, _ in
            try tensor(this).item().scriptValue
        }
        type.method("scalar(at index: [Int]) throws -> Float", doc: "The element at `index` (one position per axis).") { this, args in
            try tensor(this).scalar(at: try args.get(0)).scriptValue
        }
        type.method("reshaped(_ newShape: [Int]) throws -> Tensor", doc: "The same elements with a new shape (one axis may be -1).") { this, args in
            try tensor(this).reshaped(try args.get(0)).scriptValue
        }
        type.method("detached() -> Tensor", doc: "The same values without autodiff history.") { this, _ in
            try tensor(this).detached().scriptValue
        }
        type.binaryOperator("==", doc: "Same shape and same elements.") { a, b in
            guard let x = a.host(Tensor.self), let y = b.host(Tensor.self) else {
                throw BindingError("Tensor ==: expected two Tensors, got \(a.typeName) and \(b.typeName)")
            }
            return .bool(x == y)
        }
    }
}
