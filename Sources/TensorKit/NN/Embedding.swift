/// A lookup table: row `i` of `weight` is the vector of index `i`. Initialised from
/// N(0, 1) as in PyTorch. Differentiable with respect to `weight`.
public final class Embedding: Module {
    /// [count, dimension].
    public let weight: Parameter
    public var isTraining = true

    /// A table of `count` vectors of `dimension` values.
    /// - Throws: if a size is not positive.
    public init(_ count: Int, _ dimension: Int, generator: inout SeededGenerator) throws {
        guard count > 0, dimension > 0 else {
            throw TensorError("Embedding", "sizes must be positive, got \(count) x \(dimension)")
        }
        weight = Parameter(try Tensor.normal([count, dimension], generator: &generator))
    }

    public var ownParameters: [(name: String, parameter: Parameter)] { [("weight", weight)] }

    /// The vectors of `indices`, shape [indices.count, dimension].
    /// - Throws: if an index is out of range.
    public func callAsFunction(_ indices: [Int]) throws -> Tensor {
        do { return try weight.value.rows(indices) } catch let e as TensorError {
            throw TensorError("Embedding", e.message)
        }
    }
}
