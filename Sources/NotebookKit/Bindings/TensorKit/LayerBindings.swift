import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// Linear, Embedding, Dropout, BatchNorm1d, Activation and Sequential. Layers are classes
    /// (`referenceType`); call one as `layer.callAsFunction(x)`, which is also valid Swift.
    static func registerLayers(in registry: Registry) {
        let linear = registry.type("Linear", doc: "A fully connected layer: `y = x · weight + bias`.").referenceType().conforms(to: "Layer", "Module")
        addModuleRows(to: linear)
        addLayerCall(to: linear)
        linear.initializer("init(weight: Tensor, bias: Tensor?) throws", doc: "A layer with the given weight [in, out] and optional bias [out].") { args in
            try Linear(weight: try args.get(0), bias: try args.get(1)).scriptValue
        }
        linear.initializer("init(_ inputSize: Int, _ outputSize: Int, bias: Bool = true, generator: inout SeededGenerator) throws",
                           doc: "A layer with Glorot-uniform weights drawn from `generator` (pass `&rng`) and a zero bias.") { args in
            try withGenerator(args, 3) { g in
                try Linear(try args.get(0), try args.get(1), bias: try args.get(2), generator: &g).scriptValue
            }
        }
        linear.readOnly("weight: Parameter", \Linear.weight, doc: "[inputSize, outputSize].")
        linear.readOnly("bias: Parameter?", \Linear.bias, doc: "[outputSize], or nil for a layer without bias.")
        linear.method("callAsFunction(_ input: SparseMatrix) throws -> Tensor", doc: "The layer applied to a sparse batch, without densifying it.") { this, args in
            try Linear.fromScript(this)(try args.get(0, as: SparseMatrix.self)).scriptValue
        }

        let embedding = registry.type("Embedding", doc: "A lookup table: row `i` of `weight` is the vector of index `i`.").referenceType().conforms(to: "Module")
        addModuleRows(to: embedding)
        embedding.initializer("init(_ count: Int, _ dimension: Int, generator: inout SeededGenerator) throws",
                              doc: "A table of `count` vectors of `dimension` values drawn from N(0, 1) by `generator` (pass `&rng`).") { args in
            try withGenerator(args, 2) { g in
                try Embedding(try args.get(0), try args.get(1), generator: &g).scriptValue
            }
        }
        embedding.readOnly("weight: Parameter", \Embedding.weight, doc: "[count, dimension].")
        embedding.method("callAsFunction(_ indices: [Int]) throws -> Tensor", doc: "The vectors of `indices`, shape [indices.count, dimension].") { this, args in
            try Embedding.fromScript(this)(try args.get(0, as: [Int].self)).scriptValue
        }

        let dropout = registry.type("Dropout", doc: "Inverted dropout: in training, each element is zeroed with probability `rate` and the survivors are scaled by `1 / (1 - rate)`.")
            .referenceType().conforms(to: "Layer", "Module")
        addModuleRows(to: dropout)
        addLayerCall(to: dropout)
        dropout.initializer("init(rate: Float, seed: UInt64 = 0) throws", doc: "A dropout layer with its own generator seeded by `seed`.") { args in
            try Dropout(rate: try args.get(0), seed: try args.get(1)).scriptValue
        }
        dropout.readOnly("rate: Float", \Dropout.rate, doc: "The probability of dropping an element, in [0, 1).")
        dropout.method("callAsFunction(_ input: SparseMatrix) -> SparseMatrix", doc: "Dropout on the stored values of a sparse batch; the result keeps the sparsity pattern.") { this, args in
            try Dropout.fromScript(this)(try args.get(0, as: SparseMatrix.self)).scriptValue
        }

        let batchNorm = registry.type("BatchNorm1d", doc: "Batch normalisation over the batch axis of [batch, features] inputs.")
            .referenceType().conforms(to: "Layer", "Module")
        addModuleRows(to: batchNorm)
        addLayerCall(to: batchNorm)
        batchNorm.initializer("init(_ features: Int, momentum: Float = 0.1, epsilon: Float = 1e-5) throws", doc: "A batch-norm layer over `features` features.") { args in
            try BatchNorm1d(try args.get(0), momentum: try args.get(1), epsilon: try args.get(2)).scriptValue
        }
        batchNorm.readOnly("gamma: Parameter", \BatchNorm1d.gamma, doc: "Scale, [features], initialised to 1.")
        batchNorm.readOnly("beta: Parameter", \BatchNorm1d.beta, doc: "Shift, [features], initialised to 0.")
        batchNorm.readOnly("runningMean: Parameter", \BatchNorm1d.runningMean, doc: "Running mean (a buffer: saved, not trained).")
        batchNorm.readOnly("runningVariance: Parameter", \BatchNorm1d.runningVariance, doc: "Running variance (a buffer: saved, not trained).")
        batchNorm.readOnly("momentum: Float", \BatchNorm1d.momentum, doc: "How far the running statistics move towards each batch's.")
        batchNorm.readOnly("epsilon: Float", \BatchNorm1d.epsilon, doc: "Added to the variance before the square root.")

        let activation = registry.type("Activation", doc: "A parameter-free layer applying an elementwise function (ReLU, tanh, sigmoid, ...).")
            .referenceType().conforms(to: "Layer", "Module")
        addModuleRows(to: activation)
        addLayerCall(to: activation)
        activation.initializer("init(_ function: UnaryFunction)", doc: "A layer applying `function` to every element.") { args in
            Activation(try args.get(0)).scriptValue
        }
        activation.readOnly("function: UnaryFunction", \Activation.function, doc: "The function applied to every element.")
        activation.staticProperty("relu: Activation", doc: "`max(x, 0)`.") { Activation.relu.scriptValue }
        activation.staticProperty("tanh: Activation", doc: "Hyperbolic tangent.") { Activation.tanh.scriptValue }
        activation.staticProperty("sigmoid: Activation", doc: "Logistic sigmoid.") { Activation.sigmoid.scriptValue }

        let sequential = registry.type("Sequential", doc: "Layers applied one after another; parameters are named by position (`\"0.weight\"`).")
            .referenceType().conforms(to: "Layer", "Module")
        addModuleRows(to: sequential)
        addLayerCall(to: sequential)
        let layers: (Arguments) throws -> [any Layer] = { args in
            try args.array(0).enumerated().map { try layer($1, "Sequential(_:): layer \($0)") }
        }
        sequential.initializer("init(_ layers: [Layer])", doc: "The layers in order.") { args in
            Sequential(try layers(args)).scriptValue
        }
        sequential.initializer("init(_ layers: Layer...)", doc: "The layers in order.") { args in
            Sequential(try layers(args)).scriptValue
        }
        sequential.property("layers: [Layer]", doc: "The layers in order.") { this in
            .array(try Sequential.fromScript(this).layers.map(boxed))
        }
    }
}
