/// Every differentiable op, with what its backward rule needs. The rules themselves are
/// one table: `GradOp.vjp` in `Gradients.swift`.
enum GradOp {
    case reshape(from: [Int])
}
