import TensorKit

/// The layers of `HybridVAE`: the item embedding table, the shared Dense(d → 1) of the
/// `.dense` approach, and a Mult-VAE encoder/decoder whose first layer reads n·d
/// (`.flatten`) or n (`.dense`) inputs.
///
/// The embedding block x'_u is never materialised: with W the first layer's weight,
/// - flatten: `x'_u · W = Σ_i x_ui Σ_k e_ik W[i·d + k] = x_u · M`, `M_i = Σ_k e_ik W[i·d + k]`;
/// - dense:   `Σ_i (x_ui (e_i·w) + c) W_i = x_u · (s ⊙ W) + c Σ_i W_i`, `s_i = e_i·w`;
/// so a batch costs one [n, hidden] product and one sparse product, whatever the batch
/// size, and gradients reach W, the embeddings and w through these expressions.
final class HybridVAENetwork: Module {
    let embedding: Embedding
    let reduce: Linear?
    let autoencoder: AutoencoderNetwork
    let approach: HybridVAE.Approach
    var isTraining = true

    init(embeddings: Tensor, approach: HybridVAE.Approach, hidden: [Int], latent: Int, seed: UInt64) throws {
        let (n, d) = (embeddings.shape[0], embeddings.shape[1])
        var rng = SeededGenerator(seed: seed &+ 3)
        embedding = try Embedding(n, d, generator: &rng)
        embedding.weight.value = embeddings
        reduce = approach == .dense ? try Linear(d, 1, generator: &rng) : nil
        autoencoder = try AutoencoderNetwork(encoderSizes: [approach == .flatten ? n * d : n] + hidden + [2 * latent],
                                             decoderSizes: [latent] + hidden.reversed() + [n], seed: seed)
        self.approach = approach
    }

    var children: [(name: String, module: Module)] {
        [("embedding", embedding)] + (reduce.map { [("reduce", $0)] } ?? []) + [("autoencoder", autoencoder)]
    }

    /// The encoder's output (mean and log-variance, unactivated) for normalised click rows.
    func encode(_ x: SparseMatrix) throws -> Tensor {
        var out = try firstLayer(x)
        for layer in autoencoder.encoder.dropFirst() { out = try layer(out.tanh()) }
        return out
    }

    /// The first encoder layer applied to the (implicit) embedding block of `x`.
    func firstLayer(_ x: SparseMatrix) throws -> Tensor {
        let first = autoencoder.encoder[0]
        let w = first.weight.value, e = embedding.weight.value
        let (n, d, h) = (e.shape[0], e.shape[1], w.shape[1])
        let merged: Tensor, bias: Tensor?
        switch approach {
        case .flatten:
            merged = try (try w.reshaped([n, d, h]) * (try e.reshaped([n, d, 1]))).sum(axis: 1)
            bias = first.bias?.value
        case .dense:
            guard let reduce else { throw ModelError("HybridVAE", "the dense approach has no reducing layer") }
            let slope = try e.matmul(reduce.weight.value)             // [n, 1]: e_i · w
            merged = try w * slope
            let shift = try w.sum(axis: 0) * (reduce.bias?.value ?? Tensor(scalar: 0))   // c Σ_i W_i
            bias = try first.bias.map { try $0.value + shift } ?? shift
        }
        return try SparseMatrix.linear(x, weight: merged, bias: bias)
    }
}
