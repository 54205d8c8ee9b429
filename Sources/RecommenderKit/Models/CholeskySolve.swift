/// Solves A x = b in place for a small symmetric positive-definite A (n x n, row-major,
/// both triangles filled) by Cholesky factorisation in Double: on return `b` holds x and
/// A's lower triangle holds the factor. ALS solves one such system per user and item, too
/// small (50 x 50) for a LAPACK call to pay off.
/// - Returns: false when A is not positive definite (b is then unusable).
func choleskySolve(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, _ n: Int) -> Bool {
    for j in 0..<n {
        var d = a[j * n + j]
        for k in 0..<j { d -= a[j * n + k] * a[j * n + k] }
        guard d > 0, d.isFinite else { return false }
        let l = d.squareRoot()
        a[j * n + j] = l
        for i in (j + 1)..<max(n, j + 1) {
            var s = a[i * n + j]
            for k in 0..<j { s -= a[i * n + k] * a[j * n + k] }
            a[i * n + j] = s / l
        }
    }
    for i in 0..<n {          // L y = b
        var s = b[i]
        for k in 0..<i { s -= a[i * n + k] * b[k] }
        b[i] = s / a[i * n + i]
    }
    for i in stride(from: n - 1, through: 0, by: -1) {   // Lᵀ x = y
        var s = b[i]
        for k in (i + 1)..<max(n, i + 1) { s -= a[k * n + i] * b[k] }
        b[i] = s / a[i * n + i]
    }
    return true
}
