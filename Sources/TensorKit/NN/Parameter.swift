/// A trainable tensor owned by a layer: a leaf of the autodiff graph whose value the
/// optimizers update in place. A class, so a layer and an optimizer see the same one.
public final class Parameter {
    /// The current value. Assigning a new tensor makes it the new leaf (its gradient
    /// starts empty).
    public var value: Tensor {
        get { stored }
        set { stored = newValue.detached().requiringGrad() }
    }
    var stored: Tensor

    /// Wraps `value` as a trainable leaf.
    public init(_ value: Tensor) {
        stored = value.detached().requiringGrad()
    }

    /// The gradient accumulated by `backward()` calls since the last `zeroGrad()`.
    public var grad: Tensor? { stored.grad }

    /// Forgets the accumulated gradient.
    public func zeroGrad() { stored.zeroGrad() }

    /// The shape of the value.
    public var shape: [Int] { stored.shape }
}
