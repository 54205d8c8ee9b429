/// A fully connected layer: `y = x · weight + bias`.
///
/// `weight` has shape [inputSize, outputSize] (the transpose of PyTorch's layout), so a
/// sparse input batch reads whole weight rows and the dense product is one `sgemm`
/// without transposes. Default initialisation: Glorot (Xavier) uniform,
/// `U(-a, a)` with `a = sqrt(6 / (inputSize + outputSize))`, and a zero bias.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let layer = try Linear(3, 2, generator: &rng)
/// let y = try layer(try Tensor.ones([4, 3]))    // [4, 2]
/// ```
public final class Linear: Layer {
    /// [inputSize, outputSize].
    public let weight: Parameter
    /// [outputSize], or nil for a layer without bias.
    public let bias: Parameter?
    public var isTraining = true

    /// A layer with the given weight [in, out] and optional bias [out].
    /// - Throws: if the weight is not rank 2 or the bias does not match its columns.
    public init(weight: Tensor, bias: Tensor?) throws {
        guard weight.rank == 2 else { throw TensorError("Linear", "weight must be rank 2, got shape \(weight.shape)") }
        if let bias, bias.shape != [weight.shape[1]] {
            throw TensorError.shapes("Linear", weight.shape, bias.shape, "bias must have shape [\(weight.shape[1])]")
        }
        self.weight = Parameter(weight)
        self.bias = bias.map(Parameter.init)
    }

    /// A Glorot-uniform initialised layer from `inputSize` to `outputSize` features.
    /// - Throws: if a size is not positive.
    public convenience init(_ inputSize: Int, _ outputSize: Int, bias: Bool = true,
                            generator: inout SeededGenerator) throws {
        guard inputSize > 0, outputSize > 0 else {
            throw TensorError("Linear", "sizes must be positive, got \(inputSize) -> \(outputSize)")
        }
        let a = (6 / Float(inputSize + outputSize)).squareRoot()
        let w = try Tensor.uniform([inputSize, outputSize], low: -a, high: a, generator: &generator)
        try self.init(weight: w, bias: bias ? try Tensor.zeros([outputSize]) : nil)
    }

    public var ownParameters: [(name: String, parameter: Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// `input · weight + bias` for a dense batch [batch, inputSize].
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try Tensor.linear(input, weight: weight.value, bias: bias?.value)
    }

    /// `input · weight + bias` for a sparse batch, without densifying it.
    public func callAsFunction(_ input: SparseMatrix) throws -> Tensor {
        try SparseMatrix.linear(input, weight: weight.value, bias: bias?.value)
    }
}
