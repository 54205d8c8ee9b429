/// Stochastic gradient descent with optional momentum and L2 weight decay (PyTorch's
/// rule): `b = momentum · b + (g + wd · p)` (b = g at the first step), `p -= lr · b`.
public final class SGD: Optimizer {
    public let parameters: [Parameter]
    public var learningRate: Float
    public let momentum: Float, weightDecay: Float
    private var buffers: [[Float]?]

    /// - Throws: if the learning rate is not positive, momentum not in [0, 1) or the weight
    ///   decay negative.
    public init(_ parameters: [Parameter], learningRate: Float, momentum: Float = 0,
                weightDecay: Float = 0) throws {
        try SGD.check(learningRate > 0 && learningRate.isFinite, "SGD", "learning rate must be positive, got \(learningRate)")
        try SGD.check(momentum >= 0 && momentum < 1, "SGD", "momentum must be in [0, 1), got \(momentum)")
        try SGD.check(weightDecay >= 0 && weightDecay.isFinite, "SGD", "weight decay must be >= 0, got \(weightDecay)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        buffers = Array(repeating: nil, count: parameters.count)
    }

    public func step() {
        let lr = learningRate, mu = momentum, wd = weightDecay
        for (i, param) in parameters.enumerated() {
            if mu == 0 {
                param.update { p, g, n in for j in 0..<n { p[j] -= lr * (g[j] + wd * p[j]) } }
                continue
            }
            let first = buffers[i] == nil
            if first { buffers[i] = [Float](repeating: 0, count: param.value.count) }
            buffers[i]!.withUnsafeMutableBufferPointer { b in
                param.update { p, g, n in
                    for j in 0..<n {
                        let d = g[j] + wd * p[j]
                        b[j] = first ? d : mu * b[j] + d
                        p[j] -= lr * b[j]
                    }
                }
            }
        }
    }
}
