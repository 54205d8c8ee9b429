/// One node of the autodiff graph: the op that produced a tensor (with whatever it saved
/// for its backward rule) and the nodes of its inputs. A leaf (a tensor made with
/// `requiringGrad()`) has no op and accumulates its gradient in `grad`.
final class GradNode {
    /// The recorded op; `nil` for a leaf, and cleared once `backward()` has used it.
    var op: GradOp?
    /// The nodes of the op's inputs, aligned with the gradients its VJP returns
    /// (`nil` for inputs that do not require a gradient).
    var inputs: [GradNode?]
    /// The shape of the tensor this node stands for.
    let shape: [Int]
    /// For leaves: the accumulated gradient. For inner nodes: the gradient summed so far
    /// during one `backward()` pass.
    var grad: Tensor?
    let isLeaf: Bool

    init(leafShape shape: [Int]) {
        self.shape = shape
        op = nil
        inputs = []
        isLeaf = true
    }

    init(op: GradOp, inputs: [GradNode?], shape: [Int]) {
        self.op = op
        self.inputs = inputs
        self.shape = shape
        isLeaf = false
    }
}

/// Whether ops record autodiff nodes. Turned off inside `withNoGrad`.
/// Process-wide: do not train on several threads at once.
nonisolated(unsafe) var gradRecordingEnabled = true

/// Runs `body` without recording autodiff nodes (evaluation, optimizer updates), like
/// `torch.no_grad()`. Nested scopes are fine.
public func withNoGrad<T>(_ body: () throws -> T) rethrows -> T {
    let saved = gradRecordingEnabled
    gradRecordingEnabled = false
    defer { gradRecordingEnabled = saved }
    return try body()
}

/// Whether autodiff recording is on (false inside `withNoGrad`).
public var isGradEnabled: Bool { gradRecordingEnabled }

extension Tensor {
    /// Attaches a node for `op` to `out` when recording is on and any input requires a
    /// gradient; otherwise returns `out` unchanged. Every differentiable op ends with this.
    func record(_ out: Tensor, _ op: @autoclosure () -> GradOp, _ inputs: [Tensor]) -> Tensor {
        Tensor.record(out, op(), inputs)
    }

    static func record(_ out: Tensor, _ op: @autoclosure () -> GradOp, _ inputs: [Tensor]) -> Tensor {
        guard gradRecordingEnabled, inputs.contains(where: { $0.node != nil }) else { return out }
        var result = out
        result.node = GradNode(op: op(), inputs: inputs.map(\.node), shape: out.shape)
        return result
    }
}
