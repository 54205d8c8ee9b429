/// Batch normalisation over the batch axis of [batch, features] inputs:
/// `y = (x - mean) / sqrt(var + epsilon) · gamma + beta`.
///
/// In training, mean and (biased) variance come from the batch, and the running
/// statistics move towards them by `momentum` (the running variance uses the unbiased
/// estimate, as PyTorch does). In evaluation, the running statistics are used.
public final class BatchNorm1d: Layer {
    /// Scale, [features], initialised to 1.
    public let gamma: Parameter
    /// Shift, [features], initialised to 0.
    public let beta: Parameter
    /// Running mean and variance (buffers: saved, not trained).
    public let runningMean: Parameter, runningVariance: Parameter
    public let momentum: Float, epsilon: Float
    public var isTraining = true

    /// A batch-norm layer over `features` features.
    /// - Throws: if `features` is not positive, `momentum` not in [0, 1] or `epsilon` not positive.
    public init(_ features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) throws {
        guard features > 0 else { throw TensorError("BatchNorm1d", "features must be positive, got \(features)") }
        guard momentum >= 0, momentum <= 1 else { throw TensorError("BatchNorm1d", "momentum must be in [0, 1], got \(momentum)") }
        guard epsilon > 0 else { throw TensorError("BatchNorm1d", "epsilon must be positive, got \(epsilon)") }
        gamma = Parameter(try Tensor.ones([features]))
        beta = Parameter(try Tensor.zeros([features]))
        runningMean = Parameter(try Tensor.zeros([features]))
        runningVariance = Parameter(try Tensor.ones([features]))
        self.momentum = momentum
        self.epsilon = epsilon
    }

    public var ownParameters: [(name: String, parameter: Parameter)] { [("weight", gamma), ("bias", beta)] }
    public var ownBuffers: [(name: String, parameter: Parameter)] {
        [("running_mean", runningMean), ("running_var", runningVariance)]
    }

    /// The normalised batch. Differentiable with respect to the input, gamma and beta.
    /// - Throws: if the input is not [batch, features], or the batch has one row in training.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        let features = gamma.shape[0]
        guard x.rank == 2, x.shape[1] == features else {
            throw TensorError.shapes("BatchNorm1d", x.shape, [features], "expected input [batch, \(features)]")
        }
        let normalised: Tensor
        if isTraining {
            let n = x.shape[0]
            guard n > 1 else { throw TensorError("BatchNorm1d", "training needs more than one row per batch, got shape \(x.shape)") }
            let mean = try x.mean(axis: 0)
            let centred = try x - mean
            let variance = try (centred * centred).mean(axis: 0)
            normalised = try centred / (variance + epsilon).sqrt()
            withNoGrad {
                let m = momentum, unbiased = Float(n) / Float(n - 1)
                runningMean.stored = blend(runningMean.stored, mean.detached(), m, 1)
                runningVariance.stored = blend(runningVariance.stored, variance.detached(), m, unbiased)
            }
        } else {
            normalised = try (x - runningMean.value.detached()) / (runningVariance.value.detached() + epsilon).sqrt()
        }
        return try normalised * gamma.value + beta.value
    }

    /// `(1 - m) · old + m · scale · new`, keeping `old`'s leaf.
    private func blend(_ old: Tensor, _ new: Tensor, _ m: Float, _ scale: Float) -> Tensor {
        var result = old
        new.withUnsafeBufferPointer { src in
            result.withUnsafeMutableBufferPointer { dst in
                for i in 0..<dst.count { dst[i] = (1 - m) * dst[i] + m * scale * src[i] }
            }
        }
        return result
    }
}
