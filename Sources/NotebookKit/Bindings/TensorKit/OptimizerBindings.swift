import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// A receiver that is a TensorKit optimizer.
    static func optimizer(_ v: Value, _ what: String) throws -> any Optimizer {
        guard let o = v.host((any Optimizer).self) else { throw BindingError("\(what): expected an Optimizer, got \(v.typeName)") }
        return o
    }

    /// The members every `Optimizer` has, on `type`.
    static func addOptimizerRows(to type: TypeBinding) {
        let name = type.name
        type.property("learningRate: Float", doc: "The step size.", get: { this in
            .float(try optimizer(this, "\(name).learningRate").learningRate)
        }, set: { this, newValue in
            let o = try optimizer(this, "\(name).learningRate")
            o.learningRate = try Float.fromScript(newValue)
        })
        type.property("parameters: [Parameter]", doc: "The parameters being optimised.") { this in
            try optimizer(this, "\(name).parameters").parameters.scriptValue
        }
        type.method("step()", doc: "Applies one update to every parameter that has a gradient.") { this, _ in
            try optimizer(this, "\(name).step()").step()
            return .void
        }
        type.method("zeroGrad()", doc: "Forgets the gradients of every parameter (call before each backward pass).") { this, _ in
            try optimizer(this, "\(name).zeroGrad()").zeroGrad()
            return .void
        }
    }

    /// The `Optimizer` protocol, `SGD`, `Adam` and gradient clipping.
    static func registerOptimizers(in registry: Registry) {
        let protocolType = registry.type("Optimizer", doc: "An optimizer updates parameters from their gradients.").referenceType()
        addOptimizerRows(to: protocolType)

        let sgd = registry.type("SGD", doc: "Stochastic gradient descent with optional momentum and L2 weight decay (PyTorch's rule).")
            .referenceType().conforms(to: "Optimizer")
        addOptimizerRows(to: sgd)
        sgd.initializer("init(_ parameters: [Parameter], learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) throws",
                        doc: "An SGD optimizer over `parameters`.") { args in
            try SGD(try args.get(0), learningRate: try args.get(1), momentum: try args.get(2), weightDecay: try args.get(3)).scriptValue
        }
        sgd.readOnly("momentum: Float", \SGD.momentum, doc: "The momentum factor in [0, 1).")
        sgd.readOnly("weightDecay: Float", \SGD.weightDecay, doc: "The L2 weight decay added to each gradient.")

        let adam = registry.type("Adam", doc: "Adam (Kingma & Ba 2015) with bias correction, as in PyTorch; AdamW with `decoupled: true`.")
            .referenceType().conforms(to: "Optimizer")
        addOptimizerRows(to: adam)
        adam.initializer("init(_ parameters: [Parameter], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0, decoupled: Bool = false) throws",
                         doc: "An Adam optimizer over `parameters`.") { args in
            try Adam(try args.get(0), learningRate: try args.get(1), beta1: try args.get(2), beta2: try args.get(3),
                     epsilon: try args.get(4), weightDecay: try args.get(5), decoupled: try args.get(6)).scriptValue
        }
        adam.readOnly("beta1: Float", \Adam.beta1, doc: "Decay rate of the first-moment estimate.")
        adam.readOnly("beta2: Float", \Adam.beta2, doc: "Decay rate of the second-moment estimate.")
        adam.readOnly("epsilon: Float", \Adam.epsilon, doc: "Added to the denominator for stability.")
        adam.readOnly("weightDecay: Float", \Adam.weightDecay, doc: "L2 weight decay (decoupled in AdamW).")
        adam.readOnly("decoupled: Bool", \Adam.decoupled, doc: "Whether weight decay is decoupled (AdamW).")
        adam.readOnly("stepCount: Int", \Adam.stepCount, doc: "The number of `step()` calls.")
        adam.readOnly("parameterStepCounts: [Int]", \Adam.parameterStepCounts, doc: "Per parameter: the steps that updated it (its `t` in the bias correction).")

        registry.function("clipGradientNorm(_ parameters: [Parameter], maxNorm: Float) throws -> Float",
                          doc: "Scales all gradients so their joint L2 norm is at most `maxNorm`, and returns the norm before clipping.") { args in
            try clipGradientNorm(try args.get(0), maxNorm: try args.get(1)).scriptValue
        }
        registry.function("clipGradientValue(_ parameters: [Parameter], maxValue: Float) throws",
                          doc: "Limits every gradient element to `[-maxValue, maxValue]` (PyTorch's `clip_grad_value_`).") { args in
            try clipGradientValue(try args.get(0), maxValue: try args.get(1))
            return .void
        }
    }
}
