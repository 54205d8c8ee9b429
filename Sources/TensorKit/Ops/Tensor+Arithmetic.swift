/// Elementwise arithmetic with NumPy broadcasting. Tensor-tensor operators throw when the
/// shapes cannot broadcast; tensor-scalar operators cannot fail.
///
/// ```swift
/// let x = try Tensor([[1, 2, 3], [4, 5, 6]])
/// let centred = try x - x.mean(axis: 0)     // [2, 3] - [3]
/// let y = x * 2 + 1
/// ```
public enum BinaryOperator: Sendable {
    case add, subtract, multiply, divide
}

extension Tensor {
    /// The elementwise `lhs op rhs` with broadcasting (differentiable).
    public static func binary(_ op: BinaryOperator, _ lhs: Tensor, _ rhs: Tensor) throws -> Tensor {
        let name: String
        switch op {
        case .add: name = "add"
        case .subtract: name = "subtract"
        case .multiply: name = "multiply"
        case .divide: name = "divide"
        }
        let outShape = lhs.shape == rhs.shape ? lhs.shape : try Shape.broadcast(lhs.shape, rhs.shape, name)
        var out = Tensor(uninitializedShape: outShape)
        let a = lhs.storage.pointer, b = rhs.storage.pointer, o = out.storage.pointer
        if lhs.shape == rhs.shape {
            let n = lhs.count
            switch op {
            case .add: for i in 0..<n { o[i] = a[i] + b[i] }
            case .subtract: for i in 0..<n { o[i] = a[i] - b[i] }
            case .multiply: for i in 0..<n { o[i] = a[i] * b[i] }
            case .divide: for i in 0..<n { o[i] = a[i] / b[i] }
            }
        } else {
            Broadcast.forEachRow(out: outShape, a: lhs.shape, b: rhs.shape) { oa, sa, ob, sb, oo, n in
                switch op {
                case .add: for i in 0..<n { o[oo + i] = a[oa + i * sa] + b[ob + i * sb] }
                case .subtract: for i in 0..<n { o[oo + i] = a[oa + i * sa] - b[ob + i * sb] }
                case .multiply: for i in 0..<n { o[oo + i] = a[oa + i * sa] * b[ob + i * sb] }
                case .divide: for i in 0..<n { o[oo + i] = a[oa + i * sa] / b[ob + i * sb] }
                }
            }
        }
        let saved = op == .multiply || op == .divide
        out = record(out, .binary(op, lhs: saved ? lhs.detached() : nil, rhs: saved ? rhs.detached() : nil,
                                   lhsShape: lhs.shape, rhsShape: rhs.shape), [lhs, rhs])
        return out
    }

    /// Elementwise sum with broadcasting.
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.add, lhs, rhs) }
    /// Elementwise difference with broadcasting.
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.subtract, lhs, rhs) }
    /// Elementwise product with broadcasting.
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.multiply, lhs, rhs) }
    /// Elementwise quotient with broadcasting.
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try binary(.divide, lhs, rhs) }

    /// `lhs + rhs` for every element.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs.affine(scale: 1, shift: rhs) }
    /// `lhs + rhs` for every element.
    public static func + (lhs: Float, rhs: Tensor) -> Tensor { rhs.affine(scale: 1, shift: lhs) }
    /// `lhs - rhs` for every element.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs.affine(scale: 1, shift: -rhs) }
    /// `lhs - rhs` for every element.
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { rhs.affine(scale: -1, shift: lhs) }
    /// `lhs * rhs` for every element.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs.affine(scale: rhs, shift: 0) }
    /// `lhs * rhs` for every element.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { rhs.affine(scale: lhs, shift: 0) }
    /// `lhs / rhs` for every element.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs.affine(scale: 1 / rhs, shift: 0) }
    /// `lhs / rhs` for every element.
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { rhs.pow(-1) * lhs }
    /// The negation of every element.
    public static prefix func - (x: Tensor) -> Tensor { x.affine(scale: -1, shift: 0) }

    /// `scale * x + shift` for every element (differentiable).
    public func affine(scale: Float, shift: Float) -> Tensor {
        var out = Tensor(uninitializedShape: shape)
        let a = storage.pointer, o = out.storage.pointer
        for i in 0..<count { o[i] = scale * a[i] + shift }
        out = record(out, .affine(scale: scale), [self])
        return out
    }
}
