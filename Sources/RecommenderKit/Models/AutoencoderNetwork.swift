import TensorKit

/// The multilayer perceptron shared by Mult-VAE and Mult-DAE: an encoder and a decoder,
/// each a stack of `Linear` layers with tanh between them (Liang et al.'s `vae_cf`).
/// The first encoder layer reads the sparse input without densifying it.
final class AutoencoderNetwork: Module {
    let encoder: [Linear]
    let decoder: [Linear]
    var isTraining = true

    /// Layers for the size lists `encoderSizes` ([items, ..., code]) and `decoderSizes`
    /// ([latent, ..., items]), Glorot-uniform initialised from `seed`.
    init(encoderSizes: [Int], decoderSizes: [Int], seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        func stack(_ sizes: [Int]) throws -> [Linear] {
            try zip(sizes, sizes.dropFirst()).map { try Linear($0, $1, generator: &rng) }
        }
        encoder = try stack(encoderSizes)
        decoder = try stack(decoderSizes)
    }

    var children: [(name: String, module: Module)] {
        encoder.enumerated().map { ("encoder.\($0.offset)", $0.element as Module) }
            + decoder.enumerated().map { ("decoder.\($0.offset)", $0.element as Module) }
    }

    /// The encoder applied to a sparse batch; tanh after every layer except the last,
    /// and after the last too when `activateLast` (the DAE's code is a tanh layer).
    func encode(_ input: SparseMatrix, activateLast: Bool) throws -> Tensor {
        var h = try encoder[0](input)
        for layer in encoder.dropFirst() { h = try layer(h.tanh()) }
        return activateLast ? h.tanh() : h
    }

    /// The decoder applied to a code; tanh between layers, raw logits out.
    func decode(_ code: Tensor) throws -> Tensor {
        var h = code
        for (i, layer) in decoder.enumerated() {
            h = try layer(i == 0 ? h : h.tanh())
        }
        return h
    }

    /// The weight matrices (not the biases): what Liang's L2 penalty covers.
    var weights: [Tensor] { (encoder + decoder).map(\.weight.value) }
}

extension Recommender {
    /// Scores computed chunk by chunk (`chunk` rows at a time) and stitched into one
    /// [history.rowCount, itemCount] tensor, so the activations of a large history never
    /// exist at once. Runs without recording gradients.
    func chunkedScores(_ history: SparseMatrix, chunk: Int = 2048,
                       _ body: (SparseMatrix) throws -> Tensor) throws -> Tensor {
        try checkHistory(history)
        if history.rowCount <= chunk { return try withNoGrad { try body(history) }.detached() }
        let n = itemCount
        var out = try Tensor.zeros([history.rowCount, n])
        for start in stride(from: 0, to: history.rowCount, by: chunk) {
            let end = min(history.rowCount, start + chunk)
            let part = try withNoGrad { try body(try history.rows(start..<end)) }
            out.withUnsafeMutableBufferPointer { o in
                part.withUnsafeBufferPointer { p in
                    (o.baseAddress! + start * n).update(from: p.baseAddress!, count: p.count)
                }
            }
        }
        return out
    }
}

extension AutoencoderNetwork {
    /// Every parameter by its dotted name: what the autoencoders save.
    var state: [String: Tensor] {
        Dictionary(uniqueKeysWithValues: namedState.map { ($0.name, $0.parameter.value) })
    }

    /// A network built by `make(items)` for the item count of a saved `state` (the rows of
    /// its first encoder weight), holding that state, in evaluation mode.
    static func restored(_ state: [String: Tensor], model: String,
                         make: (Int) throws -> AutoencoderNetwork) throws -> AutoencoderNetwork {
        guard let first = state["encoder.0.weight"], first.rank == 2, first.shape[0] > 0 else {
            throw ModelError("\(model).load", "the state has no 'encoder.0.weight' of shape [items, hidden]")
        }
        let network = try make(first.shape[0])
        try network.restore(state, model: model)
        network.eval()
        return network
    }

    /// Sets every parameter from `state` (keys as `namedState`), checking each shape first
    /// so a failed load changes nothing.
    func restore(_ state: [String: Tensor], model: String) throws {
        for (key, p) in namedState {
            guard let t = state[key] else { throw ModelError("\(model).load", "the state has no tensor '\(key)'") }
            guard t.shape == p.shape else {
                throw ModelError("\(model).load", "'\(key)' has shape \(t.shape), expected \(p.shape) (another configuration?)")
            }
        }
        for (key, p) in namedState { p.value = state[key]! }
    }
}

/// Checks the hyperparameters the two autoencoders share, naming the model.
func checkAutoencoder(_ model: String, hidden: [Int], code: Int, dropout: Float, learningRate: Float,
                      batchSize: Int, epochs: Int, l2: Float) throws {
    guard hidden.allSatisfy({ $0 > 0 }), code > 0 else {
        throw ModelError(model, "layer sizes must be positive, got hidden \(hidden) and code \(code)")
    }
    guard dropout >= 0, dropout < 1 else { throw ModelError(model, "dropout must be in [0, 1), got \(dropout)") }
    guard learningRate > 0, learningRate.isFinite else {
        throw ModelError(model, "learningRate must be positive, got \(learningRate)")
    }
    guard batchSize > 0, epochs > 0 else {
        throw ModelError(model, "batchSize and epochs must be positive, got \(batchSize) and \(epochs)")
    }
    guard l2 >= 0, l2.isFinite else { throw ModelError(model, "l2 must be >= 0, got \(l2)") }
}
