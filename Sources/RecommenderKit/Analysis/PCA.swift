// Principal component analysis: Karl Pearson, "On Lines and Planes of Closest Fit to
// Systems of Points in Space", Philosophical Magazine 1901; Harold Hotelling, "Analysis of
// a Complex of Statistical Variables into Principal Components", J. Educ. Psych. 1933.
// Conventions (explained variance with n − 1, component signs) follow scikit-learn's `PCA`.
import TensorKit

/// Principal component analysis of the rows of a [n, d] matrix: the data are centred,
/// their covariance `C = Xcᵀ Xc / (n − 1)` is decomposed by LAPACK's symmetric eigensolver
/// (`Tensor.symmetricEigen`, `ssyevd`), and the `components` eigenvectors with the largest
/// eigenvalues are kept. Each component's sign is fixed so that its entry of largest
/// magnitude is positive (results are deterministic; scikit-learn fixes signs from the
/// scores instead, so a component may differ from its output by a sign).
///
/// ```swift
/// let pca = try PCA(fitting: itemFactors, components: 2)
/// let xy = try pca.transform(itemFactors)             // [items, 2]
/// pca.explainedVarianceRatio                          // e.g. [0.21, 0.09]
/// ```
public struct PCA {
    /// The principal axes as rows, [components, d], each of unit length.
    public let components: Tensor
    /// The mean of each input column, subtracted before projecting.
    public let mean: [Float]
    /// The variance along each component (the covariance eigenvalues, n − 1 denominator).
    public let explainedVariance: [Float]
    /// Each component's share of the total variance.
    public let explainedVarianceRatio: [Float]

    /// Fits `components` principal axes to the rows of `x` [n, d].
    /// - Throws: `ModelError` if `x` is not a [n, d] matrix with n >= 2, holds NaN or
    ///   infinity, or `components` is outside 1...d.
    /// - Complexity: O(n d² + d³): one covariance product and one d x d eigen decomposition.
    public init(fitting x: Tensor, components k: Int) throws {
        let (n, d) = try analysisShape(x, "PCA", minRows: 2)
        guard k >= 1, k <= d else { throw ModelError("PCA", "components must be in 1...\(d), got \(k)") }
        let mean = columnMeans(x, n, d)
        var centred = x.scalars
        for i in 0..<n { for j in 0..<d { centred[i * d + j] -= mean[j] } }
        let xc = try Tensor(shape: [n, d], scalars: centred)
        let covariance = try xc.matmul(xc, transposeSelf: true) * (1 / Float(n - 1))
        let (values, vectors) = try covariance.symmetricEigen()
        var rows = [Float]()
        rows.reserveCapacity(k * d)
        for c in 0..<k {
            var v = Array(vectors.scalars[(c * d)..<((c + 1) * d)])
            let largest = v.indices.max { abs(v[$0]) < abs(v[$1]) }!
            if v[largest] < 0 { v = v.map { -$0 } }
            rows += v
        }
        let total = values.reduce(0) { $0 + max($1, 0) }
        self.mean = mean
        components = try Tensor(shape: [k, d], scalars: rows)
        explainedVariance = values.prefix(k).map { max($0, 0) }
        explainedVarianceRatio = explainedVariance.map { total > 0 ? $0 / total : 0 }
    }

    /// The coordinates of the rows of `x` [m, d] on the components: [m, components].
    /// - Throws: `ModelError` if `x` does not have the fitted column count.
    public func transform(_ x: Tensor) throws -> Tensor {
        let d = mean.count
        guard x.rank == 2, x.shape[1] == d else {
            throw ModelError("PCA.transform", "expected a [rows, \(d)] matrix, got shape \(x.shape)")
        }
        var centred = x.scalars
        for i in 0..<x.shape[0] { for j in 0..<d { centred[i * d + j] -= mean[j] } }
        return try Tensor(shape: x.shape, scalars: centred).matmul(components, transposeOther: true)
    }
}

/// The row and column counts of an analysis input, after checking it is a finite [n, d]
/// matrix with at least `minRows` rows and one column; errors name `operation`.
func analysisShape(_ x: Tensor, _ operation: String, minRows: Int) throws -> (Int, Int) {
    guard x.rank == 2, x.shape[0] >= minRows, x.shape[1] >= 1 else {
        throw ModelError(operation, "expected a [rows, columns] matrix with at least \(minRows) rows, got shape \(x.shape)")
    }
    if let bad = x.withUnsafeBufferPointer({ $0.firstIndex { !$0.isFinite } }) {
        throw ModelError(operation, "row \(bad / x.shape[1]) holds a NaN or infinite value")
    }
    return (x.shape[0], x.shape[1])
}

/// The mean of each column of a row-major [n, d] matrix.
func columnMeans(_ x: Tensor, _ n: Int, _ d: Int) -> [Float] {
    var sums = [Double](repeating: 0, count: d)
    x.withUnsafeBufferPointer { p in for i in 0..<n { for j in 0..<d { sums[j] += Double(p[i * d + j]) } } }
    return sums.map { Float($0 / Double(n)) }
}
