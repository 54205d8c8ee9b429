import ScriptKit
import TensorKit

extension TensorKitBindings {
    /// A script range argument as a Swift `Range<Int>` (a closed range ends one later).
    static func halfOpenRange(_ v: Value, _ what: String) throws -> Range<Int> {
        guard case .range(let lower, let upper, let closed)? = v.unwrapped else {
            throw BindingError("\(what): expected Range<Int>, got \(v.typeName)")
        }
        let end = closed ? upper + 1 : upper
        guard lower <= end else { throw BindingError("\(what): expected lower <= upper, got \(lower) and \(upper)") }
        return lower..<end
    }

    /// Products, transposes, row gathers, slices, concatenation, softmax, top-k and LAPACK.
    static func registerTensorMovement(in registry: Registry) {
        let type = registry.type("Tensor", doc: "")
        type.method("matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) throws -> Tensor",
                    doc: "The matrix product `op(self) · op(other)` of two rank-2 tensors, where `op` transposes when the flag is set (differentiable).") { this, args in
            try tensor(this).matmul(try args.get(0), transposeSelf: try args.get(1), transposeOther: try args.get(2)).scriptValue
        }
        type.staticMethod("linear(_ x: Tensor, weight: Tensor, bias: Tensor?) throws -> Tensor",
                          doc: "`x · weight + bias` in one BLAS call (differentiable).") { args in
            try Tensor.linear(try args.get(0), weight: try args.get(1), bias: try args.get(2)).scriptValue
        }
        type.method("transposed() -> Tensor", doc: "The tensor with its axes reversed (for rank 2, the matrix transpose); a copy.") { this, _ in
            try tensor(this).transposed().scriptValue
        }
        type.method("rows(_ indices: [Int]) throws -> Tensor", doc: "The rows (entries along axis 0) at `indices`, in that order; indices may repeat.") { this, args in
            try tensor(this).rows(try args.get(0, as: [Int].self)).scriptValue
        }
        type.method("rows(_ range: Range<Int>) throws -> Tensor", doc: "The rows in `range` (a contiguous mini-batch). Differentiable.") { this, args in
            try tensor(this).rows(try halfOpenRange(args[0], "Tensor.rows(_:)")).scriptValue
        }
        type.method("slice(axis: Int, _ range: Range<Int>) throws -> Tensor", doc: "The elements whose index along `axis` lies in `range` (a copy); differentiable.") { this, args in
            try tensor(this).slice(axis: try args.get(0), try halfOpenRange(args[1], "Tensor.slice(axis:_:)")).scriptValue
        }
        type.staticMethod("concatenate(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor",
                          doc: "The tensors joined along `axis`; all other axes must agree. Differentiable.") { args in
            try Tensor.concatenate(try args.get(0), axis: try args.get(1)).scriptValue
        }
        type.method("softmax() throws -> Tensor", doc: "`e^x / sum(e^x)` along the last axis (differentiable).") { this, _ in
            try tensor(this).softmax().scriptValue
        }
        type.method("logSoftmax() throws -> Tensor", doc: "`x - logsumexp(x)` along the last axis, computed stably (differentiable).") { this, _ in
            try tensor(this).logSoftmax().scriptValue
        }
        type.method("topKIndices(k: Int) throws -> [[Int]]", doc: "For each row of a rank-2 tensor, the column indices of its `k` largest values, in decreasing order of value.") { this, args in
            try tensor(this).topKIndices(k: try args.get(0)).scriptValue
        }
        type.method("symmetricEigen() throws -> (values: [Float], vectors: Tensor)",
                    doc: "The eigenvalues of this symmetric matrix, largest first, and the matching unit eigenvectors as the rows of a [n, n] tensor.") { this, _ in
            let (values, vectors) = try tensor(this).symmetricEigen()
            return .tuple([values.scriptValue, vectors.scriptValue], labels: ["values", "vectors"])
        }
        type.method("symmetricPositiveDefiniteInverse() throws -> Tensor",
                    doc: "The inverse of a symmetric positive-definite matrix, by Cholesky factorisation.") { this, _ in
            try tensor(this).symmetricPositiveDefiniteInverse().scriptValue
        }
        type.mutatingMethod("invertSymmetricPositiveDefinite() throws",
                            doc: "Replaces this symmetric positive-definite matrix by its inverse, in place.") { this, _ in
            var t = try tensor(this)
            try t.invertSymmetricPositiveDefinite()
            this = t.scriptValue
            return .void
        }
    }

    /// Sums, means, extremes and arg-extremes over all elements or one axis.
    static func registerTensorReductions(in registry: Registry) {
        let type = registry.type("Tensor", doc: "")
        type.method("sum() -> Tensor", doc: "The sum of all elements, as a rank-0 tensor (differentiable).") { this, _ in
            try tensor(this).sum().scriptValue
        }
        type.method("mean() -> Tensor", doc: "The mean of all elements, as a rank-0 tensor (differentiable). NaN when empty.") { this, _ in
            try tensor(this).mean().scriptValue
        }
        type.method("max() throws -> Tensor", doc: "The largest element, as a rank-0 tensor (differentiable; NaN if any element is NaN).") { this, _ in
            try tensor(this).max().scriptValue
        }
        type.method("min() throws -> Tensor", doc: "The smallest element, as a rank-0 tensor (differentiable; NaN if any element is NaN).") { this, _ in
            try tensor(this).min().scriptValue
        }
        type.method("sum(axis: Int, keepDims: Bool = false) throws -> Tensor",
                    doc: "The sum along `axis` (negative counts from the end), dropping that axis unless `keepDims` (differentiable).") { this, args in
            try tensor(this).sum(axis: try args.get(0), keepDims: try args.get(1)).scriptValue
        }
        type.method("mean(axis: Int, keepDims: Bool = false) throws -> Tensor", doc: "The mean along `axis` (differentiable).") { this, args in
            try tensor(this).mean(axis: try args.get(0), keepDims: try args.get(1)).scriptValue
        }
        type.method("max(axis: Int, keepDims: Bool = false) throws -> Tensor",
                    doc: "The largest element along `axis` (differentiable; the gradient goes to the first maximum).") { this, args in
            try tensor(this).max(axis: try args.get(0), keepDims: try args.get(1)).scriptValue
        }
        type.method("min(axis: Int, keepDims: Bool = false) throws -> Tensor", doc: "The smallest element along `axis` (differentiable).") { this, args in
            try tensor(this).min(axis: try args.get(0), keepDims: try args.get(1)).scriptValue
        }
        type.method("argmax() throws -> Int", doc: "The flat index of the largest element (first on ties).") { this, _ in
            try tensor(this).argmax().scriptValue
        }
        type.method("argmax(axis: Int) throws -> [Int]",
                    doc: "For every position of the other axes (in row-major order), the index along `axis` of the largest element.") { this, args in
            try tensor(this).argmax(axis: try args.get(0)).scriptValue
        }
        type.method("argmin(axis: Int) throws -> [Int]", doc: "Like `argmax(axis:)` for the smallest element.") { this, args in
            try tensor(this).argmin(axis: try args.get(0)).scriptValue
        }
    }
}
