/// Every differentiable op, with what its backward rule needs (saved tensors are detached
/// from the graph). The rules themselves are one table: `GradOp.vjp` in `Gradients.swift`.
enum GradOp {
    case reshape(from: [Int])
    /// Products and quotients save their operands; sums and differences only shapes.
    case binary(BinaryOperator, lhs: Tensor?, rhs: Tensor?, lhsShape: [Int], rhsShape: [Int])
    case affine(scale: Float)
    /// Saves the input or the output, whichever the rule needs.
    case unary(UnaryFunction, input: Tensor?, output: Tensor?)
    case sumAll(shape: [Int])
    case sumAxis(shape: [Int], axis: Int)
    /// max/min along an axis: the chosen index of every output element.
    case selectAxis(shape: [Int], axis: Int, indices: [Int])
    case matmul(Tensor, Tensor, Bool, Bool)
    case linear(Tensor, Tensor, hasBias: Bool)
    case transpose
    case gatherRows([Int], rowCount: Int)
    case concatenate(sizes: [Int], axis: Int)
    /// A slice starting at `start` along `axis`, whose input had `length` there.
    case slice(axis: Int, start: Int, length: Int)
    case logSoftmax(output: Tensor)
    case select(mask: Tensor, aShape: [Int], bShape: [Int])
    case sparseLinear(SparseMatrix, hasBias: Bool)
    /// `-mean_i Σ_j t_ij · logSoftmax(x)_ij` with sparse targets; saves x and the row
    /// log-sum-exps.
    case multinomial(logits: Tensor, logSumExp: [Float], targets: SparseMatrix)
    /// `-mean(t·log p + (1-t)·log(1-p))`, logs clamped at -100 (PyTorch's rule).
    case bce(probabilities: Tensor, targets: Tensor)
    /// `mean(max(x, 0) - x·t + log(1 + e^-|x|))`.
    case bceWithLogits(logits: Tensor, targets: Tensor)
}
