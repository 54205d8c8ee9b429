import Foundation
import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// A receiver that is a TensorKit module.
    static func module(_ v: Value, _ what: String) throws -> any Module {
        guard let m = v.host((any Module).self) else { throw BindingError("\(what): expected a Module, got \(v.typeName)") }
        return m
    }

    /// A receiver or argument that is a TensorKit layer.
    static func layer(_ v: Value, _ what: String) throws -> any Layer {
        guard let l = v.host((any Layer).self) else {
            throw BindingError("\(what): expected a library Layer (Linear, Activation, Dropout, BatchNorm1d, Sequential), got \(v.typeName)")
        }
        return l
    }

    /// The members every `Module` has (requirements and extension methods), on `type`.
    static func addModuleRows(to type: TypeBinding) {
        let name = type.name
        type.property("ownParameters: [(name: String, parameter: Parameter)]", doc: "The parameters this module owns directly (not those of its children).") { this in
            namedParameters(try module(this, "\(name).ownParameters").ownParameters)
        }
        type.property("ownBuffers: [(name: String, parameter: Parameter)]", doc: "Non-trainable state saved with the model (e.g. batch-norm running statistics).") { this in
            namedParameters(try module(this, "\(name).ownBuffers").ownBuffers)
        }
        type.property("children: [(name: String, module: Module)]", doc: "The sub-modules, each with the name that prefixes its parameters.") { this in
            namedModules(try module(this, "\(name).children").children)
        }
        type.property("isTraining: Bool", doc: "Training mode (dropout and batch norm behave differently in evaluation).", get: { this in
            .bool(try module(this, "\(name).isTraining").isTraining)
        }, set: { this, newValue in
            let m = try module(this, "\(name).isTraining")
            m.isTraining = try Bool.fromScript(newValue)
        })
        type.property("namedParameters: [(name: String, parameter: Parameter)]", doc: "Every parameter of this module and its descendants, with dotted names (`\"encoder.0.weight\"`), in a stable order.") { this in
            namedParameters(try module(this, "\(name).namedParameters").namedParameters)
        }
        type.property("namedState: [(name: String, parameter: Parameter)]", doc: "Parameters and buffers together: what `save(to:)` writes.") { this in
            namedParameters(try module(this, "\(name).namedState").namedState)
        }
        type.property("parameters: [Parameter]", doc: "Every parameter, in the order of `namedParameters`.") { this in
            try module(this, "\(name).parameters").parameters.scriptValue
        }
        type.property("parameterCount: Int", doc: "The total number of trainable scalars.") { this in
            .int(try module(this, "\(name).parameterCount").parameterCount)
        }
        type.method("train(_ on: Bool = true)", doc: "Sets training mode on this module and all its descendants.") { this, args in
            try module(this, "\(name).train(_:)").train(try args.get(0))
            return .void
        }
        type.method("eval()", doc: "Evaluation mode (same as `train(false)`).") { this, _ in
            try module(this, "\(name).eval()").eval()
            return .void
        }
        type.method("zeroGrad()", doc: "Forgets the gradients of every parameter.") { this, _ in
            try module(this, "\(name).zeroGrad()").zeroGrad()
            return .void
        }
        type.method("save(to url: URL) throws", doc: "Writes `namedState` (parameters and buffers) as a safetensors file.") { this, args in
            try module(this, "\(name).save(to:)").save(to: try args.get(0, as: URL.self))
            return .void
        }
        type.method("load(from url: URL) throws", doc: "Reads a safetensors file written by `save(to:)` into this module's parameters and buffers.") { this, args in
            try module(this, "\(name).load(from:)").load(from: try args.get(0, as: URL.self))
            return .void
        }
    }

    /// `callAsFunction(_ input: Tensor)` of a layer (call it as `layer.callAsFunction(x)`).
    static func addLayerCall(to type: TypeBinding) {
        let name = type.name
        type.method("callAsFunction(_ input: Tensor) throws -> Tensor", doc: "The layer applied to `input`.") { this, args in
            let l = try layer(this, "\(name).callAsFunction(_:)")
            let input = try args.get(0, as: Tensor.self)
            return try l.callAsFunction(input).scriptValue
        }
    }

    /// The `Module` and `Layer` protocols, and `Parameter`.
    static func registerModules(in registry: Registry) {
        let module = registry.type("Module", doc: "Anything with parameters: layers and models built from them.").referenceType()
        addModuleRows(to: module)
        let layer = registry.type("Layer", doc: "A module that maps one tensor to another.").referenceType().conforms(to: "Module")
        addModuleRows(to: layer)
        addLayerCall(to: layer)

        registry.type("Parameter", doc: "A trainable tensor owned by a layer: a leaf of the autodiff graph whose value the optimizers update in place.")
            .referenceType()
            .initializer("init(_ value: Tensor)", doc: "Wraps `value` as a trainable leaf.") { args in
                Parameter(try args.get(0)).scriptValue
            }
            .field("value: Tensor", \Parameter.value, doc: "The current value. Assigning a new tensor makes it the new leaf (its gradient starts empty).")
            .readOnly("grad: Tensor?", \Parameter.grad, doc: "The gradient accumulated by `backward()` calls since the last `zeroGrad()`.")
            .readOnly("shape: [Int]", \Parameter.shape, doc: "The shape of the value.")
            .method("zeroGrad()", doc: "Forgets the accumulated gradient.") { this, _ in
                try Parameter.fromScript(this).zeroGrad()
                return .void
            }
    }
}
