/// Reverse-mode differentiation: leaves, `backward()`, gradients and zeroing.
extension Tensor {
    /// Whether this tensor is part of the autodiff graph (a leaf that requires a gradient,
    /// or the result of an op on one).
    public var requiresGrad: Bool { node != nil }

    /// A leaf of the autodiff graph with the same values: after `backward()` on a result
    /// computed from it, its gradient is in `grad`. Copies of the returned tensor share
    /// the leaf (and so its gradient), like one PyTorch tensor object.
    public func requiringGrad() -> Tensor {
        Tensor(shape: shape, storage: storage, node: GradNode(leafShape: shape))
    }

    /// The gradient accumulated in this leaf by `backward()` calls, or `nil` if none yet.
    public var grad: Tensor? {
        guard let node, node.isLeaf else { return nil }
        return node.grad
    }

    /// Clears the accumulated gradient of this leaf (the next `backward()` starts from zero).
    public func zeroGrad() {
        if let node, node.isLeaf { node.grad = nil }
    }

    /// Sets the accumulated gradient of this leaf (used by gradient clipping).
    func setGrad(_ g: Tensor?) {
        if let node, node.isLeaf { node.grad = g }
    }

    /// Back-propagates from this tensor: every leaf it depends on gets the gradient of
    /// this tensor with respect to it added to its `grad`.
    ///
    /// The gradient flowing in is `seed`; it may be left out only for a tensor with one
    /// element (a scalar loss), where it is 1. As in PyTorch, a tensor with more elements
    /// needs an explicit seed (`backward(seed: Tensor.ones(shape))` for the sum's gradient).
    /// The graph's saved values are released afterwards, so call it once per forward pass.
    ///
    /// ```swift
    /// let w = try Tensor([[1, 2], [3, 4]]).requiringGrad()
    /// let loss = try (w * w).sum()
    /// try loss.backward()
    /// w.grad    // 2 * w
    /// ```
    /// - Throws: if the tensor does not require a gradient, has more than one element and
    ///   no seed is given, the seed's shape differs, or the graph was already released by an
    ///   earlier `backward()`.
    public func backward(seed: Tensor? = nil) throws {
        guard let root = node else {
            throw TensorError("backward", "tensor of shape \(shape) does not require a gradient (no input was made with requiringGrad())")
        }
        guard seed != nil || count == 1 else {
            throw TensorError("backward", "a gradient can be implied only for a tensor with one element; this one has shape \(shape), so pass backward(seed:) with that shape (or reduce it, e.g. with sum())")
        }
        let start = try seed ?? Tensor.ones(shape)
        guard start.shape == shape else {
            throw TensorError.shapes("backward", shape, start.shape, "seed must have the tensor's shape")
        }
        if root.isLeaf {
            Tensor.accumulate(start, into: root)
            return
        }
        guard root.op != nil else {
            throw TensorError("backward", "the graph was already released by an earlier backward()")
        }
        let order = Tensor.topologicalOrder(from: root)
        root.grad = start.detached()
        try withNoGrad {
            for node in order.reversed() where !node.isLeaf {
                guard let op = node.op, let g = node.grad else { continue }
                let inputGrads = try op.vjp(g, shape: node.shape, needs: node.inputs.map { $0 != nil })
                for (input, ig) in zip(node.inputs, inputGrads) {
                    guard let input, let ig else { continue }
                    Tensor.accumulate(ig, into: input)
                }
                // Release what this op saved and the gradient it held.
                node.op = nil
                node.inputs = []
                node.grad = nil
            }
        }
    }

    /// Adds `g` to a node's gradient (in place when the buffer is not shared).
    static func accumulate(_ g: Tensor, into node: GradNode) {
        if var existing = node.grad {
            node.grad = nil   // drop the node's reference so the add can work in place
            existing.addInPlace(g)
            node.grad = existing
        } else {
            node.grad = g.detached()
        }
    }

    /// Nodes in an order where every node comes after its inputs (iterative DFS).
    static func topologicalOrder(from root: GradNode) -> [GradNode] {
        var order: [GradNode] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(GradNode, Int)] = [(root, 0)]
        visited.insert(ObjectIdentifier(root))
        while let (node, next) = stack.popLast() {
            if next < node.inputs.count {
                stack.append((node, next + 1))
                if let child = node.inputs[next], visited.insert(ObjectIdentifier(child)).inserted {
                    stack.append((child, 0))
                }
            } else {
                order.append(node)
            }
        }
        return order
    }

    /// `self += other` elementwise for equal shapes (internal; no broadcasting, no recording).
    mutating func addInPlace(_ other: Tensor) {
        let src = other.storage.pointer
        withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] += src[i] }
        }
    }
}
