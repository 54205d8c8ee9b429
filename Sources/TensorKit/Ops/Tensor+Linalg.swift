import CBLAS

/// Dense linear algebra through the LAPACK routines that OpenBLAS ships.
extension Tensor {
    /// The inverse of a symmetric positive-definite matrix (a Gram matrix plus a ridge,
    /// as EASE inverts), by Cholesky factorisation (`spotrf`) and inversion from the factor
    /// (`spotri`). Not differentiable; the result is exactly symmetric.
    ///
    /// ```swift
    /// let g = try Tensor([[4, 2], [2, 3]])
    /// let p = try g.symmetricPositiveDefiniteInverse()   // [[0.375, -0.25], [-0.25, 0.5]]
    /// ```
    /// - Throws: if the tensor is not a square rank-2 matrix, holds NaN or infinity, or is
    ///   not positive definite (the message names the failing leading minor).
    /// - Complexity: about n³ floating-point operations (n³/3 for the factorisation,
    ///   2n³/3 for the inverse), multithreaded by OpenBLAS.
    public func symmetricPositiveDefiniteInverse() throws -> Tensor {
        var out = detached()
        try out.invertSymmetricPositiveDefinite()
        return out
    }

    /// Replaces this symmetric positive-definite matrix by its inverse, in place (see
    /// `symmetricPositiveDefiniteInverse()`): no second n x n buffer when the storage is not
    /// shared. The tensor leaves the autodiff graph.
    /// - Throws: as `symmetricPositiveDefiniteInverse()`; the values are then unspecified.
    public mutating func invertSymmetricPositiveDefinite() throws {
        let op = "symmetricPositiveDefiniteInverse"
        guard rank == 2, shape[0] == shape[1] else {
            throw TensorError(op, "expected a square matrix, got shape \(shape)")
        }
        let n = shape[0]
        node = nil
        guard n > 0 else { return }
        guard n <= Int(Int32.max) else { throw TensorError(op, "matrix of size \(n) is too large for LAPACK") }
        let finite = withUnsafeBufferPointer { $0.allSatisfy(\.isFinite) }
        guard finite else { throw TensorError(op, "the matrix holds NaN or infinite values") }
        // Row-major upper = column-major lower: LAPACK works on the 'L' triangle of its
        // column-major view, which is our upper triangle; mirrored below afterwards.
        var uplo = CChar(UInt8(ascii: "L"))
        var size = Int32(n), lda = Int32(n), info: Int32 = 0
        withUnsafeMutableBufferPointer { a in spotrf_(&uplo, &size, a.baseAddress, &lda, &info) }
        if info > 0 {
            throw TensorError(op, "the matrix is not positive definite (leading minor \(info) of \(n) is not positive)")
        }
        guard info == 0 else { throw TensorError(op, "LAPACK spotrf rejected argument \(-info)") }
        withUnsafeMutableBufferPointer { a in spotri_(&uplo, &size, a.baseAddress, &lda, &info) }
        if info > 0 { throw TensorError(op, "the matrix is singular (diagonal element \(info) of its factor is zero)") }
        guard info == 0 else { throw TensorError(op, "LAPACK spotri rejected argument \(-info)") }
        // Column-major lower triangle (i >= j) is row-major element [j, i] with j <= i:
        // copy every computed upper element to its mirror.
        // In 64 x 64 tiles, so the column-wise reads stay in cache.
        let tile = 64, tiles = (n + tile - 1) / tile
        withUnsafeMutableBufferPointer { a in
            let p = a.baseAddress!
            Parallel.forRanges(tiles, costPerItem: n * tile) { range in
                for rowTile in range {
                    let i0 = rowTile * tile, i1 = Swift.min(n, i0 + tile)
                    for j0 in stride(from: 0, through: i0, by: tile) {
                        for i in i0..<i1 { for j in j0..<Swift.min(j0 + tile, i) { p[i * n + j] = p[j * n + i] } }
                    }
                }
            }
        }
    }
}
