import Foundation

/// Adam (Kingma & Ba 2015) with bias correction, as in PyTorch:
/// `m = β1·m + (1-β1)·g`, `v = β2·v + (1-β2)·g²`,
/// `p -= lr · (m / (1-β1^t)) / (sqrt(v / (1-β2^t)) + ε)`.
/// Weight decay is either added to the gradient (`g + wd · p`, PyTorch's `Adam`) or,
/// with `decoupled: true`, applied to the weights (`p *= 1 - lr · wd`, PyTorch's `AdamW`).
///
/// As in PyTorch, a parameter without a gradient is skipped by `step()` and `t` counts the
/// steps that updated *that* parameter, so one left out of some steps (an embedding row
/// block not used, a frozen head) gets the same bias correction as it would in PyTorch.
public final class Adam: Optimizer {
    public let parameters: [Parameter]
    public var learningRate: Float
    public let beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float
    public let decoupled: Bool
    /// The number of `step()` calls.
    public private(set) var stepCount = 0
    /// Per parameter: the steps that updated it (its `t` in the bias correction).
    public private(set) var parameterStepCounts: [Int]
    private var moments: [(m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>)?]

    /// - Throws: if a hyperparameter is out of range (learning rate and epsilon positive,
    ///   betas in [0, 1), weight decay >= 0).
    public init(_ parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0,
                decoupled: Bool = false) throws {
        try Adam.check(learningRate > 0 && learningRate.isFinite, "Adam", "learning rate must be positive, got \(learningRate)")
        try Adam.check(beta1 >= 0 && beta1 < 1, "Adam", "beta1 must be in [0, 1), got \(beta1)")
        try Adam.check(beta2 >= 0 && beta2 < 1, "Adam", "beta2 must be in [0, 1), got \(beta2)")
        try Adam.check(epsilon > 0, "Adam", "epsilon must be positive, got \(epsilon)")
        try Adam.check(weightDecay >= 0 && weightDecay.isFinite, "Adam", "weight decay must be >= 0, got \(weightDecay)")
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        moments = Array(repeating: nil, count: parameters.count)
        parameterStepCounts = Array(repeating: 0, count: parameters.count)
    }

    deinit {
        for case let (m, v)? in moments { m.deallocate(); v.deallocate() }
    }

    public func step() {
        stepCount += 1
        let b1 = beta1, b2 = beta2, eps = epsilon
        let l2 = decoupled ? 0 : weightDecay
        let shrink = decoupled ? 1 - learningRate * weightDecay : 1
        for (i, param) in parameters.enumerated() {
            guard param.grad != nil else { continue }
            parameterStepCounts[i] += 1
            let t = Float(parameterStepCounts[i])
            let stepSize = learningRate / (1 - Foundation.pow(b1, t))
            let rootCorrection = 1 / (1 - Foundation.pow(b2, t)).squareRoot()
            if moments[i] == nil {
                let n = param.value.count
                let m = UnsafeMutablePointer<Float>.allocate(capacity: n)
                let v = UnsafeMutablePointer<Float>.allocate(capacity: n)
                m.initialize(repeating: 0, count: n)
                v.initialize(repeating: 0, count: n)
                moments[i] = (m, v)
            }
            guard let (m, v) = moments[i] else { continue }
            param.update { p, g, n in
                Parallel.forRanges(n, costPerItem: 12) { range in
                    Adam.kernel(p, g, m, v, range, b1, b2, eps, l2, shrink, stepSize, rootCorrection)
                }
            }
        }
    }

    /// The update of elements `range`, eight lanes at a time (the loop the step spends
    /// its time in: about 7 memory streams per parameter).
    @inline(__always)
    static func kernel(_ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>,
                       _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>,
                       _ range: Range<Int>, _ b1: Float, _ b2: Float, _ eps: Float, _ l2: Float,
                       _ shrink: Float, _ stepSize: Float, _ rootCorrection: Float) {
        typealias V = SIMD8<Float>
        var j = range.lowerBound
        while j + 8 <= range.upperBound {
            let pj = UnsafeRawPointer(p + j).loadUnaligned(as: V.self)
            let gj = UnsafeRawPointer(g + j).loadUnaligned(as: V.self) + l2 * pj
            let mj = b1 * UnsafeRawPointer(m + j).loadUnaligned(as: V.self) + (1 - b1) * gj
            let vj = b2 * UnsafeRawPointer(v + j).loadUnaligned(as: V.self) + (1 - b2) * gj * gj
            UnsafeMutableRawPointer(m + j).storeBytes(of: mj, as: V.self)
            UnsafeMutableRawPointer(v + j).storeBytes(of: vj, as: V.self)
            let update = shrink * pj - stepSize * mj / (FastMath.sqrt(vj) * rootCorrection + eps)
            UnsafeMutableRawPointer(p + j).storeBytes(of: update, as: V.self)
            j += 8
        }
        while j < range.upperBound {
            let gj = g[j] + l2 * p[j]
            let mj = b1 * m[j] + (1 - b1) * gj
            let vj = b2 * v[j] + (1 - b2) * gj * gj
            m[j] = mj
            v[j] = vj
            p[j] = shrink * p[j] - stepSize * mj / (FastMath.sqrt(vj) * rootCorrection + eps)
            j += 1
        }
    }
}
