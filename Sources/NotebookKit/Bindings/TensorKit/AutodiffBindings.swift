import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// Reverse-mode autodiff: `requiringGrad`, `backward`, `grad`, `zeroGrad`, `withNoGrad`.
    static func registerAutodiff(in registry: Registry) {
        let type = registry.type("Tensor", doc: "")
        type.readOnly("requiresGrad: Bool", \Tensor.requiresGrad,
                      doc: "Whether this tensor is part of the autodiff graph (a leaf that requires a gradient, or the result of an op on one).")
        type.method("requiringGrad() -> Tensor", doc: "A leaf of the autodiff graph with the same values: after `backward()` on a result computed from it, its gradient is in `grad`.") { this, _ in
            try tensor(this).requiringGrad().scriptValue
        }
        type.readOnly("grad: Tensor?", \Tensor.grad, doc: "The gradient accumulated in this leaf by `backward()` calls, or `nil` if none yet.")
        type.method("zeroGrad()", doc: "Clears the accumulated gradient of this leaf (the next `backward()` starts from zero).") { this, _ in
            try tensor(this).zeroGrad()
            return .void
        }
        type.method("backward(seed: Tensor? = nil) throws", doc: "Back-propagates from this tensor, accumulating gradients in the leaves it was computed from.") { this, args in
            try tensor(this).backward(seed: try args.get(0))
            return .void
        }
        registry.function("withNoGrad<T>(_ body: () throws -> T) rethrows -> T",
                          doc: "Runs `body` without recording autodiff nodes (evaluation, optimizer updates), like `torch.no_grad()`.") { args in
            let body = args[0]
            return try withNoGrad { try args.call(body, []) }
        }
    }
}
