import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// `Loss`: each function returns a rank-0 tensor, differentiable with respect to the prediction.
    static func registerLosses(in registry: Registry) {
        let loss = registry.type("Loss", doc: "Loss functions. Each returns a rank-0 tensor (differentiable with respect to the prediction) and throws when shapes do not match.")
        loss.staticMethod("mse(_ prediction: Tensor, _ target: Tensor) throws -> Tensor", doc: "Mean squared error `mean((prediction - target)^2)`.") { args in
            try Loss.mse(try args.get(0), try args.get(1)).scriptValue
        }
        loss.staticMethod("bce(probabilities p: Tensor, targets t: Tensor) throws -> Tensor",
                          doc: "Binary cross-entropy on probabilities in [0, 1]; prefer `bceWithLogits` when the model's last step is a sigmoid.") { args in
            try Loss.bce(probabilities: try args.get(0), targets: try args.get(1)).scriptValue
        }
        loss.staticMethod("bceWithLogits(_ logits: Tensor, targets: Tensor) throws -> Tensor",
                          doc: "Binary cross-entropy on logits, computed stably (PyTorch's `BCEWithLogitsLoss`).") { args in
            try Loss.bceWithLogits(try args.get(0), targets: try args.get(1)).scriptValue
        }
        loss.staticMethod("multinomialNLL(logits: Tensor, targets: SparseMatrix) throws -> Tensor",
                          doc: "`-mean_i Σ_j t_ij · logSoftmax(logits)_ij` with sparse targets (never densified).") { args in
            try Loss.multinomialNLL(logits: try args.get(0), targets: try args.get(1, as: SparseMatrix.self)).scriptValue
        }
        loss.staticMethod("multinomialNLL(logits: Tensor, targets: Tensor) throws -> Tensor",
                          doc: "The same multinomial log-likelihood with dense targets.") { args in
            try Loss.multinomialNLL(logits: try args.get(0), targets: try args.get(1, as: Tensor.self)).scriptValue
        }
        loss.staticMethod("gaussianKL(mean: Tensor, logVariance: Tensor) throws -> Tensor",
                          doc: "The KL divergence of N(mean, e^logVariance) from N(0, I), summed over the latent axis and averaged over the batch.") { args in
            try Loss.gaussianKL(mean: try args.get(0), logVariance: try args.get(1)).scriptValue
        }
        loss.staticMethod("l2(_ tensors: [Tensor]) throws -> Tensor", doc: "The L2 penalty `Σ_t Σ_i t_i^2` over the given tensors (multiply by your λ).") { args in
            try Loss.l2(try args.get(0)).scriptValue
        }
    }
}
