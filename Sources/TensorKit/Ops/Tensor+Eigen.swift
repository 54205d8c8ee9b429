import CBLAS

/// The eigen decomposition of a symmetric matrix through LAPACK's divide-and-conquer
/// solver (`ssyevd`, in OpenBLAS).
extension Tensor {
    /// The eigenvalues of this symmetric matrix, largest first, and the matching unit
    /// eigenvectors as the rows of a [n, n] tensor (row k belongs to value k). Only the
    /// upper triangle is read. Not differentiable. PCA is built on it.
    ///
    /// ```swift
    /// let c = try Tensor([[2, 1], [1, 2]])
    /// let (values, vectors) = try c.symmetricEigen()   // [3, 1]; rows ±[0.707, 0.707], ±[-0.707, 0.707]
    /// ```
    /// - Throws: if the tensor is not a square rank-2 matrix, holds NaN or infinity, or
    ///   LAPACK fails to converge.
    /// - Complexity: O(n³).
    public func symmetricEigen() throws -> (values: [Float], vectors: Tensor) {
        let op = "symmetricEigen"
        guard rank == 2, shape[0] == shape[1] else { throw TensorError(op, "expected a square matrix, got shape \(shape)") }
        let n = shape[0]
        guard n > 0 else { return ([], try Tensor(shape: [0, 0], scalars: [])) }
        guard n <= 46_000 else { throw TensorError(op, "matrix of size \(n) is too large for LAPACK") }
        var a = scalars
        guard a.allSatisfy(\.isFinite) else { throw TensorError(op, "the matrix holds NaN or infinite values") }
        // Row-major upper triangle = column-major lower triangle.
        var jobz = CChar(UInt8(ascii: "V")), uplo = CChar(UInt8(ascii: "L"))
        var size = Int32(n), lda = Int32(n), info: Int32 = 0
        var w = [Float](repeating: 0, count: n)
        var workSize: Float = 0, iworkSize: Int32 = 0, query: Int32 = -1, iquery: Int32 = -1
        ssyevd_(&jobz, &uplo, &size, &a, &lda, &w, &workSize, &query, &iworkSize, &iquery, &info)
        guard info == 0 else { throw TensorError(op, "LAPACK ssyevd workspace query failed (info \(info))") }
        var lwork = Int32(workSize.rounded(.up)), liwork = iworkSize
        var work = [Float](repeating: 0, count: Int(lwork)), iwork = [Int32](repeating: 0, count: Int(liwork))
        ssyevd_(&jobz, &uplo, &size, &a, &lda, &w, &work, &lwork, &iwork, &liwork, &info)
        if info > 0 { throw TensorError(op, "LAPACK ssyevd did not converge (\(info) off-diagonal elements remain)") }
        guard info == 0 else { throw TensorError(op, "LAPACK ssyevd rejected argument \(-info)") }
        // Column j of the column-major result (eigenvector j) is row j of `a` read row-major.
        var values = [Float](), vectors = [Float]()
        values.reserveCapacity(n); vectors.reserveCapacity(n * n)
        for j in stride(from: n - 1, through: 0, by: -1) {
            values.append(w[j])
            vectors.append(contentsOf: a[(j * n)..<((j + 1) * n)])
        }
        return (values, try Tensor(shape: [n, n], scalars: vectors))
    }
}
