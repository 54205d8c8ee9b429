/// Anything with parameters: layers and models built from them. A model lists its own
/// parameters and its sub-modules; names, training mode and gradient zeroing follow
/// from that, as in micrograd's `Module.parameters()` and PyTorch's `named_parameters()`.
///
/// ```swift
/// final class MLP: Layer {
///     let hidden: Linear, output: Linear
///     var isTraining = true
///     var children: [(name: String, module: Module)] { [("hidden", hidden), ("output", output)] }
///     func callAsFunction(_ x: Tensor) throws -> Tensor { try output(hidden(x).relu()) }
/// }
/// ```
public protocol Module: AnyObject {
    /// The parameters this module owns directly (not those of its children).
    var ownParameters: [(name: String, parameter: Parameter)] { get }
    /// Non-trainable state saved with the model (e.g. batch-norm running statistics).
    var ownBuffers: [(name: String, parameter: Parameter)] { get }
    /// The sub-modules, each with the name that prefixes its parameters.
    var children: [(name: String, module: Module)] { get }
    /// Training mode (dropout and batch norm behave differently in evaluation).
    var isTraining: Bool { get set }
}

/// A module that maps one tensor to another.
public protocol Layer: Module {
    /// The layer applied to `input`.
    func callAsFunction(_ input: Tensor) throws -> Tensor
}

extension Module {
    public var ownParameters: [(name: String, parameter: Parameter)] { [] }
    public var ownBuffers: [(name: String, parameter: Parameter)] { [] }
    public var children: [(name: String, module: Module)] { [] }

    /// Every parameter of this module and its descendants, with dotted names
    /// (`"encoder.0.weight"`), in a stable order.
    public var namedParameters: [(name: String, parameter: Parameter)] {
        collect { $0.ownParameters }
    }

    /// Parameters and buffers together: what `save(to:)` writes.
    public var namedState: [(name: String, parameter: Parameter)] {
        collect { $0.ownParameters + $0.ownBuffers }
    }

    /// Every parameter, in the order of `namedParameters`.
    public var parameters: [Parameter] { namedParameters.map(\.parameter) }

    /// The total number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.value.count } }

    /// Sets training mode on this module and all its descendants.
    public func train(_ on: Bool = true) {
        isTraining = on
        for child in children { child.module.train(on) }
    }

    /// Evaluation mode (same as `train(false)`).
    public func eval() { train(false) }

    /// Forgets the gradients of every parameter.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    private func collect(_ own: (Module) -> [(name: String, parameter: Parameter)]) -> [(name: String, parameter: Parameter)] {
        var result = own(self)
        for (prefix, child) in children {
            for (name, p) in child.collect(own) { result.append((prefix + "." + name, p)) }
        }
        return result
    }
}
