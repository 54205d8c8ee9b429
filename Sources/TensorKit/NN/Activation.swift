/// A parameter-free layer applying an elementwise function (ReLU, tanh, sigmoid, ...).
///
/// ```swift
/// let model = Sequential(try Linear(2, 16, generator: &rng), Activation.relu, try Linear(16, 1, generator: &rng))
/// ```
public final class Activation: Layer {
    public let function: UnaryFunction
    public var isTraining = true

    /// A layer applying `function` to every element.
    public init(_ function: UnaryFunction) { self.function = function }

    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.apply(function) }

    /// `max(x, 0)`.
    public static var relu: Activation { Activation(.relu) }
    /// Hyperbolic tangent.
    public static var tanh: Activation { Activation(.tanh) }
    /// Logistic sigmoid.
    public static var sigmoid: Activation { Activation(.sigmoid) }
}

/// Layers applied one after another; parameters are named by position (`"0.weight"`),
/// as in PyTorch's `nn.Sequential`.
public final class Sequential: Layer {
    public let layers: [Layer]
    public var isTraining = true

    /// The layers in order.
    public init(_ layers: [Layer]) { self.layers = layers }
    /// The layers in order.
    public convenience init(_ layers: Layer...) { self.init(layers) }

    public var children: [(name: String, module: Module)] {
        layers.enumerated().map { (String($0.offset), $0.element as Module) }
    }

    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try layers.reduce(input) { try $1($0) }
    }
}
