/// An n-dimensional array of Float32 values in row-major order, with value semantics:
/// copies share storage until one of them is written (copy-on-write).
///
/// A tensor may also carry a node of the autodiff graph (see `requiringGrad()`,
/// `backward()` and `grad`). Operations that can fail on bad input throw `TensorError`.
///
/// ```swift
/// let a = try Tensor([[1, 2, 3], [4, 5, 6]])
/// let b = try a.matmul(a.transposed())    // [2, 2]
/// print(b)                                  // tensor([[14, 32], [32, 77]], shape: [2, 2])
/// ```
public struct Tensor {
    @usableFromInline var storage: TensorStorage
    /// The size of each axis; `[]` for a scalar.
    public internal(set) var shape: [Int]
    /// The autodiff node, if this tensor requires a gradient or was computed from one that does.
    var node: GradNode?

    /// Wraps a storage whose count matches `shape` (unchecked: internal callers ensure it).
    init(shape: [Int], storage: TensorStorage, node: GradNode? = nil) {
        self.shape = shape
        self.storage = storage
        self.node = node
    }

    /// An uninitialised tensor of a valid `shape` (internal: callers fill every element).
    init(uninitializedShape shape: [Int]) {
        var n = 1
        for d in shape { n *= d }
        self.init(shape: shape, storage: TensorStorage(uninitializedCount: n))
    }

    /// A tensor of `shape` holding `scalars` in row-major order.
    /// - Throws: if a dimension is negative or `scalars.count` differs from the shape's count.
    public init(shape: [Int], scalars: [Float]) throws {
        let n = try Shape.count(shape, "Tensor(shape:scalars:)")
        guard n == scalars.count else {
            throw TensorError("Tensor(shape:scalars:)",
                              "shape \(shape) needs \(n) scalars, got \(scalars.count)")
        }
        self.init(shape: shape, storage: TensorStorage(scalars))
    }

    /// A rank-1 tensor holding `scalars`.
    public init(_ scalars: [Float]) {
        self.init(shape: [scalars.count], storage: TensorStorage(scalars))
    }

    /// A rank-0 (scalar) tensor.
    public init(scalar: Float) {
        self.init(shape: [], storage: TensorStorage([scalar]))
    }

    /// A rank-2 tensor from rows of equal length.
    /// - Throws: if the rows have different lengths.
    public init(_ rows: [[Float]]) throws {
        let columns = rows.first?.count ?? 0
        var flat = [Float]()
        flat.reserveCapacity(rows.count * columns)
        for (i, row) in rows.enumerated() {
            guard row.count == columns else {
                throw TensorError("Tensor(rows)",
                                  "row \(i) has \(row.count) values, expected \(columns) like row 0")
            }
            flat += row
        }
        self.init(shape: [rows.count, columns], storage: TensorStorage(flat))
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements (the product of the shape).
    public var count: Int { storage.count }

    /// All elements in row-major order.
    public var scalars: [Float] {
        Array(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// The value of a tensor with exactly one element.
    /// - Throws: if the tensor has more or fewer than one element.
    public func item() throws -> Float {
        guard count == 1 else {
            throw TensorError("item", "expected a tensor with one element, got shape \(shape)")
        }
        return storage.pointer[0]
    }

    /// The element at a full multi-index.
    /// - Throws: if the index has the wrong rank or is out of range.
    public func scalar(at index: [Int]) throws -> Float {
        guard index.count == rank else {
            throw TensorError("scalar(at:)", "index \(index) has \(index.count) axes, tensor has shape \(shape)")
        }
        var offset = 0
        for (axis, i) in index.enumerated() {
            guard i >= 0, i < shape[axis] else {
                throw TensorError("scalar(at:)", "index \(index) is out of range for shape \(shape)")
            }
            offset = offset * shape[axis] + i
        }
        return storage.pointer[offset]
    }

    /// Calls `body` with the elements in row-major order (no copy).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// Calls `body` with writable elements, copying the storage first if it is shared.
    /// The autodiff node is kept: use this for in-place updates of parameters outside
    /// recorded computation (as optimizers do).
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) {
            storage = TensorStorage(copying: storage)
        }
        return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// The same elements viewed with another shape of equal count (no copy). One axis may
    /// be -1: its size is inferred from the others.
    /// - Throws: if the counts differ, or more than one axis is -1. Differentiable.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        var target = newShape
        guard newShape.filter({ $0 == -1 }).count <= 1 else {
            throw TensorError("reshaped", "shape \(newShape) has more than one -1; only one axis may be inferred")
        }
        if let hole = newShape.firstIndex(of: -1) {
            var rest = newShape
            rest.remove(at: hole)
            let known = try Shape.count(rest, "reshaped")
            guard known > 0, count % known == 0 else {
                throw TensorError.shapes("reshaped", shape, newShape, "cannot infer the -1 axis")
            }
            target[hole] = count / known
        }
        let n = try Shape.count(target, "reshaped")
        guard n == count else {
            throw TensorError.shapes("reshaped", shape, newShape, "\(count) != \(n) elements")
        }
        let out = Tensor(shape: target, storage: storage)
        return record(out, .reshape(from: shape), [self])
    }

    /// A copy of this tensor that is not part of the autodiff graph (shares storage).
    public func detached() -> Tensor {
        Tensor(shape: shape, storage: storage)
    }
}

extension Tensor: Equatable {
    /// Equal when shapes and all elements are equal (the autodiff state is ignored).
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        guard lhs.shape == rhs.shape else { return false }
        if lhs.storage === rhs.storage { return true }
        for i in 0..<lhs.count where lhs.storage.pointer[i] != rhs.storage.pointer[i] { return false }
        return true
    }
}
