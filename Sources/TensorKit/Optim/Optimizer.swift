/// An optimizer updates parameters from their gradients. Concrete optimizers implement
/// only the per-parameter update rule (`SGD`, `Adam`); parameters without a gradient
/// are skipped.
public protocol Optimizer: AnyObject {
    /// The parameters being optimised.
    var parameters: [Parameter] { get }
    /// The step size.
    var learningRate: Float { get set }
    /// Applies one update to every parameter that has a gradient.
    func step()
}

extension Optimizer {
    /// Forgets the gradients of every parameter (call before each backward pass).
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// Checks a hyperparameter at construction, with a message naming it.
    static func check(_ ok: Bool, _ optimizer: String, _ what: String) throws {
        if !ok { throw TensorError(optimizer, what) }
    }
}

/// Scales all gradients so their joint L2 norm is at most `maxNorm` (PyTorch's
/// `clip_grad_norm_`), and returns the norm before clipping.
/// - Throws: if `maxNorm` is not positive.
@discardableResult
public func clipGradientNorm(_ parameters: [Parameter], maxNorm: Float) throws -> Float {
    guard maxNorm > 0, maxNorm.isFinite else {
        throw TensorError("clipGradientNorm", "maxNorm must be positive and finite, got \(maxNorm)")
    }
    var total: Double = 0
    for p in parameters {
        p.grad?.withUnsafeBufferPointer { g in for v in g { total += Double(v) * Double(v) } }
    }
    let norm = Float(total.squareRoot())
    if norm > maxNorm {
        let scale = maxNorm / (norm + 1e-6)
        for p in parameters { if let g = p.grad { p.stored.setGrad(g.detached() * scale) } }
    }
    return norm
}

/// Limits every gradient element to `[-maxValue, maxValue]` (PyTorch's `clip_grad_value_`).
/// - Throws: if `maxValue` is not positive.
public func clipGradientValue(_ parameters: [Parameter], maxValue: Float) throws {
    guard maxValue > 0 else { throw TensorError("clipGradientValue", "maxValue must be positive, got \(maxValue)") }
    for p in parameters {
        if let g = p.grad { p.stored.setGrad(try g.detached().clamped(-maxValue, maxValue)) }
    }
}

extension Parameter {
    /// Runs `body(value, gradient, count)` on raw buffers for an in-place update (the
    /// value's storage is copied first only if something else still shares it).
    func update(_ body: (UnsafeMutablePointer<Float>, UnsafePointer<Float>, Int) -> Void) {
        guard let g = grad else { return }
        g.withUnsafeBufferPointer { gp in
            stored.withUnsafeMutableBufferPointer { p in
                if let pb = p.baseAddress, let gb = gp.baseAddress { body(pb, gb, p.count) }
            }
        }
    }
}
