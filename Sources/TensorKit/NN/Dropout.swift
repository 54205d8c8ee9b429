/// Inverted dropout: in training, each element is zeroed with probability `rate` and the
/// survivors are scaled by `1 / (1 - rate)`; in evaluation it is the identity. The mask
/// comes from the layer's own seeded generator, so runs repeat exactly.
public final class Dropout: Layer {
    /// The probability of dropping an element, in [0, 1).
    public let rate: Float
    public var isTraining = true
    private var generator: SeededGenerator

    /// A dropout layer with its own generator seeded by `seed`.
    /// - Throws: if `rate` is not in [0, 1).
    public init(rate: Float, seed: UInt64 = 0) throws {
        guard rate >= 0, rate < 1 else { throw TensorError("Dropout", "rate must be in [0, 1), got \(rate)") }
        self.rate = rate
        generator = SeededGenerator(seed: seed)
    }

    /// The input with dropout applied (training) or unchanged (evaluation). Differentiable.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard isTraining, rate > 0 else { return input }
        var mask = Tensor(uninitializedShape: input.shape)
        let keep = 1 / (1 - rate)
        mask.withUnsafeMutableBufferPointer { m in
            for i in 0..<m.count { m[i] = generator.nextUniform() < rate ? 0 : keep }
        }
        return try input * mask
    }

    /// Dropout on the stored values of a sparse batch (the Mult-VAE input); the result
    /// keeps the sparsity pattern, with dropped entries stored as zeros.
    public func callAsFunction(_ input: SparseMatrix) -> SparseMatrix {
        guard isTraining, rate > 0 else { return input }
        let keep = 1 / (1 - rate)
        return input.mapValues { v in generator.nextUniform() < rate ? 0 : v * keep }
    }
}
