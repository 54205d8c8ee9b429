/// Slicing along any axis.
extension Tensor {
    /// The elements whose index along `axis` lies in `range` (a copy); differentiable.
    ///
    /// ```swift
    /// let h = try Tensor.zeros([500, 400])
    /// let mean = try h.slice(axis: 1, 0..<200), logVariance = try h.slice(axis: 1, 200..<400)
    /// ```
    /// - Throws: if the axis or the range is out of bounds.
    public func slice(axis: Int, _ range: Range<Int>) throws -> Tensor {
        let ax = try Shape.axis(axis, rank: rank, "slice")
        guard range.lowerBound >= 0, range.upperBound <= shape[ax] else {
            throw TensorError("slice", "range \(range) is out of bounds 0..<\(shape[ax]) on axis \(ax) of shape \(shape)")
        }
        let out = narrow(axis: ax, start: range.lowerBound, length: range.count)
        return record(out, .slice(axis: ax, start: range.lowerBound, length: shape[ax]), [self])
    }
}
