import Foundation

/// Elementwise math functions (all differentiable).
public enum UnaryFunction: Sendable, Equatable {
    case exp, log, tanh, sigmoid, relu, sqrt, abs
    /// `x^p` for a fixed exponent.
    case pow(Float)
    /// `min(max(x, low), high)`.
    case clamp(Float, Float)
}

extension Tensor {
    /// Applies `function` to every element (differentiable).
    public func apply(_ function: UnaryFunction) -> Tensor {
        var out = Tensor(uninitializedShape: shape)
        let a = storage.pointer, o = out.storage.pointer, n = count
        switch function {
        case .exp: for i in 0..<n { o[i] = Foundation.exp(a[i]) }
        case .log: for i in 0..<n { o[i] = Foundation.log(a[i]) }
        case .tanh: for i in 0..<n { o[i] = Foundation.tanh(a[i]) }
        case .sigmoid:
            // Stable in both tails: never exponentiates a large positive number.
            for i in 0..<n {
                let x = a[i]
                if x >= 0 { o[i] = 1 / (1 + Foundation.exp(-x)) } else {
                    let e = Foundation.exp(x)
                    o[i] = e / (1 + e)
                }
            }
        case .relu: for i in 0..<n { o[i] = a[i] <= 0 ? 0 : a[i] }   // NaN stays NaN
        case .sqrt: for i in 0..<n { o[i] = FastMath.sqrt(a[i]) }
        case .abs: for i in 0..<n { o[i] = Swift.abs(a[i]) }
        case .pow(let p):
            if p == 2 { for i in 0..<n { o[i] = a[i] * a[i] } } else {
                for i in 0..<n { o[i] = Foundation.pow(a[i], p) }
            }
        case .clamp(let low, let high):
            for i in 0..<n { o[i] = Swift.min(Swift.max(a[i], low), high) }
        }
        let keepsOutput: Bool
        switch function {
        case .exp, .tanh, .sigmoid, .sqrt: keepsOutput = true
        default: keepsOutput = false
        }
        out = record(out, .unary(function, input: keepsOutput ? nil : detached(),
                                  output: keepsOutput ? out.detached() : nil), [self])
        return out
    }

    /// `e^x` elementwise.
    public func exp() -> Tensor { apply(.exp) }
    /// Natural logarithm elementwise (`-inf` at 0, NaN below).
    public func log() -> Tensor { apply(.log) }
    /// Hyperbolic tangent elementwise.
    public func tanh() -> Tensor { apply(.tanh) }
    /// `1 / (1 + e^-x)` elementwise, computed stably.
    public func sigmoid() -> Tensor { apply(.sigmoid) }
    /// `max(x, 0)` elementwise; NaN stays NaN (as in PyTorch).
    public func relu() -> Tensor { apply(.relu) }
    /// Square root elementwise.
    public func sqrt() -> Tensor { apply(.sqrt) }
    /// Absolute value elementwise.
    public func abs() -> Tensor { apply(.abs) }
    /// `x^exponent` elementwise.
    public func pow(_ exponent: Float) -> Tensor { apply(.pow(exponent)) }
    /// Every element limited to `low...high`.
    /// - Throws: if `low > high`.
    public func clamped(_ low: Float, _ high: Float) throws -> Tensor {
        guard low <= high else { throw TensorError("clamped", "expected low <= high, got \(low) and \(high)") }
        return apply(.clamp(low, high))
    }
}
