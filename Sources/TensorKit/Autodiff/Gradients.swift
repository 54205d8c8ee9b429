/// The vector-Jacobian products of every op, in one table (as tinygrad's `pm_gradient`).
/// Each rule maps the gradient of the op's output to the gradients of its inputs, in
/// the order the inputs were recorded. Rules run with recording off.
extension GradOp {
    func vjp(_ g: Tensor, shape: [Int]) throws -> [Tensor?] {
        switch self {
        case .reshape(let from):
            return [try g.reshaped(from)]
        }
    }
}
